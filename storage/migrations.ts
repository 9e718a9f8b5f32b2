import type { Transaction } from 'dexie';
import type { Contractor, HistoryEvent } from '../model/records';
import { defaultSettings } from '../model/settings';
import { buildSummary } from './summary';

/**
 * Version 1 → 2: contractors gain skills, tags and a status (active), and their summary, computed from
 * the notes they already have (notes do not change the score; they count and date the last activity).
 * Profiles and notes are kept as they are: their v1 shape is valid v2.
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const now = Date.now();
  const contractors = tx.table('contractors');
  const events = tx.table<HistoryEvent, number>('events');
  for (const old of (await contractors.toArray()) as Partial<Contractor>[]) {
    const record = {
      ...old,
      skills: old.skills ?? [],
      tags: old.tags ?? [],
      status: old.status ?? 'active',
    } as Contractor;
    const history = await events.where('contractorId').equals(record.id).toArray();
    await contractors.put({
      ...record,
      summary: buildSummary(
        record,
        { events: history, engagements: [], milestones: [], accesses: [] },
        defaultSettings,
        now,
      ),
    });
  }
}
