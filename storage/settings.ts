import { changeSettings, type Settings } from '../model/settings';
import type { TrackRecordDb } from './db';
import { readSettings, refreshSummary } from './summary';
import { writeTx } from './tx';

/** The policy and every number of the model (the defaults until the user changes them). */
export async function getSettings(db: TrackRecordDb): Promise<Settings> {
  return readSettings(db);
}

/**
 * Changes the settings (choosing a named policy sets its numbers; editing one of them makes it custom)
 * and recomputes every contractor's summary in the same transaction.
 */
export async function updateSettings(
  db: TrackRecordDb,
  patch: Partial<Settings>,
  now = Date.now(),
): Promise<Settings> {
  return writeTx(db, async () => {
    const next = changeSettings(await readSettings(db), patch);
    await db.settings.put({ ...next, id: 'settings' });
    for (const id of (await db.contractors.toCollection().primaryKeys()) as number[]) {
      await refreshSummary(db, id, now);
    }
    return next;
  });
}
