import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupText, exportBackup } from './backup';
import { deleteContractors, mergeMany, restoreRecords, undoMerge } from './bundles';
import { TrackRecordDb } from './db';
import { seedDemo } from './demo';

const now = Date.UTC(2026, 10, 27, 12);
let db: TrackRecordDb;
beforeEach(() => {
  db = new TrackRecordDb(`bundles-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const snapshot = async () => backupText(await exportBackup(db, now));

describe('deleting and merging contractors from the roster', () => {
  it('deletes contractors with everything of theirs, and the undo puts back exactly what was there', async () => {
    const { dana, lee } = await seedDemo(db, now);
    const before = await snapshot();
    const rowsBefore = await db.rosterRows.toArray();
    const removed = await deleteContractors(db, [dana, lee]);
    expect(removed.contractors.map((c) => c.name).sort()).toEqual(['Dana Demo', 'Lee Designer']);
    expect(await db.contractors.count()).toBe(1);
    expect(await db.rosterRows.count()).toBe(1);
    expect(await db.events.where('contractorId').anyOf([dana, lee]).count()).toBe(0);
    expect(await db.snapshots.count()).toBe(0); // Dana's metrics went with her profile
    await restoreRecords(db, removed);
    expect(await snapshot()).toBe(before);
    expect(await db.rosterRows.toArray()).toEqual(rowsBefore);
  });

  it('merges several into one in one go, and the undo separates them again', async () => {
    const { dana, sam, lee } = await seedDemo(db, now);
    const before = await snapshot();
    const undo = await mergeMany(db, sam, [dana, lee]);
    expect(await db.contractors.count()).toBe(1);
    expect((await db.rosterRows.get(sam))?.platforms).toEqual(['upwork']);
    expect(await db.profiles.where({ contractorId: sam }).count()).toBe(3);
    await undoMerge(db, undo);
    expect(await snapshot()).toBe(before);
    expect(await db.rosterRows.count()).toBe(3);
  });
});
