import { changeSettings, defaultSettings, Settings } from '../model/settings';
import type { TrackRecordDb } from './db';
import { writeTx } from './tx';

/** The policy and every number of the model (the defaults until the user changes them). */
export async function readSettings(db: TrackRecordDb): Promise<Settings> {
  const row = await db.settings.get('settings');
  if (!row) return defaultSettings;
  const { id: _id, ...rest } = row;
  const parsed = Settings.safeParse({ ...defaultSettings, ...rest });
  return parsed.success ? parsed.data : defaultSettings;
}

/**
 * Changes the settings (choosing a named policy sets its numbers; editing one of them makes it custom).
 * Stored summaries hold no verdict, so every surface reads the new verdicts at once.
 */
export async function updateSettings(db: TrackRecordDb, patch: Partial<Settings>): Promise<Settings> {
  return writeTx(db, async () => {
    const next = changeSettings(await readSettings(db), patch);
    await db.settings.put({ ...next, id: 'settings' });
    return next;
  });
}
