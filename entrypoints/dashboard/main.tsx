import '../../components/theme.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { messageOf } from '../../components/ErrorText';
import { contractorIdFromLink, loadContractorView } from '../../storage/contractors';
import { getDb } from '../../storage/db';
import { ContractorDetail } from '../shared/contractor-detail';
import { useLive } from '../shared/live';
import { ReadOnlyNotice } from '../shared/read-only';
import { hashOf, rosterLink, usePlace, type View } from './address';
import { DataPage } from './data-view';
import { backupDueDays, neverBackedUp, snoozeReminder } from './reminder';
import { RosterView } from './roster-view';
import { RulesView } from './rules-view';
import { clearUndo, useUndo } from './undo';

const TABS: { view: View; label: string }[] = [
  { view: 'roster', label: 'Roster' },
  { view: 'rules', label: 'The five rules' },
  { view: 'data', label: 'Data & settings' },
];

/** `#contractor=<id>` (or the number an old link carries) opens one contractor's record. */
function Detail({ id }: { id: string }) {
  const view = useLive(async () => {
    const contractorId = await contractorIdFromLink(getDb(), id);
    return contractorId === undefined ? undefined : loadContractorView(getDb(), contractorId);
  }, [id]);
  const ready = view.status === 'ready' && view.value !== undefined;
  // A link to a section ("#contractor=…&section=accesses") scrolls to it once the record is drawn.
  useEffect(() => {
    const section = new URLSearchParams(location.hash.slice(1)).get('section');
    if (ready && section) document.getElementById(section)?.scrollIntoView({ block: 'start' });
  }, [ready, id]);
  return (
    <div class="stack">
      <a href={rosterLink()}>← Roster</a>
      {view.status === 'loading' && (
        <p class="muted loading" role="status">
          Loading…
        </p>
      )}
      {view.status === 'failed' && <p class="error">Could not read your records: {view.error}</p>}
      {view.status === 'ready' &&
        (view.value ? (
          <ContractorDetail view={view.value} />
        ) : (
          <div class="card empty">
            <p>No such contractor (any more): they may have been deleted or merged into someone else.</p>
          </div>
        ))}
    </div>
  );
}

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
        <Detail id={place.contractor} />
      ) : place.view === 'rules' ? (
        <RulesView />
      ) : place.view === 'data' ? (
        <DataPage contractors={contractors} />
      ) : (
        <RosterView query={place.query} setQuery={setQuery} />
      )}
      <UndoBar />
    </div>
  );
}

render(<Dashboard />, document.getElementById('app') as HTMLElement);
