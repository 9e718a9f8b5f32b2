import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY } from '../../scoring/roster-query';
import { hashOf, placeOf } from './address';

describe('the roster page address', () => {
  it('names a contractor, a view, or the roster with its query', () => {
    expect(placeOf('#contractor=01JD0000000000000000000000&section=accesses')).toMatchObject({
      contractor: '01JD0000000000000000000000',
    });
    expect(placeOf('#view=rules').view).toBe('rules');
    expect(placeOf('#q=kim&sort=-score')).toMatchObject({
      view: 'roster',
      contractor: null,
      query: { ...DEFAULT_QUERY, q: 'kim', sort: 'score', desc: true },
    });
  });

  it('keeps old links working: #roster and #contractor=<number>', () => {
    expect(placeOf('#roster')).toEqual({ view: 'roster', contractor: null, query: DEFAULT_QUERY });
    expect(placeOf('#contractor=12').contractor).toBe('12');
  });

  it('writes back what it reads', () => {
    const query = { ...DEFAULT_QUERY, q: 'a b&c', platform: 'upwork', status: 'dropped' as const };
    expect(placeOf(hashOf({ query })).query).toEqual(query);
    expect(hashOf({ view: 'data' })).toBe('#view=data');
    expect(hashOf({ query: DEFAULT_QUERY })).toBe('#');
  });
});
