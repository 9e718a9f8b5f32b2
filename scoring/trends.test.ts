import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../model/settings';
import type { Fact } from '../model/summary';
import { DAY_MS } from './dates';
import { metricDrop, metricOverTime, onTimeOverTime, scoreOverTime } from './trends';

const now = Date.UTC(2026, 5, 1);
const day = (n: number) => now - n * DAY_MS;
const id = (n: number) => String(n).padStart(26, '0');

describe('trends', () => {
  const facts: Fact[] = [
    { kind: 'delivery', at: day(200), lateDays: 0, eventId: id(1) },
    { kind: 'delivery', at: day(150), lateDays: 0, eventId: id(2) },
    { kind: 'delivery', at: day(20), lateDays: 4, eventId: id(3) },
  ];

  it('the score as it stood: good before the late delivery, lower after, the last point today', () => {
    const points = scoreOverTime(facts, defaultSettings, now, 10);
    expect(points.at(-1)?.[0]).toBe(now);
    const at = (t: number) => points.filter((p) => p[0] <= t).at(-1)?.[1];
    expect(at(day(30))).toBeGreaterThan(at(now) as number);
    expect(points.every((p) => p[0] >= day(200))).toBe(true);
  });

  it('the on-time rate over the last 90 days: 100% early, 0% once only the late one is in the window', () => {
    const points = onTimeOverTime(facts, defaultSettings, now, 10);
    expect(points.find((p) => p[0] >= day(150) && p[0] < day(100))?.[1]).toBe(100);
    expect(points.at(-1)?.[1]).toBe(0);
    expect(scoreOverTime([], defaultSettings, now)).toEqual([]);
  });

  it('flags a fall in Job Success since the hire, not a rise or a small dip', () => {
    const snap = (d: number, jobSuccess: number) => ({
      id: id(d),
      profileKey: 'upwork:~1',
      at: day(d),
      metrics: { jobSuccess },
    });
    const points = metricOverTime([snap(10, 89), snap(300, 98), snap(100, 95)], 'jobSuccess');
    expect(points.map((p) => p[1])).toEqual([98, 95, 89]);
    expect(metricDrop(points, 'jobSuccess', day(250))).toBe(
      'Job Success fell from 98% to 89% since you hired them',
    );
    expect(
      metricDrop(metricOverTime([snap(300, 90), snap(10, 98)], 'jobSuccess'), 'jobSuccess', day(250)),
    ).toBeNull();
    expect(
      metricDrop(metricOverTime([snap(300, 98), snap(10, 97)], 'jobSuccess'), 'jobSuccess', day(250)),
    ).toBeNull();
  });
});
