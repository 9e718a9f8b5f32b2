import type { RecordId } from '../model/ids';
import { type Contractor, type ContractorStatus, effectiveDueAt, type ProfileRecord } from '../model/records';
import type { Fact, StoredSummary } from '../model/summary';
import { factTime } from './facts';
import { CODES, type Code } from './row-assessment';
import type { History } from './summary';

export { assessRow, type RowAssessment } from './row-assessment';

/** Money by currency ('' when none was given): amounts in different currencies are never added up. */
export type Amounts = Record<string, number>;

/**
 * One line of the roster, stored beside the contractor and rewritten with their summary, so that opening
 * the roster reads one small record per contractor and never their history. Everything in it is derived.
 */
export type RosterRow = {
  id: RecordId;
  name: string;
  /** The name folded for sorting (lower case, no accents): the index the first screen is read by. */
  sortName: string;
  status: ContractorStatus;
  skills: string[];
  /** Marketplaces of their profiles (platform ids), sorted. */
  platforms: string[];
  /** What a search looks through, lower-cased: name, skills, tags, profiles (keys, addresses, names), notes. */
  text: string;
  /** The summary's facts packed as [code, time, lateDays]… (see FACT_CODES): a verdict for any `now`. */
  facts: number[];
  droppedUntil?: number;
  /** Milestones of active engagements not delivered yet, and the earliest due date among them. */
  openMilestones: number;
  nextDueAt?: number;
  /** Active engagements' budgets less what was paid on them. */
  openBudget: Amounts;
  /** Milestones paid and bonuses. */
  paid: Amounts;
  lastActivityAt?: number;
  createdAt: number;
};

/** Searched text kept per contractor: enough for every name and address, and the gist of their notes. */
const TEXT_LIMIT = 4000;

function codeOf(f: Fact): number {
  const code: Code = f.kind === 'missed' && f.eventId !== undefined ? 'missed-recorded' : f.kind;
  return CODES.indexOf(code);
}

/**
 * Folds a name for sorting and for the index: "Émile" sorts with "emile", and numbers in names sort as
 * numbers ("Team 9" before "Team 10"), the same in the index and in memory.
 */
export function sortKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/\d+/g, (digits) => digits.padStart(12, '0'));
}

const add = (to: Amounts, currency: string | undefined, amount: number) => {
  const key = currency ?? '';
  to[key] = (to[key] ?? 0) + amount;
};

/** The roster's line for a contractor, from their record, stored summary, history and profiles. */
export function buildRosterRow(
  contractor: Contractor,
  summary: StoredSummary,
  history: History,
  profiles: readonly ProfileRecord[],
): RosterRow {
  const engagements = new Map(history.engagements.map((e) => [e.id, e]));
  let openMilestones = 0;
  let nextDueAt: number | undefined;
  const paidOn = new Map<RecordId, number>();
  const paid: Amounts = {};
  for (const m of history.milestones) {
    const engagement = engagements.get(m.engagementId);
    if (m.paidAt !== undefined) {
      add(paid, m.currency ?? engagement?.currency, m.amount);
      paidOn.set(m.engagementId, (paidOn.get(m.engagementId) ?? 0) + m.amount);
    }
    if (engagement?.status === 'active' && m.deliveredAt === undefined) {
      openMilestones++;
      const due = effectiveDueAt(m);
      if (nextDueAt === undefined || due < nextDueAt) nextDueAt = due;
    }
  }
  for (const e of history.events)
    if (e.type === 'reward' && e.kind === 'bonus' && e.amount !== undefined) add(paid, e.currency, e.amount);
  const openBudget: Amounts = {};
  for (const e of history.engagements)
    if (e.status === 'active' && e.budget !== undefined)
      add(openBudget, e.currency, Math.max(0, e.budget - (paidOn.get(e.id) ?? 0)));

  const notes = history.events.flatMap((e) => (e.type === 'note' || e.type === 'praise' ? [e.text] : []));
  const text = [
    contractor.name,
    ...contractor.skills,
    ...contractor.tags,
    ...profiles.flatMap((p) => [p.key, p.url, p.name, p.title ?? '']),
    ...notes.reverse(), // newest first, so a cap keeps the latest
  ]
    .join('\n')
    .toLowerCase()
    .slice(0, TEXT_LIMIT);

  return {
    id: contractor.id,
    name: contractor.name,
    sortName: sortKey(contractor.name),
    status: contractor.status,
    skills: contractor.skills,
    platforms: [...new Set(profiles.map((p) => p.platform))].sort(),
    text,
    facts: summary.facts.flatMap((f) => [codeOf(f), factTime(f), 'lateDays' in f ? f.lateDays : 0]),
    droppedUntil: summary.droppedUntil,
    openMilestones,
    nextDueAt,
    openBudget,
    paid,
    lastActivityAt: summary.lastActivityAt,
    createdAt: contractor.createdAt,
  };
}
