import type { MetricSnapshot } from '../model/records';
import type { Settings } from '../model/settings';
import type { Fact } from '../model/summary';
import { DAY_MS } from './dates';
import { factTime } from './facts';
import { outcomeOf } from './outcomes';
import { assess } from './score';

/** A point of a chart: a time and a value (null: nothing to show then). */
export type Point = [at: number, value: number | null];

/** Monthly moments from the first fact (or `from`) to `now`, at most `count` of them, `now` last. */
function moments(from: number, now: number, count: number): number[] {
  const span = Math.max(DAY_MS, now - from);
  const step = Math.max(DAY_MS, Math.ceil(span / (count - 1)));
  const out: number[] = [];
  for (let t = now; t >= from && out.length < count; t -= step) out.unshift(t);
  return out;
}

/**
 * The score as it stood at moments from the first outcome to `now`: the facts known by each moment,
 * assessed then (a milestone open at that moment and past due counts as missed, as it did that day).
 */
export function scoreOverTime(facts: readonly Fact[], s: Settings, now: number, count = 24): Point[] {
  const known = facts.filter((f) => f.kind !== 'reward');
  if (known.length === 0) return [];
  const from = Math.min(...known.map(factTime));
  return moments(from, now, count).map((t) => {
    const then = known.filter((f) => factTime(f) <= t);
    return [t, assess(then, s, t).score];
  });
}

/** The share of deliveries on time (after grace) over the `windowDays` before each moment, in %. */
export function onTimeOverTime(
  facts: readonly Fact[],
  s: Settings,
  now: number,
  count = 24,
  windowDays = 90,
): Point[] {
  const deliveries = facts.flatMap((f) => (f.kind === 'delivery' ? [f] : []));
  if (deliveries.length === 0) return [];
  const from = Math.min(...deliveries.map((d) => d.at));
  return moments(from, now, count).map((t) => {
    const inWindow = deliveries.filter((d) => d.at <= t && d.at > t - windowDays * DAY_MS);
    if (inWindow.length === 0) return [t, null];
    const onTime = inWindow.filter(
      (d) => outcomeOf('delivery', d.at, d.lateDays, false, s, t)?.success,
    ).length;
    return [t, Math.round((100 * onTime) / inWindow.length)];
  });
}

export type MetricName = 'jobSuccess' | 'rating' | 'reviews';

/** One metric of one profile over time, oldest first, from the snapshots the extension kept on each visit. */
export function metricOverTime(snapshots: readonly MetricSnapshot[], metric: MetricName): Point[] {
  return [...snapshots]
    .sort((a, b) => a.at - b.at)
    .flatMap((s) => (s.metrics[metric] === undefined ? [] : [[s.at, s.metrics[metric] as number] as Point]));
}

/** A fall worth flagging: Job Success by 3 points or more, a rating by 0.2 or more. */
const DROP: Record<Exclude<MetricName, 'reviews'>, { by: number; label: string; unit: string }> = {
  jobSuccess: { by: 3, label: 'Job Success', unit: '%' },
  rating: { by: 0.2, label: 'Rating', unit: '' },
};

/**
 * "Job Success fell from 98% to 89% since you hired them": the value at (or first after) `hiredAt` against
 * the latest, when it fell by more than the threshold. Null when there is no such fall.
 */
export function metricDrop(
  points: readonly Point[],
  metric: Exclude<MetricName, 'reviews'>,
  hiredAt: number,
): string | null {
  const values = points.filter((p): p is [number, number] => p[1] !== null);
  const start = values.filter((p) => p[0] <= hiredAt).at(-1) ?? values[0];
  const latest = values.at(-1);
  if (!start || !latest || latest[0] <= start[0]) return null;
  const { by, label, unit } = DROP[metric];
  if (start[1] - latest[1] < by - 1e-9) return null;
  const since = start[0] <= hiredAt ? 'since you hired them' : 'since you first saw it';
  return `${label} fell from ${start[1]}${unit} to ${latest[1]}${unit} ${since}`;
}
