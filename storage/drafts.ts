import type { CaptureDraft } from '../model/capture';
import type { TrackRecordDb } from './db';

/** What was being typed in the overlay for this profile and not recorded yet, if anything. */
export async function readDraft(db: TrackRecordDb, key: string): Promise<CaptureDraft | undefined> {
  return (await db.drafts.get(key))?.draft;
}

/**
 * Keeps what is being typed for this profile (null: recorded or given up, so forgotten). One small
 * write of its own table, not a transaction over every table: it runs as the user types.
 */
export async function keepDraft(
  db: TrackRecordDb,
  key: string,
  draft: CaptureDraft | null,
  now = Date.now(),
) {
  if (draft) await db.drafts.put({ key, draft, savedAt: now });
  else await db.drafts.delete(key);
}
