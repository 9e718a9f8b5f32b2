import { type ComponentType, render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { messageOf } from '../../scoring/format';
import { getDb } from '../../storage/db';
import { announceRecordChanges } from '../browser/record-changes';
import { useLive } from '../pages/live';
import { ReadOnlyNotice } from '../pages/read-only';
import { hashOf, rosterLink, usePlace, type View } from './address';
import { backupDueDays, neverBackedUp, snoozeReminder } from './reminder';
import { RosterView } from './roster-view';
import { clearUndo, useUndo } from './undo';

/**
 * A view loaded when first opened: the roster's own code is all the page loads at first (so its first rows
 * come sooner); the rules, the data view and a contractor's record follow on demand.
 */
function Later<P extends object>({ load, props }: { load: () => Promise<ComponentType<P>>; props: P }) {
  const [Component, setComponent] = useState<ComponentType<P> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    load().then(
      (c) => setComponent(() => c),
      (e: unknown) => setError(messageOf(e)),
    );
  }, [load]);
  if (error) return <p class="error">This view could not be loaded: {error}</p>;
  return Component ? (
    <Component {...props} />
  ) : (
    <p class="muted loading" role="status">
      Loading…
    </p>
  );
}
const loadRules = () => import('./rules-view').then((m) => m.RulesView);
const loadData = () => import('./data-view').then((m) => m.DataPage);
const loadDetail = () => import('./detail').then((m) => m.Detail);

const TABS: { view: View; label: string }[] = [
  { view: 'roster', label: 'Roster' },
  { view: 'rules', label: 'The five rules' },
  { view: 'data', label: 'Data & settings' },
];

/** The undo of the last delete, merge or import, wherever the user has gone since. */
function UndoBar() {
  const undo = useUndo();
  const [state, setState] = useState<{ running: boolean; error?: string }>({ running: false });
  if (!undo) return null;
  return (
    <div class="card row toast undo-bar" role="status">
      <span class="grow">
        {state.error ? `Undo failed: ${state.error}` : state.running ? 'Undoing…' : undo.message}
      </span>
      <button
        type="button"
        disabled={state.running}
        onClick={() => {
          setState({ running: true });
          undo.run().then(
            () => {
              setState({ running: false });
              clearUndo();
            },
            (e: unknown) => setState({ running: false, error: messageOf(e) }),
          );
        }}
      >
        {undo.label ?? 'Undo'}
      </button>
      <button type="button" class="link" aria-label="Dismiss" onClick={clearUndo} disabled={state.running}>
        ✕
      </button>
    </div>
  );
}

function BackupReminder({ contractors }: { contractors: number }) {
  const [days, setDays] = useState(() => backupDueDays());
  if (days === null || contractors === 0) return null;
  return (
    <div class="card row reminder" role="note">
      <span class="grow">
        {neverBackedUp()
          ? `You have not saved a backup in the ${days} days you have used Track Record.`
          : `Your last backup is ${days} days old.`}{' '}
        Your records live only in this browser.
      </span>
      <a class="button" href="#view=data">
        Back up now
      </a>
      <button
        type="button"
        class="link"
        onClick={() => {
          snoozeReminder();
          setDays(null);
        }}
      >
        Remind me in a week
      </button>
    </div>
  );
}

function Dashboard() {
  const [place, setQuery] = usePlace();
  const count = useLive(() => getDb().rosterRows.count(), []);
  const contractors = count.status === 'ready' ? count.value : 0;
  return (
    <div class="stack dashboard">
      <header class="spread">
        <h1>Track Record</h1>
        <nav aria-label="Views" class="tabs">
          {TABS.map((t) => (
            <a
              key={t.view}
              class="tab"
              href={t.view === 'roster' ? rosterLink() : hashOf({ view: t.view })}
              aria-current={!place.contractor && place.view === t.view ? 'page' : undefined}
            >
              {t.label}
            </a>
          ))}
        </nav>
      </header>
      <ReadOnlyNotice />
      <BackupReminder contractors={contractors} />
      {place.contractor ? (
        <Later key={place.contractor} load={loadDetail} props={{ id: place.contractor }} />
      ) : place.view === 'rules' ? (
        <Later load={loadRules} props={{}} />
      ) : place.view === 'data' ? (
        <Later load={loadData} props={{ contractors }} />
      ) : (
        <RosterView query={place.query} setQuery={setQuery} />
      )}
      <UndoBar />
    </div>
  );
}

/** Draws the whole page into `root` (replacing the first screen drawn from the cache, if any). */
export function start(root: HTMLElement): void {
  announceRecordChanges();
  render(<Dashboard />, root);
}
