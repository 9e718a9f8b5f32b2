import type { ProfileRecord } from '../model/records';
import type { Candidate } from '../scoring/next-people';
import { assessStored } from '../scoring/summary';
import type { TrackRecordDb } from './db';
import { readSettings } from './settings';

/**
 * Everyone on the roster as a possible next person for the work — verdict and score at `now`, how busy,
 * the profiles that lead to them — for the cancel flow.
 */
export async function loadCandidates(
  db: TrackRecordDb,
  now = Date.now(),
): Promise<(Candidate & { profiles: ProfileRecord[] })[]> {
  return db.transaction('r', [db.contractors, db.profiles, db.settings], async () => {
    const [contractors, profiles, settings] = await Promise.all([
      db.contractors.toArray(),
      db.profiles.toArray(),
      readSettings(db),
    ]);
    return contractors.map((c) => {
      const assessment = assessStored(c.summary, settings, now);
      return {
        id: c.id,
        name: c.name,
        skills: c.skills,
        verdict: assessment.verdict,
        score: assessment.score,
        activeEngagements: c.summary.counts.activeEngagements,
        profiles: profiles.filter((p) => p.contractorId === c.id),
      };
    });
  });
}
