import { describe, expect, it } from 'vitest';
import {
  applyQuery,
  DEFAULT_QUERY,
  formatAmounts,
  queryFromParams,
  queryToParams,
  type RosterQuery,
  type ShownRow,
} from './roster-query';
import { sortKey } from './roster-row';

const row = (
  name: string,
  patch: Partial<ShownRow> = {},
  a: Partial<ShownRow['assessment']> = {},
): ShownRow => ({
  id: name,
  name,
  sortName: sortKey(name),
  status: 'active',
  skills: [],
  platforms: [],
  text: name.toLowerCase(),
  facts: [],
  openMilestones: 0,
  openBudget: {},
  paid: {},
  createdAt: 0,
  ...patch,
  assessment: {
    score: null,
    confidence: 'low',
    strikes: 0,
    verdict: 'new',
    outcomes: 0,
    onTime: 0,
    onTimeSinceReward: 0,
    ...a,
  },
});

const rows = [
  row(
    'Team 10',
    { skills: ['SEO'], platforms: ['upwork'], text: 'team 10\nseo\nupwork:~01x\ncall about the logo' },
    { score: 90, verdict: 'trusted' },
  ),
  row(
    'Team 9',
    { skills: ['WordPress'], platforms: ['fiverr'], paid: { USD: 500 } },
    { score: 40, verdict: 'watch', strikes: 1 },
  ),
  row(
    'Émile',
    { status: 'dropped', nextDueAt: 5, openBudget: { USD: 100, EUR: 50 } },
    { verdict: 'dropped' },
  ),
  row('anna', { lastActivityAt: 7 }, { score: 70, verdict: 'ok' }),
];
const names = (q: Partial<RosterQuery>) => applyQuery(rows, { ...DEFAULT_QUERY, ...q }).map((r) => r.name);

describe('the roster query', () => {
  it('sorts by name ignoring case and accents, numbers as numbers', () => {
    expect(names({})).toEqual(['anna', 'Émile', 'Team 9', 'Team 10']);
    expect(names({ desc: true })).toEqual(['Team 10', 'Team 9', 'Émile', 'anna']);
  });

  it('sorts by verdict, most urgent first, and keeps rows without a value last either way', () => {
    expect(names({ sort: 'verdict' })).toEqual(['Team 9', 'Émile', 'anna', 'Team 10']);
    expect(names({ sort: 'score' })).toEqual(['Team 9', 'anna', 'Team 10', 'Émile']);
    expect(names({ sort: 'score', desc: true })).toEqual(['Team 10', 'anna', 'Team 9', 'Émile']);
    expect(names({ sort: 'paid', desc: true })[0]).toBe('Team 9');
    expect(names({ sort: 'due' })[0]).toBe('Émile');
  });

  it('searches every word in names, notes, skills and profile keys', () => {
    expect(names({ q: 'logo' })).toEqual(['Team 10']);
    expect(names({ q: 'TEAM upwork' })).toEqual(['Team 10']);
    expect(names({ q: 'nobody' })).toEqual([]);
  });

  it('filters by verdict, platform, skill area and status', () => {
    expect(names({ verdict: 'watch' })).toEqual(['Team 9']);
    expect(names({ platform: 'fiverr' })).toEqual(['Team 9']);
    expect(names({ skill: 'seo' })).toEqual(['Team 10']);
    expect(names({ status: 'dropped' })).toEqual(['Émile']);
    expect(names({ status: 'active' })).not.toContain('Émile');
  });

  it('lives in the address: defaults left out, anything unknown ignored', () => {
    const query: RosterQuery = {
      ...DEFAULT_QUERY,
      q: 'kim lee',
      verdict: 'watch',
      sort: 'score',
      desc: true,
    };
    const params = queryToParams(query);
    expect(params.toString()).toBe('q=kim+lee&verdict=watch&sort=-score');
    expect(queryFromParams(params)).toEqual(query);
    expect(queryToParams(DEFAULT_QUERY).toString()).toBe('');
    expect(queryFromParams(new URLSearchParams('sort=-nonsense&verdict=great&status=x'))).toEqual(
      DEFAULT_QUERY,
    );
  });

  it('writes amounts by currency, never adding different ones', () => {
    expect(formatAmounts({ USD: 1200.4, EUR: 50, '': 3 })).toBe('3 + 50 EUR + 1,200 USD');
    expect(formatAmounts({})).toBe('');
  });
});
