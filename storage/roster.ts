import type { Settings } from '../model/settings';
import { checkRoster, type Finding } from '../scoring/rules';
import { assessStored } from '../scoring/summary';
import type { StoredContractor, TrackRecordDb } from './db';
import { readSettings } from './settings';

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
