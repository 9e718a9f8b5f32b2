import { useEffect, useMemo, useState } from 'preact/hooks';
import { ErrorText } from '../../components/ErrorText';
import { RosterTable } from '../../components/RosterTable';
import { VERDICT_TEXT } from '../../components/verdict-labels';
import type { Settings } from '../../model/settings';
import { formatCount, messageOf, plural } from '../../scoring/format';
import {
  applyQuery,
  DEFAULT_QUERY,
  filterChoices,
  isDefaultQuery,
  type RosterQuery,
  type ShownRow,
  VERDICT_URGENCY,
} from '../../scoring/roster-query';
import { siteName } from '../../sites/index';
import { deleteContractors, mergeMany, restoreRecords, undoMerge } from '../../storage/bundles';
import { getDb } from '../../storage/db';
import { seedDemo } from '../../storage/demo';
import { loadFirstRows, loadRosterRows } from '../../storage/roster';
import { ensureRosterRows } from '../../storage/rows';
import { readSettings } from '../../storage/settings';
import { useLive } from '../pages/live';
import { saveFirstScreen } from './first-screen';
import { offerUndo } from './undo';

/** Rows read through the name index while the whole roster loads: more than a screen holds. */
const FIRST_ROWS = 40;

type Loaded = { rows: ShownRow[]; settings: Settings; now: number };

async function loadAll(): Promise<Loaded> {
  const db = getDb();
  const now = Date.now();
  const [rows, settings] = await Promise.all([loadRosterRows(db, now), readSettings(db)]);
  return { rows, settings, now };
}

