import type { RecordId } from '../model/ids';
import type { HistoryEvent } from '../model/records';
import { formatDay } from '../scoring/format';
import { eventHeadline } from './event-labels';

/** Events whose removal only changes history; accesses and cancellations are undone their own way. */
const DELETABLE = new Set<HistoryEvent['type']>([
  'note',
  'delivered',
  'deadline-missed',
  'excuse',
  'quality-problem',
  'praise',
  'reward',
]);

type Props = {
  events: HistoryEvent[];
  limit?: number;
  /** Headlines worked out by the score (e.g. "Delivered late by 3 days"), by event id. */
  headlines?: Map<RecordId, string>;
  onDelete?: (event: HistoryEvent) => void;
};

/** A contractor's history, newest first. */
export function EventList({ events, limit, headlines, onDelete }: Props) {
  if (events.length === 0) return <p class="muted">Nothing recorded yet.</p>;
  const shown = limit === undefined ? events : events.slice(0, limit);
  return (
    <ul class="plain" aria-label="History">
      {shown.map((event) => (
        <li key={event.id} class="card" data-testid="event" data-type={event.type}>
          <div class="spread">
            <strong>{headlines?.get(event.id) ?? eventHeadline(event)}</strong>
            <span class="row">
              <span class="note-date">{formatDay(event.at)}</span>
              {onDelete && DELETABLE.has(event.type) && (
                <button
                  type="button"
                  class="link"
                  aria-label="Delete this entry"
                  onClick={() => onDelete(event)}
                >
                  ✕
                </button>
              )}
            </span>
          </div>
          {'text' in event && event.text && <div class="note-text">{event.text}</div>}
        </li>
      ))}
      {shown.length < events.length && <li class="muted">and {events.length - shown.length} more…</li>}
    </ul>
  );
}
