import { RosterTable } from '../../components/RosterTable';
import type { Settings } from '../../model/settings';
import { DEFAULT_QUERY, type ShownRow } from '../../scoring/roster-query';
import type { RosterRow } from '../../scoring/roster-row';
import { assessRow } from '../../scoring/row-assessment';

// A copy of the roster's first screen (its first rows by name, the settings their verdicts need, and the
// names of their marketplaces), kept in the page's own storage at each visit, so the next visit can draw it
// at once. Derived data only, without the searched text (notes stay in the database); verdicts and scores
// are computed again for the moment it is drawn.

const KEY = 'track-record:first-screen';
const VERSION = 1;

export type CachedScreen = {
  version: typeof VERSION;
  rows: Omit<RosterRow, 'text'>[];
  settings: Settings;
  sites: Record<string, string>;
};

export function readFirstScreen(): CachedScreen | null {
  try {
    const cached = JSON.parse(localStorage.getItem(KEY) ?? 'null') as CachedScreen | null;
    return cached?.version === VERSION && Array.isArray(cached.rows) && cached.rows.length > 0
      ? cached
      : null;
  } catch {
    return null;
  }
}

/** Keeps the first rows of the default view for the next visit; none when the roster is empty. */
export function saveFirstScreen(
  rows: readonly RosterRow[],
  settings: Settings,
  siteName: (p: string) => string,
) {
  try {
    if (rows.length === 0) return localStorage.removeItem(KEY);
    const kept = rows.map((row) => {
      const { text: _text, assessment: _assessment, ...plain } = row as RosterRow & { assessment?: unknown };
      return plain;
    });
    const sites = Object.fromEntries(kept.flatMap((r) => r.platforms).map((p) => [p, siteName(p)]));
    const screen: CachedScreen = { version: VERSION, rows: kept, settings, sites };
    localStorage.setItem(KEY, JSON.stringify(screen));
  } catch {
    // Storage full or refused: the next visit reads the database, as without a copy.
  }
}

const noop = () => undefined;

/** The first screen as the page will draw it, from the copy, while the page proper loads. */
export function FirstScreen({ screen }: { screen: CachedScreen }) {
  const now = Date.now();
  const rows: ShownRow[] = screen.rows.map((r) => ({
    ...r,
    text: '',
    assessment: assessRow(r, screen.settings, now),
  }));
  return (
    <div class="stack dashboard" aria-busy="true">
      <header class="spread">
        <h1>Track Record</h1>
        <nav aria-label="Views" class="tabs">
          <a class="tab" href="#roster" aria-current="page">
            Roster
          </a>
          <a class="tab" href="#view=rules">
            The five rules
          </a>
          <a class="tab" href="#view=data">
            Data & settings
          </a>
        </nav>
      </header>
      <section class="stack" aria-label="Contractors">
        <div class="row filters">
          <input
            type="search"
            class="grow"
            disabled
            placeholder="Search names, notes, skills, profile addresses"
          />
        </div>
        <p class="muted" role="status">
          Loading all contractors…
        </p>
        <RosterTable
          rows={rows}
          siteName={(p) => screen.sites[p] ?? p}
          query={DEFAULT_QUERY}
          strikeLimit={screen.settings.strikeLimit}
          now={now}
          onSort={noop}
          selected={new Set()}
          onSelect={noop}
          onSelectAll={noop}
        />
      </section>
    </div>
  );
}
