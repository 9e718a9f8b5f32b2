import { effectiveDueAt } from '../model/due-date';
import type { RecordId } from '../model/ids';
import type { Access, Engagement, HistoryEvent, Milestone } from '../model/records';
import type { Counts, Fact } from '../model/summary';
import { daysBetween } from './dates';

/**
 * The facts the score needs, from a contractor's events, milestones and engagements (see `Fact`).
 * - A delivery of a milestone is late by the days from the due date in effect to the delivery day;
 *   a delivery without a milestone by the days entered.
 * - A renegotiation agreed after the due date in effect had passed does not erase the miss: it is a
 *   `missed` fact for the days that had passed.
 * - A milestone of an active engagement with nothing delivered is `open` (live: late once past due).
 * - A recorded "deadline missed" on a milestone is represented by that milestone (open or delivered),
 *   so it is not counted twice.
 */
export function deriveFacts(
  events: readonly HistoryEvent[],
  milestones: readonly Milestone[],
  engagements: readonly Engagement[],
): Fact[] {
  const milestoneById = new Map(milestones.map((m) => [m.id, m]));
  const activeEngagements = new Set(engagements.filter((e) => e.status === 'active').map((e) => e.id));
  const deliveredMilestones = new Set<RecordId>();
  const facts: Fact[] = [];

  for (const e of events) {
    switch (e.type) {
      case 'delivered': {
        const m = e.milestoneId === undefined ? undefined : milestoneById.get(e.milestoneId);
        if (m) {
          if (deliveredMilestones.has(m.id)) break; // a milestone is delivered once
          deliveredMilestones.add(m.id);
          const lateDays = Math.max(0, daysBetween(effectiveDueAt(m), e.at));
          facts.push({ kind: 'delivery', at: e.at, lateDays, eventId: e.id, milestoneId: m.id });
        } else {
          facts.push({ kind: 'delivery', at: e.at, lateDays: e.daysLate ?? 0, eventId: e.id });
        }
        break;
      }
      case 'deadline-missed':
        if (e.milestoneId !== undefined && milestoneById.has(e.milestoneId)) break;
        facts.push({ kind: 'missed', at: e.at, lateDays: e.daysLate ?? 0, eventId: e.id });
        break;
      case 'excuse':
        facts.push({ kind: 'excuse', at: e.at, category: e.category, eventId: e.id });
        break;
      case 'quality-problem':
        facts.push({ kind: 'quality', at: e.at, eventId: e.id });
        break;
      case 'reward':
        facts.push({ kind: 'reward', at: e.at, eventId: e.id });
        break;
      default:
        break;
    }
  }

  for (const m of milestones) {
    let due = m.dueAt;
    for (const r of m.renegotiations) {
      const passed = daysBetween(due, r.at);
      if (passed > 0) facts.push({ kind: 'missed', at: r.at, lateDays: passed, milestoneId: m.id });
      due = r.dueAt;
    }
    const delivered = deliveredMilestones.has(m.id) || m.deliveredAt !== undefined;
    if (!delivered && activeEngagements.has(m.engagementId)) {
      facts.push({ kind: 'open', dueAt: due, milestoneId: m.id });
    }
  }
  return facts.sort((a, b) => factTime(a) - factTime(b));
}

export function factTime(f: Fact): number {
  return f.kind === 'open' ? f.dueAt : f.at;
}

/** Counts shown with a contractor, from their history. */
export function countHistory(
  events: readonly HistoryEvent[],
  engagements: readonly Engagement[],
  accesses: readonly Access[],
): Counts {
  const of = (type: HistoryEvent['type']) => events.filter((e) => e.type === type).length;
  return {
    events: events.length,
    notes: of('note'),
    deliveries: of('delivered'),
    excuses: of('excuse'),
    qualityProblems: of('quality-problem'),
    praise: of('praise'),
    rewards: of('reward'),
    engagements: engagements.length,
    activeEngagements: engagements.filter((e) => e.status === 'active').length,
    activeAccesses: accesses.filter((a) => a.revokedAt === undefined).length,
  };
}

/** The last time anything happened with the contractor (events, engagements, milestones). */
export function lastActivity(
  events: readonly HistoryEvent[],
  engagements: readonly Engagement[],
  milestones: readonly Milestone[],
): number | undefined {
  const times = [
    ...events.map((e) => e.at),
    ...engagements.map((e) => e.endedAt ?? e.startedAt),
    ...milestones.flatMap((m) => [
      m.deliveredAt,
      m.acceptedAt,
      m.paidAt,
      ...m.renegotiations.map((r) => r.at),
    ]),
  ].filter((t): t is number => t !== undefined);
  return times.length ? Math.max(...times) : undefined;
}
