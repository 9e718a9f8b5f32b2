// The roster figures of issue 9 computed from what bench/roster.ts measured in the page. Pure:
// bench/roster-figures.test.ts holds it.

/** Rows written and the time it took, in the page's clock. */
export type WriteTime = { rows: number; ms: number; rowsPerSecond: number };

export const writeTime = (rows: number, ms: number): WriteTime => ({
  rows,
  ms,
  rowsPerSecond: rows / (ms / 1000),
});

/**
 * The import's rate over a bare bulkPut's, the bulkPut timed once just before the import and once just
 * after it, and their mean taken: on a shared machine the load changes over the minutes 200,000 rows take,
 * and a single bulkPut on one side of the import measured 0.65–1.02 from one run to the next.
 */
export function importAgainstBulkPut(imported: WriteTime, before: WriteTime, after: WriteTime) {
  if (before.rows !== imported.rows || after.rows !== imported.rows)
    throw new Error(
      `the bulkPut wrote ${before.rows} and ${after.rows} rows, the import ${imported.rows}: not the same rows`,
    );
  const bareBulkPut = { ...writeTime(imported.rows, (before.ms + after.ms) / 2), before, after };
  return { bareBulkPut, rateOverBulkPut: imported.rowsPerSecond / bareBulkPut.rowsPerSecond };
}

/** One reading while scrolling: the page's JavaScript heap after a garbage collection, its DOM nodes and
 *  the roster rows in it. */
export type MemorySample = { heapMB: number; nodes: number; rowsInPage: number };

/** Memory while scrolling through everyone: flat when the maxima stay near the start (a ratio near 1). */
export function scrollMemory(samples: MemorySample[]) {
  const start = samples[0];
  const end = samples.at(-1);
  if (!start || !end) throw new Error('no memory samples');
  const maxHeapMB = Math.max(...samples.map((s) => s.heapMB));
  const maxNodes = Math.max(...samples.map((s) => s.nodes));
  return {
    start,
    end,
    maxHeapMB,
    maxNodes,
    maxRowsInPage: Math.max(...samples.map((s) => s.rowsInPage)),
    /** The largest heap over the first: 1 when scrolling everyone keeps nothing. */
    heapGrowth: maxHeapMB / start.heapMB,
    nodesGrowth: maxNodes / start.nodes,
    samples,
  };
}
