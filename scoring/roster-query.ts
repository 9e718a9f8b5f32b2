import type { Verdict } from '../model/verdict';
import { money } from './format';
import type { Amounts, RosterRow, RowAssessment } from './roster-row';

/** A roster row with its assessment for the moment the roster was read. */
export type ShownRow = RosterRow & { assessment: RowAssessment };

const SORT_KEYS = [
  'name',
  'platforms',
  'skills',
  'verdict',
  'score',
  'strikes',
  'due',
  'budget',
  'paid',
  'activity',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const STATUS_FILTERS = ['all', 'active', 'dropped'] as const;
type StatusFilter = (typeof STATUS_FILTERS)[number];

/** What the roster shows: a search, filters and a sort, all kept in the page's address. */
export type RosterQuery = {
  q: string;
  verdict: Verdict | '';
  platform: string;
  skill: string;
  status: StatusFilter;
  sort: SortKey;
  desc: boolean;
};

export const DEFAULT_QUERY: RosterQuery = {
  q: '',
  verdict: '',
  platform: '',
  skill: '',
  status: 'all',
  sort: 'name',
  desc: false,
};

/** Most urgent first: sorting by verdict puts these at the top. */
export const VERDICT_URGENCY: Verdict[] = ['cancel', 'watch', 'dropped', 'new', 'ok', 'trusted'];
const VERDICTS = new Set<string>(VERDICT_URGENCY);

/** The query an address holds (`#q=kim&verdict=watch&sort=-score`); anything unknown falls back to the default. */
export function queryFromParams(params: URLSearchParams): RosterQuery {
  const sort = params.get('sort') ?? '';
  const key = sort.replace(/^-/, '');
  const status = params.get('status') ?? '';
  const verdict = params.get('verdict') ?? '';
  return {
    q: params.get('q') ?? '',
    verdict: VERDICTS.has(verdict) ? (verdict as Verdict) : '',
    platform: params.get('platform') ?? '',
    skill: params.get('skill') ?? '',
    status: (STATUS_FILTERS as readonly string[]).includes(status) ? (status as StatusFilter) : 'all',
    sort: (SORT_KEYS as readonly string[]).includes(key) ? (key as SortKey) : 'name',
    desc: (SORT_KEYS as readonly string[]).includes(key) && sort.startsWith('-'),
  };
}

/** The address parameters of a query, defaults left out. */
export function queryToParams(query: RosterQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.verdict) params.set('verdict', query.verdict);
  if (query.platform) params.set('platform', query.platform);
  if (query.skill) params.set('skill', query.skill);
  if (query.status !== 'all') params.set('status', query.status);
  if (query.sort !== 'name' || query.desc) params.set('sort', `${query.desc ? '-' : ''}${query.sort}`);
  return params;
}

export function isDefaultQuery(query: RosterQuery): boolean {
  return queryToParams(query).toString() === '';
}

/** One number per row an amount column sorts by: the sum over currencies (they are shown apart). */
const total = (amounts: Amounts) => {
  let sum = 0;
  for (const key in amounts) sum += amounts[key] as number;
  return sum;
};

type Compare = (a: ShownRow, b: ShownRow) => number;
const byNumber =
  (value: (r: ShownRow) => number | undefined | null): Compare =>
  (a, b) => {
    const x = value(a);
    const y = value(b);
    // Rows without a value go last whichever the direction (see `sortRows`).
    if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
    return x - y;
  };
const byText =
  (value: (r: ShownRow) => string): Compare =>
  (a, b) => {
    const x = value(a);
    const y = value(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };

const COMPARE: Record<SortKey, Compare> = {
  name: byText((r) => r.sortName),
  platforms: byText((r) => r.platforms.join(' ')),
  skills: byText((r) => r.skills.join(', ').toLowerCase()),
  verdict: byNumber((r) => VERDICT_URGENCY.indexOf(r.assessment.verdict)),
  score: byNumber((r) => r.assessment.score),
  strikes: byNumber((r) => r.assessment.strikes),
  due: byNumber((r) => r.nextDueAt),
  budget: byNumber((r) => total(r.openBudget) || undefined),
  paid: byNumber((r) => total(r.paid) || undefined),
  activity: byNumber((r) => r.lastActivityAt),
};

const EMPTY_LAST = new Set<SortKey>(['score', 'due', 'budget', 'paid', 'activity']);

/** The rows a query shows, in its order (ties by name): a filter pass and one sort, in memory. */
export function applyQuery(rows: readonly ShownRow[], query: RosterQuery): ShownRow[] {
  const words = query.q.toLowerCase().split(/\s+/).filter(Boolean);
  const skill = query.skill.toLowerCase();
  const shown = rows.filter(
    (r) =>
      (!query.verdict || r.assessment.verdict === query.verdict) &&
      (!query.platform || r.platforms.includes(query.platform)) &&
      (!skill || r.skills.some((s) => s.toLowerCase() === skill)) &&
      (query.status === 'all' || (query.status === 'dropped') === (r.status === 'dropped')) &&
      words.every((w) => r.text.includes(w)),
  );
  const compare = COMPARE[query.sort];
  const sign = query.desc ? -1 : 1;
  const byName = COMPARE.name;
  const emptyLast = EMPTY_LAST.has(query.sort);
  return shown.sort((a, b) => {
    const c = compare(a, b);
    // A missing value compares as "after" in `byNumber`; keep it last in both directions.
    const missing = emptyLast && c !== 0 && (isMissing(a, query.sort) || isMissing(b, query.sort));
    return (missing ? c : sign * c) || byName(a, b);
  });
}

function isMissing(r: ShownRow, key: SortKey): boolean {
  switch (key) {
    case 'score':
      return r.assessment.score === null;
    case 'due':
      return r.nextDueAt === undefined;
    case 'budget':
      return total(r.openBudget) === 0;
    case 'paid':
      return total(r.paid) === 0;
    case 'activity':
      return r.lastActivityAt === undefined;
    default:
      return false;
  }
}

/** The values the filters offer: every platform and skill area on the roster, sorted. */
export function filterChoices(rows: readonly ShownRow[]): { platforms: string[]; skills: string[] } {
  const platforms = new Set<string>();
  const skills = new Map<string, string>();
  for (const r of rows) {
    for (const p of r.platforms) platforms.add(p);
    for (const s of r.skills) if (!skills.has(s.toLowerCase())) skills.set(s.toLowerCase(), s);
  }
  return {
    platforms: [...platforms].sort(),
    skills: [...skills.values()].sort((a, b) => a.localeCompare(b)),
  };
}

/** "1,200 USD + 300 EUR"; an amount without a currency has none written. */
export function formatAmounts(amounts: Amounts): string {
  return Object.entries(amounts)
    .filter(([, v]) => v > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, v]) => money(Math.round(v), currency || undefined))
    .join(' + ');
}
