import type { RecordId } from '../model/ids';
import { type Engagement, effectiveDueAt, type Milestone } from '../model/records';
import { dayOf } from './dates';

/** A milestone still to be delivered on work that goes on, with the due date in effect. */
export type OpenMilestone = {
  milestone: Milestone;
  engagement: Pick<Engagement, 'id' | 'title'>;
  dueAt: number;
};

/**
 * The milestones nothing has been delivered for yet, of engagements still active (cancelling or
 * completing an engagement closes its milestones), soonest due first.
 */
export function openMilestones(
  milestones: readonly Milestone[],
  engagements: readonly Engagement[],
): OpenMilestone[] {
  const active = new Map(engagements.filter((e) => e.status === 'active').map((e) => [e.id, e]));
  return milestones
    .flatMap((milestone) => {
      const engagement = active.get(milestone.engagementId);
      return engagement && milestone.deliveredAt === undefined
        ? [
            {
              milestone,
              engagement: { id: engagement.id, title: engagement.title },
              dueAt: effectiveDueAt(milestone),
            },
          ]
        : [];
    })
    .sort((a, b) => a.dueAt - b.dueAt);
}

/** Due today or already overdue: what the toolbar counts and the reminders speak of. */
export const isDueBy = (dueAt: number, now: number) => dayOf(dueAt) <= dayOf(now);

/** A reminder: on the due day, and once the day has passed. */
export type ReminderStage = 'due' | 'overdue';

/**
 * The reminder an open milestone calls for at `now`, if it has not been shown for this due date yet:
 * `due` on its due day, `overdue` on any later day (once). A reminder missed while the browser was closed
 * is not shown late: on a later day only `overdue` is.
 */
export function reminderFor(
  m: { dueAt: number; reminded?: Milestone['reminded'] },
  now: number,
): ReminderStage | null {
  const due = dayOf(m.dueAt);
  const today = dayOf(now);
  if (today === due && m.reminded?.due !== due) return 'due';
  if (today > due && m.reminded?.overdue !== due) return 'overdue';
  return null;
}

/** The notification's id for a milestone's reminder, and back. */
export const reminderId = (milestoneId: RecordId, stage: ReminderStage) =>
  `milestone:${milestoneId}:${stage}`;
export function parseReminderId(id: string): { milestoneId: RecordId; stage: ReminderStage } | null {
  const match = /^milestone:([0-9A-Z]{26}):(due|overdue)$/.exec(id);
  return match ? { milestoneId: match[1] as RecordId, stage: match[2] as ReminderStage } : null;
}
