import type { Verdict } from '../model/summary';
import { checkRoster, type Finding, type RosterContractor } from '../scoring/rules';
import type { StoredContractor, TrackRecordDb } from './db';
import { assessStored, readSettings, resnapshot } from './summary';
import { writeTx } from './tx';

/**
 * The verdict for each tracked key (untracked keys are absent), for a batch of card badges: one primary-key
 * read of the profiles and one of their contractors, in one transaction; each verdict is recomputed for
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
      const summary = p && contractors.get(p.contractorId)?.summary;
      if (p && summary) verdicts[p.key] = assessStored(summary, settings, now).verdict;
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

function withAssessment(
  c: StoredContractor,
  settings: Awaited<ReturnType<typeof readSettings>>,
  now: number,
) {
  const summary = c.summary;
  if (!summary) throw new Error(`Contractor #${c.id} has no summary`);
  return { ...c, summary, assessment: assessStored(summary, settings, now) };
}

/**
 * Contractors whose stored verdict is `verdict` (the `summary.verdict` index). The index holds the verdict
 * as of the last write or refresh: call `refreshStaleSummaries` first for an exact list.
 */
export async function contractorsByVerdict(db: TrackRecordDb, verdict: Verdict): Promise<StoredContractor[]> {
  return db.contractors.where('summary.verdict').equals(verdict).toArray();
}

/** Contractors with a skill area (the `skills` multi-entry index; case as entered). */
export async function contractorsBySkill(db: TrackRecordDb, skill: string): Promise<StoredContractor[]> {
  return db.contractors.where('skills').equalsIgnoreCase(skill).toArray();
}

/**
 * Re-snapshots the summaries whose `nextChangeAt` has passed (a cool-off ended, a strike left the window, a
 * deadline passed, a day of decay) from their stored facts, so the verdict index is exact again. Reads no
 * history. Returns how many changed. Safe to call from any surface before listing by verdict.
 */
export async function refreshStaleSummaries(db: TrackRecordDb, now = Date.now()): Promise<number> {
  return writeTx(db, async () => {
    const settings = await readSettings(db);
    const stale = await db.contractors.where('summary.nextChangeAt').belowOrEqual(now).toArray();
    for (const c of stale) {
      if (c.summary) await db.contractors.put({ ...c, summary: resnapshot(c.summary, settings, now) });
    }
    return stale.length;
  });
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
      const roster: RosterContractor[] = contractors
        .filter((c) => c.summary)
        .map((c) => withAssessment(c, settings, now));
      return checkRoster({ contractors: roster, engagements, milestones, accesses }, settings);
    },
  );
}
