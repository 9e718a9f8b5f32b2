// The scale figures of issue 16 computed from what bench/scale.ts measured. Pure:
// bench/scale-figures.test.ts holds it.
import { ratioOfMedians, type Summary, summarize } from './stats';

/** The background's JavaScript heap after a garbage collection, read from its service worker's target. */
export type WorkerHeapSample = {
  usedMB: number;
  totalMB: number;
  /** The worker's target: another one than at the start means the worker was stopped and started again
   *  meanwhile, and its heap says nothing of what the first one kept. */
  targetId: string;
};

/**
 * The background's memory over the run: its heap at the start (extension loaded, database empty), after
 * the big import and after the page loads on the big database; the figure is the larger of the two later
 * ones over the start.
 */
export function workerMemory(samples: {
  start: WorkerHeapSample;
  afterImport: WorkerHeapSample;
  afterPages: WorkerHeapSample;
}) {
  const { start, afterImport, afterPages } = samples;
  return {
    ...samples,
    afterOverStart: Math.max(afterImport.usedMB, afterPages.usedMB) / start.usedMB,
    /** The same worker throughout (it was never stopped and started again). */
    sameWorker: afterImport.targetId === start.targetId && afterPages.targetId === start.targetId,
  };
}

export type BadgeLookupFigure = {
  /** The listing's cards looked up: how many keys, how many of them tracked (the same in both). */
  keys: number;
  tracked: number;
  small: Summary | null;
  big: Summary | null;
  /** Median with the big database over the median with the small one. */
  ratio: number | null;
};

/** One lookup of a listing's badges: its time in the page's clock, and how many keys it found tracked. */
export type BadgeLookup = { ms: number; tracked: number };

/**
 * The badges' lookup on one listing with the big database against the small one. Both databases track
 * the same cards of it, so a lookup that found another number is a failure, not a sample.
 */
export function badgeLookupFigure(
  keys: number,
  expectedTracked: number,
  small: BadgeLookup[],
  big: BadgeLookup[],
): BadgeLookupFigure {
  for (const lookup of [...small, ...big])
    if (lookup.tracked !== expectedTracked)
      throw new Error(`a badge lookup found ${lookup.tracked} of the cards tracked, not ${expectedTracked}`);
  const times = (list: BadgeLookup[]) => list.map((l) => l.ms);
  return {
    keys,
    tracked: expectedTracked,
    small: summarize(times(small)),
    big: summarize(times(big)),
    ratio: ratioOfMedians(times(big), times(small)),
  };
}
