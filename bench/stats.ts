// Summaries of repeated measurements. Everything here is pure; bench/stats.test.ts holds it.

export type Summary = { n: number; median: number; p95: number; min: number; max: number };

/**
 * The q-quantile (0 ≤ q ≤ 1) by linear interpolation between the two nearest ranks (the usual definition,
 * "type 7" in R and numpy's default), so a p95 of 15 values is not simply the largest one.
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new Error('no values');
  if (q < 0 || q > 1) throw new Error(`quantile ${q} is outside 0…1`);
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] as number;
  const high = sorted[above] as number;
  return low + (high - low) * (position - below);
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

/** n, median, p95, min and max; null when there is nothing to summarise. */
export function summarize(values: readonly (number | null | undefined)[]): Summary | null {
  const present = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (present.length === 0) return null;
  return {
    n: present.length,
    median: quantile(present, 0.5),
    p95: quantile(present, 0.95),
    min: Math.min(...present),
    max: Math.max(...present),
  };
}

/** a − b for each repetition where both were measured (the same repetition of two variants). */
export function pairedDifferences(
  a: readonly (number | null | undefined)[],
  b: readonly (number | null | undefined)[],
): number[] {
  const out: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (typeof x === 'number' && typeof y === 'number') out.push(x - y);
  }
  return out;
}

/** Median of `a` over median of `b`: how many times `b` the typical `a` is. Null if either is missing. */
export function ratioOfMedians(
  a: readonly (number | null | undefined)[],
  b: readonly (number | null | undefined)[],
): number | null {
  const x = summarize(a);
  const y = summarize(b);
  if (!x || !y || y.median === 0) return null;
  return x.median / y.median;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}
