import { describe, expect, it } from 'vitest';
import type { LoadSample } from './browsers';
import { longTasksAdded, overlayBigDatabase, overlayReadyWarm, pageTaskTime } from './figures';
import type { PageSamples } from './page-loads';
import type { BenchPage } from './pages';
import { emptyProbeRecord, type ProbeRecord } from './probe';

const page: BenchPage = {
  id: 'p',
  label: 'P',
  url: 'https://www.upwork.com/freelancers/~01',
  html: '',
  kind: 'profile',
  keys: ['upwork:~01'],
  cardKeys: [],
  expectedBadges: 0,
};

function load(record: Partial<ProbeRecord>, taskMs = 100): LoadSample {
  return {
    at: 0,
    settled: true,
    metrics: {
      taskMs,
      scriptMs: taskMs / 10,
      layoutMs: 0,
      styleMs: 0,
      compileMs: 0,
      devtoolsMs: 0,
      otherMs: 0,
      windowMs: 900,
    },
    record: { ...emptyProbeRecord(), ...record },
  };
}

describe('the overlay figures', () => {
  // Two repetitions whose pages parsed at very different speeds: 1000 ms and 1600 ms to DOMContentLoaded.
  const samples: PageSamples = {
    p: {
      floor: [
        load({ domContentLoaded: 1000, floorInserted: 1020 }),
        load({ domContentLoaded: 1600, floorInserted: 1630 }),
      ],
      extension: [
        load({ domContentLoaded: 1500, overlayInserted: [1540], overlayReady: [1700] }),
        load({ domContentLoaded: 900, overlayInserted: [950], overlayReady: [1100], longTasks: [60] }),
      ],
      'extension-big': [
        load({ domContentLoaded: 1000, overlayInserted: [1040], overlayReady: [1240] }),
        load({ domContentLoaded: 1000, overlayInserted: [1050], overlayReady: [1270] }),
      ],
      none: [load({ domContentLoaded: 1000 }, 80), load({ domContentLoaded: 1000 }, 120)],
    },
  };

  it("count the overlay from each load's own DOMContentLoaded, so parse speed cancels out", () => {
    const figure = overlayReadyWarm(samples, [page]).p;
    // (1700 − 1500) − (1020 − 1000) = 180; (1100 − 900) − (1630 − 1600) = 170
    expect(figure?.minusFloor).toMatchObject({ n: 2, median: 175 });
    expect(figure?.hostMinusFloor?.median).toBe(20); // 40 − 20, 50 − 30
    expect(figure?.readyMinusHost?.median).toBe(155); // 160, 150
    // From navigation start the same loads differ by 680 and −530 ms.
    expect(figure?.minusFloorFromNavigation?.median).toBe(75);
    expect(figure?.insertionsPerLoad).toBe(1);
    expect(figure?.failures).toBe(0);
  });

  it('counts a load whose overlay never became ready as a failure, not a time', () => {
    const failing: PageSamples = { p: { ...samples.p, extension: [load({ domContentLoaded: 900 }), null] } };
    const figure = overlayReadyWarm(failing, [page]).p;
    expect(figure?.minusFloor).toBeNull();
    expect(figure?.failures).toBe(2);
  });

  it('compares the big database with the small one by when the user has the overlay', () => {
    // From navigation start: big 1240 and 1270 (median 1255); small 1700 and 1100 (median 1400).
    expect(overlayBigDatabase(samples, [page]).p?.readyRatio).toBeCloseTo(1255 / 1400);
  });

  it('divides CPU and subtracts long tasks per load', () => {
    const ext = pageTaskTime(samples, [page]).p;
    expect(ext?.ratio).toBe(1); // median 100 over median 100
    expect(ext?.extraTaskMs?.median).toBe(0); // +20 and −20
    expect(longTasksAdded(samples, [page]).p?.added).toBe(0.5);
  });
});
