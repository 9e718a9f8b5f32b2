import type { Settings } from '../model/settings';
import type { Verdict } from '../model/verdict';
import { checkRoster, type Finding } from '../scoring/rules';
import { assessStored } from '../scoring/summary';
import type { StoredContractor, TrackRecordDb } from './db';
import { readSettings } from './settings';

/**
 * The verdict for each tracked key (untracked keys are absent), for a batch of card badges: one primary-key
 * read of the profiles and one of their contractors, in one transaction; each verdict is computed for
 * `now` from the stored facts.
 */
export async function verdictsForKeys(
  db: TrackRecordDb,
  keys: string[],
  now = Date.now(),
): Promise<Record<string, Verdict>> {
  return db.transaction('r', db.profiles, db.contractors, db.settings, async () => {
    const profiles = await db.profiles.bulkGet(keys);
    const ids = [...new Set(profiles.flatMap((p) => (p ? [p.contractorId] : [])))];
    const contractors = new Map(
      (await db.contractors.bulkGet(ids)).flatMap((c) => (c ? [[c.id, c] as const] : [])),
    );
    const settings = await readSettings(db);
    const verdicts: Record<string, Verdict> = {};
    for (const p of profiles) {
      const contractor = p && contractors.get(p.contractorId);
      if (p && contractor) verdicts[p.key] = assessStored(contractor.summary, settings, now).verdict;
    }
    return verdicts;
  });
}

/** Every contractor with their assessment at `now` (from stored facts). */
export async function loadRoster(db: TrackRecordDb, now = Date.now()) {
  return db.transaction('r', db.contractors, db.settings, async () => {
    const settings = await readSettings(db);
    return (await db.contractors.toArray()).map((c) => withAssessment(c, settings, now));
  });
}

function withAssessment(c: StoredContractor, settings: Settings, now: number) {
  return { ...c, assessment: assessStored(c.summary, settings, now) };
}

/** The five rules and the care rule over the whole roster (the dashboard's read). */
export async function loadRosterFindings(db: TrackRecordDb, now = Date.now()): Promise<Finding[]> {
  return db.transaction(
    'r',
    [db.contractors, db.engagements, db.milestones, db.accesses, db.settings],
    async () => {
      const settings = await readSettings(db);
      const [contractors, engagements, milestones, accesses] = await Promise.all([
        db.contractors.toArray(),
        db.engagements.toArray(),
        db.milestones.toArray(),
        db.accesses.toArray(),
      ]);
      const roster = contractors.map((c) => withAssessment(c, settings, now));
      return checkRoster({ contractors: roster, engagements, milestones, accesses }, settings);
    },
  );
}
