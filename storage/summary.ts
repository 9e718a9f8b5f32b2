import type { RecordId } from '../model/ids';
import { buildRosterRow } from '../scoring/roster-row';
import { buildSummary, type History } from '../scoring/summary';
import type { StoredContractor, TrackRecordDb } from './db';

/** Reads a contractor's whole history through the contractorId indexes, events in the order they happened. */
async function readHistory(db: TrackRecordDb, contractorId: RecordId): Promise<History> {
  const [events, engagements, milestones, accesses] = await Promise.all([
    db.events.where({ contractorId }).toArray(),
    db.engagements.where({ contractorId }).toArray(),
    db.milestones.where({ contractorId }).toArray(),
    db.accesses.where({ contractorId }).toArray(),
  ]);
  events.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  return { events, engagements, milestones, accesses };
}

/** Everything recorded about some contractors: those still here, their profiles and their history. */
export async function recordsOf(db: TrackRecordDb, ids: RecordId[]) {
  const [contractors, profiles, events, engagements, milestones, accesses] = await Promise.all([
    db.contractors.bulkGet(ids),
    db.profiles.where('contractorId').anyOf(ids).toArray(),
    db.events.where('contractorId').anyOf(ids).toArray(),
    db.engagements.where('contractorId').anyOf(ids).toArray(),
    db.milestones.where('contractorId').anyOf(ids).toArray(),
    db.accesses.where('contractorId').anyOf(ids).toArray(),
  ]);
  const present = contractors.filter((c): c is StoredContractor => c !== undefined);
  return { contractors: present, profiles, events, engagements, milestones, accesses };
}

/**
 * Recomputes and stores a contractor's summary and roster row. Call it inside the write transaction that
 * changed their history, record or profiles (every repository write does), so neither lags behind.
 */
export async function refreshSummary(db: TrackRecordDb, contractorId: RecordId): Promise<StoredContractor> {
  const contractor = await db.contractors.get(contractorId);
  if (!contractor) throw new Error(`No contractor ${contractorId}`);
  const [history, profiles] = await Promise.all([
    readHistory(db, contractorId),
    db.profiles.where({ contractorId }).toArray(),
  ]);
  const summary = buildSummary(contractor, history);
  const updated = { ...contractor, summary };
  await db.contractors.put(updated);
  await db.rosterRows.put(buildRosterRow(updated, summary, history, profiles));
  return updated;
}
