import type { HistoryEvent } from '../model/records';
import { eventHeadline } from './event-labels';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** A contractor's history, newest first. */
export function EventList({ events, limit }: { events: HistoryEvent[]; limit?: number }) {
  if (events.length === 0) return <p class="muted">Nothing recorded yet.</p>;
  const shown = limit === undefined ? events : events.slice(0, limit);
  return (
    <ul class="plain" aria-label="History">
      {shown.map((event) => (
        <li key={event.id} class="card" data-testid="event" data-type={event.type}>
          <div class="spread">
            <strong>{eventHeadline(event)}</strong>
            <span class="note-date">{dateFormat.format(event.at)}</span>
          </div>
          {'text' in event && event.text && <div class="note-text">{event.text}</div>}
        </li>
      ))}
      {shown.length < events.length && <li class="muted">and {events.length - shown.length} more…</li>}
    </ul>
  );
}
