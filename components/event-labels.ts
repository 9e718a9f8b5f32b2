import type { RecordId } from '../model/ids';
import { excuseCategoryLabels, type HistoryEvent } from '../model/records';
import type { Assessment } from '../model/summary';
import { money, plural } from '../scoring/format';

/** The headline of one history event, as the timeline shows it. */
export function eventHeadline(event: HistoryEvent): string {
  switch (event.type) {
    case 'note':
      return 'Note';
    case 'delivered':
      return event.daysLate ? `Delivered ${plural(event.daysLate, 'day')} late` : 'Delivered';
    case 'deadline-missed':
      return event.daysLate ? `Deadline missed by ${plural(event.daysLate, 'day')}` : 'Deadline missed';
    case 'excuse':
      return `Excuse: ${excuseCategoryLabels[event.category]}`;
    case 'quality-problem':
      return 'Quality problem';
    case 'praise':
      return 'Praise';
    case 'reward': {
      const amount = event.amount === undefined ? '' : ` of ${money(event.amount, event.currency)}`;
      return `Reward: ${event.kind}${amount}`;
    }
    case 'access-granted':
      return 'Access granted';
    case 'access-revoked':
      return 'Access revoked';
    case 'cancelled':
      return 'Cancelled — moved on';
  }
}

/**
 * Headlines as the score worked them out, by event id ("Delivered late by 3 days": a delivery's lateness
 * may come from its milestone).
 */
export function headlinesFrom(assessment: Assessment): Map<RecordId, string> {
  const byEvent = new Map<RecordId, string>();
  for (const item of assessment.why) {
    if (item.eventId !== undefined) byEvent.set(item.eventId, item.headline);
  }
  return byEvent;
}
