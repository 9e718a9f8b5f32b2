import { describe, expect, it } from 'vitest';
import { badgeLookupFigure, workerMemory } from './scale-figures';

describe('the background memory figure', () => {
  const sample = (usedMB: number, targetId = 'w1') => ({ usedMB, totalMB: usedMB * 2, targetId });

  it('is the larger of the heaps after the import and after the page loads over the start', () => {
    const memory = workerMemory({ start: sample(4), afterImport: sample(6), afterPages: sample(5) });
    expect(memory.afterOverStart).toBeCloseTo(1.5);
    expect(memory.sameWorker).toBe(true);
  });

  it('says when the worker was started again meanwhile (its heap then tells nothing of the first)', () => {
    const memory = workerMemory({
      start: sample(4),
      afterImport: sample(4, 'w2'),
      afterPages: sample(4, 'w2'),
    });
    expect(memory.sameWorker).toBe(false);
  });
});

describe('the badge lookup figure', () => {
  const lookups = (...ms: number[]) => ms.map((m) => ({ ms: m, tracked: 5 }));

  it('is the median with the big database over the median with the small one', () => {
    const figure = badgeLookupFigure(24, 5, lookups(10, 12, 11), lookups(13, 100, 12));
    expect(figure.small?.median).toBe(11);
    expect(figure.big?.median).toBe(13);
    expect(figure.ratio).toBeCloseTo(13 / 11);
  });

  it('refuses a lookup that found another number of the cards tracked', () => {
    expect(() => badgeLookupFigure(24, 5, lookups(10), [{ ms: 9, tracked: 0 }])).toThrow(
      /found 0 of the cards tracked, not 5/,
    );
  });
});
