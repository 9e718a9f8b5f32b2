import type { RecordId } from '../model/ids';
import { buildSummary, type History } from '../scoring/summary';
import type { StoredContractor, TrackRecordDb } from './db';

/** Reads a contractor's whole history through the contractorId indexes, events in the order they happened. */
export async function readHistory(db: TrackRecordDb, contractorId: RecordId): Promise<History> {
  const [events, engagements, milestones, accesses] = await Promise.all([
    db.events.where({ contractorId }).toArray(),
    db.engagements.where({ contractorId }).toArray(),
    db.milestones.where({ contractorId }).toArray(),
    db.accesses.where({ contractorId }).toArray(),
  ]);
  events.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  return { events, engagements, milestones, accesses };
}

/**
 * Recomputes and stores a contractor's summary. Call it inside the write transaction that changed their
 * history (every repository write does), so the stored summary never lags behind.
 */
export async function refreshSummary(db: TrackRecordDb, contractorId: RecordId): Promise<StoredContractor> {
  const contractor = await db.contractors.get(contractorId);
  if (!contractor) throw new Error(`No contractor ${contractorId}`);
  const updated = { ...contractor, summary: buildSummary(contractor, await readHistory(db, contractorId)) };
  await db.contractors.put(updated);
  return updated;
}
