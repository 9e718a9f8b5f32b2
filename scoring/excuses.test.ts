import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../model/settings';
import type { Fact } from '../model/summary';
import { DAY_MS } from './dates';
import { repeatedExcuses, suggestExcuseCategory } from './excuses';

describe('suggestExcuseCategory', () => {
  it.each([
    ['Sorry, I had a high fever all weekend', 'illness'],
    ['My daughter was in the hospital', 'illness'],
    ['Family emergency, my mother needed me', 'family'],
    ['The internet was down in my whole area', 'connectivity'],
    ['Power outage since the morning', 'connectivity'],
    ['My laptop crashed and I lost the files', 'connectivity'],
    ['I had a deadline for another client', 'overload'],
    ['I was swamped this week', 'overload'],
    ['The requirements were not clear to me', 'unclear-requirements'],
    ["It's almost done, just need a few more hours", 'almost-done'],
    ['Will send it soon', 'other'],
  ])('%s → %s', (text, category) => {
    expect(suggestExcuseCategory(text)).toBe(category);
  });
});

describe('repeatedExcuses', () => {
  const now = Date.UTC(2025, 5, 1);
  const excuse = (
    daysAgo: number,
    id: number,
    category: 'connectivity' | 'illness' = 'connectivity',
  ): Fact => ({
    kind: 'excuse',
    at: now - daysAgo * DAY_MS,
    category,
    eventId: String(id),
  });

  it('flags the third internet outage in 60 days', () => {
    const [flag] = repeatedExcuses(
      [excuse(50, 1), excuse(20, 2), excuse(1, 3), excuse(5, 4, 'illness')],
      defaultSettings,
      now,
    );
    expect(flag).toMatchObject({ category: 'connectivity', count: 3, eventIds: ['1', '2', '3'] });
    expect(flag?.message).toBe("third 'internet / power / equipment' excuse in 60 days");
  });

  it('forgets excuses older than the window and does not flag a single one', () => {
    expect(repeatedExcuses([excuse(61, 1), excuse(1, 2)], defaultSettings, now)).toEqual([]);
    expect(
      repeatedExcuses([excuse(61, 1), excuse(1, 2)], { ...defaultSettings, excuseRepeatWindowDays: 90 }, now),
    ).toHaveLength(1);
  });
});
