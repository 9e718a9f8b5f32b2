import type { RecordId } from '../model/ids';
import type { Access, Contractor, Engagement, HistoryEvent, Milestone } from '../model/records';
import type { Settings } from '../model/settings';
import type { Assessment, StoredSummary } from '../model/summary';
import { countHistory, deriveFacts, lastActivity } from './facts';
import { assess } from './score';

/** Everything recorded about one contractor. */
export type History = {
  events: readonly HistoryEvent[];
  engagements: readonly Engagement[];
  milestones: readonly Milestone[];
  accesses: readonly Access[];
};

/** The history of someone nothing has been recorded about yet. */
export const EMPTY_HISTORY: History = { events: [], engagements: [], milestones: [], accesses: [] };

/**
 * Each contractor's history out of whole tables (a database upgrade, an import), events in the order they
 * happened, in one pass over each table.
 */
export function historiesByContractor(tables: History): (contractorId: RecordId) => History {
  const group = <T extends { contractorId: RecordId }>(rows: readonly T[]) => {
    const byId = new Map<RecordId, T[]>();
    for (const row of rows) {
      const list = byId.get(row.contractorId);
      if (list) list.push(row);
      else byId.set(row.contractorId, [row]);
    }
    return byId;
  };
  const events = group([...tables.events].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id)));
  const engagements = group(tables.engagements);
  const milestones = group(tables.milestones);
  const accesses = group(tables.accesses);
  return (id) => ({
    events: events.get(id) ?? [],
    engagements: engagements.get(id) ?? [],
    milestones: milestones.get(id) ?? [],
    accesses: accesses.get(id) ?? [],
  });
}

/** While the user's cool-off after "cancel and move on" lasts, the verdict is `dropped`. */
function droppedUntil(c: Pick<Contractor, 'status' | 'coolOffUntil'>): number | undefined {
  return c.status === 'dropped' ? c.coolOffUntil : undefined;
}

/** The summary stored with a contractor, computed from their whole history. */
export function buildSummary(
  contractor: Pick<Contractor, 'status' | 'coolOffUntil'>,
  history: History,
): StoredSummary {
  return {
    facts: deriveFacts(history.events, history.milestones, history.engagements),
    droppedUntil: droppedUntil(contractor),
    counts: countHistory(history.events, history.engagements, history.accesses),
    lastActivityAt: lastActivity(history.events, history.engagements, history.milestones),
  };
}

/**
 * The assessment at `now` from a stored summary: recomputed from the stored facts, never from history,
 * so it is exact whenever it is read — after a cool-off ends, as outcomes age, or once a deadline passes.
 */
export function assessStored(summary: StoredSummary, settings: Settings, now: number): Assessment {
  return assess(summary.facts, settings, now, summary.droppedUntil);
}
