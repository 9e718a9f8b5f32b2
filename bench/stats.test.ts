import { describe, expect, it } from 'vitest';
import { mean, median, pairedDifferences, quantile, ratioOfMedians, summarize } from './stats';

describe('benchmark statistics', () => {
  it('interpolates quantiles between ranks, so p95 of 15 values is not the largest', () => {
    const values = Array.from({ length: 15 }, (_, i) => (i + 1) * 10); // 10 … 150, shuffled below
    const shuffled = [...values].reverse();
    expect(median(shuffled)).toBe(80);
    // position 0.95 × 14 = 13.3: 140 + 0.3 × (150 − 140)
    expect(quantile(shuffled, 0.95)).toBeCloseTo(143);
    expect(quantile(shuffled, 0)).toBe(10);
    expect(quantile(shuffled, 1)).toBe(150);
  });

  it('takes the middle pair’s mean as the median of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('refuses to summarise nothing, and skips missing measurements', () => {
    expect(() => quantile([], 0.5)).toThrow('no values');
    expect(summarize([null, undefined])).toBeNull();
    expect(summarize([3, null, 1, Number.NaN, 2])).toEqual({ n: 3, median: 2, p95: 2.9, min: 1, max: 3 });
  });

  it('pairs repetitions, leaving out those where either side failed', () => {
    expect(pairedDifferences([100, 120, null, 130], [40, undefined, 50, 60, 70])).toEqual([60, 70]);
  });

  it('divides medians', () => {
    expect(ratioOfMedians([110, 120, 130], [100, 90, 110])).toBeCloseTo(1.2);
    expect(ratioOfMedians([1], [])).toBeNull();
    expect(ratioOfMedians([1], [0])).toBeNull();
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([])).toBeNull();
  });
});