/** Everyone tracked: search, filters and sort from the address; a table that draws only what is in view. */
export function RosterView({ query, setQuery }: { query: RosterQuery; setQuery: (q: RosterQuery) => void }) {
  // The default view draws its first screen from the name index before the whole roster is read: the
  // full read starts once those rows are on screen (or at once for a search, filter or sort).
  const [wantAll, setWantAll] = useState(() => !isDefaultQuery(query));
  const all = useLive(async () => (wantAll ? loadAll() : null), [wantAll]);
  const [first, setFirst] = useState<Loaded | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [merging, setMerging] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (wantAll) return;
    const db = getDb();
    const now = Date.now();
    const afterPaint = () => requestAnimationFrame(() => setTimeout(() => setWantAll(true)));
    Promise.all([loadFirstRows(db, FIRST_ROWS, now), readSettings(db)]).then(
      ([rows, settings]) => {
        setFirst({ rows, settings, now });
        afterPaint();
      },
      () => setWantAll(true),
    );
  }, []);
  useEffect(() => {
    if (!isDefaultQuery(query)) setWantAll(true);
  }, [query]);
  useEffect(() => {
    if (all.status === 'ready' && all.value) ensureRosterRows(getDb()).catch(() => undefined);
  }, [all.status]);

  const loaded = all.status === 'ready' ? all.value : null;
  // The first screen of the default view is kept for the next visit to draw at once (first-screen.tsx).
  useEffect(() => {
    const source = loaded ?? first;
    if (!source) return;
    const byName = loaded ? applyQuery(loaded.rows, DEFAULT_QUERY) : source.rows;
    saveFirstScreen(byName.slice(0, FIRST_ROWS), source.settings, siteName);
  }, [loaded, first]);
  const empty = (loaded ?? first)?.rows.length === 0;
  const shown = useMemo(() => (loaded ? applyQuery(loaded.rows, query) : null), [loaded, query]);
  const choices = useMemo(
    () => (loaded ? filterChoices(loaded.rows) : { platforms: [], skills: [] }),
    [loaded],
  );
  const attempt = async (work: () => Promise<void>) => {
    setError(null);
    setBusy(true);
    try {
      await work();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (all.status === 'failed')
    return (
      <div class="card stack empty" role="alert">
        {/* Dexie repeats the cause after its own message: the first is enough. */}
        <p class="error">Your roster could not be read: {all.error.split(/\s(?=\w*Error: )/)[0]}</p>
        <p class="muted">Reload the page to try again. Your records are not changed by this.</p>
      </div>
    );

  const table = loaded ?? first;
  if (!table)
    return (
      <p class="muted loading" role="status">
        Loading your roster…
      </p>
    );
  if (empty)
    return (
      <EmptyRoster
        onDemo={() => attempt(() => seedDemo(getDb(), Date.now()).then(() => undefined))}
        error={error}
      />
    );

  const rows = shown ?? table.rows;
  const selectedIds = [...selected].filter((id) => loaded?.rows.some((r) => r.id === id) ?? true);
  const name = (id: string) => loaded?.rows.find((r) => r.id === id)?.name ?? id;
  const set = (patch: Partial<RosterQuery>) => setQuery({ ...query, ...patch });

  return (
    <section class="stack" aria-label="Contractors">
      <form class="row filters" aria-label="Search and filters" onSubmit={(e) => e.preventDefault()}>
        <input
          type="search"
          class="grow"
          placeholder="Search names, notes, skills, profile addresses"
          aria-label="Search contractors"
          value={query.q}
          onInput={(e) => set({ q: e.currentTarget.value })}
        />
        <select
          aria-label="Verdict"
          value={query.verdict}
          onChange={(e) => set({ verdict: e.currentTarget.value as RosterQuery['verdict'] })}
        >
          <option value="">Any verdict</option>
          {VERDICT_URGENCY.map((v) => (
            <option key={v} value={v}>
              {VERDICT_TEXT[v].label}
            </option>
          ))}
        </select>
        <select
          aria-label="Platform"
          value={query.platform}
          onChange={(e) => set({ platform: e.currentTarget.value })}
        >
          <option value="">Any platform</option>
          {choices.platforms.map((p) => (
            <option key={p} value={p}>
              {siteName(p)}
            </option>
          ))}
        </select>
        <select
          aria-label="Skill area"
          value={query.skill}
          onChange={(e) => set({ skill: e.currentTarget.value })}
        >
          <option value="">Any skill area</option>
          {choices.skills.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <select
          aria-label="Active or dropped"
          value={query.status}
          onChange={(e) => set({ status: e.currentTarget.value as RosterQuery['status'] })}
        >
          <option value="all">Active and dropped</option>
          <option value="active">Active only</option>
          <option value="dropped">Dropped only</option>
        </select>
        {!isDefaultQuery({ ...query, sort: 'name', desc: false }) && (
          <button
            type="button"
            class="link"
            onClick={() => setQuery({ ...DEFAULT_QUERY, sort: query.sort, desc: query.desc })}
          >
            Clear
          </button>
        )}
      </form>
      <div class="spread">
        <p class="muted" role="status" aria-live="polite">
          {loaded
            ? rows.length === loaded.rows.length
              ? `${count(loaded.rows.length)}`
              : `${formatCount(rows.length)} of ${count(loaded.rows.length)}`
            : `Loading all contractors…`}
        </p>
        {selectedIds.length > 0 && (
          <div class="row" role="toolbar" aria-label="Selected contractors">
            <span>{selectedIds.length} selected</span>
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                attempt(async () => {
                  const removed = await deleteContractors(getDb(), selectedIds);
                  setSelected(new Set());
                  const who =
                    removed.contractors.length === 1
                      ? removed.contractors[0]?.name
                      : `${removed.contractors.length} contractors`;
                  offerUndo({
                    message: `Deleted ${who} and everything recorded about them.`,
                    run: () => restoreRecords(getDb(), removed),
                  });
                })
              }
            >
              Delete
            </button>
            {selectedIds.length > 1 && (
              <button type="button" disabled={busy} onClick={() => setMerging(selectedIds[0] ?? null)}>
                Merge…
              </button>
            )}
            <button type="button" class="link" onClick={() => setSelected(new Set())}>
              Clear selection
            </button>
          </div>
        )}
      </div>
      {merging !== null && selectedIds.length > 1 && (
        <form
          class="card row"
          aria-label="Merge contractors"
          onSubmit={(e) => {
            e.preventDefault();
            const into = merging;
            const from = selectedIds.filter((id) => id !== into);
            attempt(async () => {
              const before = await mergeMany(getDb(), into, from);
              setMerging(null);
              setSelected(new Set([into]));
              offerUndo({
                message: `Merged ${from.length + 1} contractors into ${name(into)}.`,
                run: () => undoMerge(getDb(), before),
              });
            });
          }}
        >
          <label>
            <span>The same person tracked {selectedIds.length} times: keep</span>
            <select value={merging} onChange={(e) => setMerging(e.currentTarget.value)}>
              {selectedIds.map((id) => (
                <option key={id} value={id}>
                  {name(id)}
                </option>
              ))}
            </select>
          </label>
          <span class="muted grow">
            and move every profile, event, engagement and access of the others to them.
          </span>
          <button type="submit" class="primary" disabled={busy}>
            Merge
          </button>
          <button type="button" onClick={() => setMerging(null)}>
            Cancel
          </button>
        </form>
      )}
      <ErrorText message={error} />
      {rows.length === 0 ? (
        <div class="card stack empty">
          <p>No one matches {query.q ? `“${query.q}”` : 'these filters'}.</p>
          <div class="row">
            <button type="button" onClick={() => setQuery(DEFAULT_QUERY)}>
              Show everyone
            </button>
          </div>
        </div>
      ) : (
        <RosterTable
          rows={rows}
          siteName={siteName}
          query={query}
          strikeLimit={table.settings.strikeLimit}
          now={table.now}
          onSort={(key) => set({ sort: key, desc: query.sort === key ? !query.desc : false })}
          selected={selected}
          onSelect={(id, on) =>
            setSelected((s) => {
              const next = new Set(s);
              if (on) next.add(id);
              else next.delete(id);
              return next;
            })
          }
          onSelectAll={(on) => setSelected(on ? new Set(rows.map((r) => r.id)) : new Set())}
        />
      )}
    </section>
  );
}

const count = (n: number) => plural(n, 'contractor');

function EmptyRoster({ onDemo, error }: { onDemo: () => void; error: string | null }) {
  return (
    <div class="card stack empty">
      <h2>No one on your roster yet</h2>
      <p>
        Open a freelancer's profile on a supported marketplace and press <strong>Track</strong>: they appear
        here with their verdict, strikes and open work.
      </p>
      <div class="row">
        <a class="button" href="#view=data">
          Import a backup or a spreadsheet
        </a>
        <button type="button" onClick={onDemo}>
          Load demo data
        </button>
      </div>
      <ErrorText message={error} />
    </div>
  );
}
