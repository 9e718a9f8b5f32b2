import type { Access, Contractor, Engagement, HistoryEvent, Milestone } from '../model/records';
import { defaultSettings, Settings } from '../model/settings';
import type { Assessment, StoredSummary } from '../model/summary';
import { countHistory, deriveFacts, lastActivity } from '../scoring/facts';
import { assess } from '../scoring/score';
import type { StoredContractor, TrackRecordDb } from './db';

export type History = {
  events: HistoryEvent[];
  engagements: Engagement[];
  milestones: Milestone[];
  accesses: Access[];
};

/** While the user's cool-off after "cancel and move on" lasts, the verdict is `dropped`. */
export function droppedUntil(c: Pick<Contractor, 'status' | 'coolOffUntil'>): number | undefined {
  return c.status === 'dropped' ? c.coolOffUntil : undefined;
}

/** The summary stored with a contractor, computed from scratch from their whole history. */
export function buildSummary(
  contractor: Pick<Contractor, 'status' | 'coolOffUntil'>,
  history: History,
  settings: Settings,
  now: number,
): StoredSummary {
  const facts = deriveFacts(history.events, history.milestones, history.engagements);
  const dropped = droppedUntil(contractor);
  const a = assess(facts, settings, now, dropped);
  return {
    facts,
    droppedUntil: dropped,
    counts: countHistory(history.events, history.engagements, history.accesses),
    lastActivityAt: lastActivity(history.events, history.engagements, history.milestones),
    ...snapshot(a),
  };
}

function snapshot(a: Assessment) {
  return {
    computedAt: a.at,
    nextChangeAt: a.nextChangeAt,
    verdict: a.verdict,
    score: a.score,
    strikes: a.strikes,
    onTime: a.onTime,
    onTimeSinceReward: a.onTimeSinceReward,
  };
}

/**
 * The assessment at `now` from a stored summary: recomputed from the stored facts (a few dozen numbers),
 * never from history, so it is exact whenever it is read — after a cool-off ends, as outcomes age, or
 * once a deadline passes. The snapshot fields stay for the verdict index until `nextChangeAt`.
 */
export function assessStored(summary: StoredSummary, settings: Settings, now: number): Assessment {
  return assess(summary.facts, settings, now, summary.droppedUntil);
}

/** The summary with its snapshot recomputed at `now` from its stored facts (no history read). */
export function resnapshot(summary: StoredSummary, settings: Settings, now: number): StoredSummary {
  return { ...summary, ...snapshot(assessStored(summary, settings, now)) };
}

export async function readSettings(db: TrackRecordDb): Promise<Settings> {
  const row = await db.settings.get('settings');
  if (!row) return defaultSettings;
  const { id: _id, ...rest } = row;
  const parsed = Settings.safeParse({ ...defaultSettings, ...rest });
  return parsed.success ? parsed.data : defaultSettings;
}

/** Reads a contractor's whole history through the contractorId indexes. */
export async function readHistory(db: TrackRecordDb, contractorId: number): Promise<History> {
  const [events, engagements, milestones, accesses] = await Promise.all([
    db.events.where({ contractorId }).toArray(),
    db.engagements.where({ contractorId }).toArray(),
    db.milestones.where({ contractorId }).toArray(),
    db.accesses.where({ contractorId }).toArray(),
  ]);
  events.sort((a, b) => a.at - b.at || a.id - b.id);
  return { events, engagements, milestones, accesses };
}

/**
 * Recomputes and stores a contractor's summary. Call it inside the write transaction that changed their
 * history (every repository write does), so the stored summary never lags behind.
 */
export async function refreshSummary(
  db: TrackRecordDb,
  contractorId: number,
  now: number,
): Promise<StoredContractor> {
  const contractor = await db.contractors.get(contractorId);
  if (!contractor) throw new Error(`No contractor #${contractorId}`);
  const settings = await readSettings(db);
  const summary = buildSummary(contractor, await readHistory(db, contractorId), settings, now);
  const updated = { ...contractor, summary };
  await db.contractors.put(updated);
  return updated;
}
