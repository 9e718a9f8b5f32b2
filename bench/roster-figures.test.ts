import { describe, expect, it } from 'vitest';
import { importAgainstBulkPut, scrollMemory, writeTime } from './roster-figures';

describe('the import against a bare bulkPut', () => {
  it('compares the import with the mean of a bulkPut before it and one after it', () => {
    const imported = writeTime(200_000, 50_000); // 4,000 rows a second
    const { bareBulkPut, rateOverBulkPut } = importAgainstBulkPut(
      imported,
      writeTime(200_000, 30_000),
      writeTime(200_000, 50_000), // the machine got busier during the import
    );
    expect(imported.rowsPerSecond).toBe(4000);
    expect(bareBulkPut).toMatchObject({ rows: 200_000, ms: 40_000, rowsPerSecond: 5000 });
    expect(bareBulkPut.before.ms).toBe(30_000);
    expect(bareBulkPut.after.ms).toBe(50_000);
    expect(rateOverBulkPut).toBeCloseTo(0.8);
  });

  it('refuses a comparison of different rows', () => {
    expect(() =>
      importAgainstBulkPut(writeTime(200_000, 1), writeTime(199_999, 1), writeTime(200_000, 1)),
    ).toThrow('not the same rows');
  });
});

describe('memory while scrolling', () => {
  const at = (heapMB: number, nodes: number, rowsInPage: number) => ({ heapMB, nodes, rowsInPage });

  it('reads flat as a largest heap near the first', () => {
    const m = scrollMemory([at(10, 1000, 22), at(10.4, 1900, 31), at(10.2, 1950, 31), at(10.1, 1600, 21)]);
    expect(m.heapGrowth).toBeCloseTo(1.04);
    expect(m).toMatchObject({ maxHeapMB: 10.4, maxNodes: 1950, maxRowsInPage: 31 });
    expect(m.start.heapMB).toBe(10);
    expect(m.end.nodes).toBe(1600);
  });

  it('shows a heap that grows with what was scrolled past', () => {
    const leaking = Array.from({ length: 11 }, (_, tenth) => at(10 + tenth * 2, 1000 + tenth * 900, 30));
    expect(scrollMemory(leaking).heapGrowth).toBe(3);
    expect(scrollMemory(leaking).nodesGrowth).toBe(10);
  });

  it('refuses to read nothing', () => {
    expect(() => scrollMemory([])).toThrow('no memory samples');
  });
});
