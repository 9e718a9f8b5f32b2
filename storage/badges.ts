import type { BadgeInfo } from '../model/badge';
import { assessStored } from '../scoring/summary';
import type { TrackRecordDb } from './db';
import { readSettings } from './settings';

/**
 * What the card badge of each tracked key shows (untracked keys are absent): one primary-key read of the
 * profiles and one of their contractors, in one transaction; each verdict is computed for `now` from the
 * stored facts.
 */
export async function badgesForKeys(
  db: TrackRecordDb,
  keys: string[],
  now = Date.now(),
): Promise<Record<string, BadgeInfo>> {
  return db.transaction('r', db.profiles, db.contractors, db.settings, async () => {
    const profiles = await db.profiles.bulkGet(keys);
    const ids = [...new Set(profiles.flatMap((p) => (p ? [p.contractorId] : [])))];
    const contractors = new Map(
      (await db.contractors.bulkGet(ids)).flatMap((c) => (c ? [[c.id, c] as const] : [])),
    );
    const settings = await readSettings(db);
    const badges: Record<string, BadgeInfo> = {};
    for (const p of profiles) {
      const contractor = p && contractors.get(p.contractorId);
      if (!p || !contractor) continue;
      const { verdict, score, strikes } = assessStored(contractor.summary, settings, now);
      const { lastActivityAt } = contractor.summary;
      badges[p.key] = { verdict, score, strikes, ...(lastActivityAt !== undefined && { lastActivityAt }) };
    }
    return badges;
  });
}
