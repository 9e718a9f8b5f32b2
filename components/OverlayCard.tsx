import { useState } from 'preact/hooks';
import type { OverlayView } from '../model/overlay-view';
import { formatDay } from '../scoring/format';
import { ErrorText, messageOf } from './ErrorText';
import { TrackPrompt } from './TrackPrompt';
import { VerdictChip } from './VerdictChip';

type Props = {
  /** The name the page shows. */
  name: string;
  /** undefined while loading; null when the freelancer is not tracked. */
  view: OverlayView | null | undefined;
  /** What went wrong, in a sentence, when the card cannot show the records. */
  error?: string;
  onTrack: () => Promise<void>;
  onOpenHistory: () => Promise<void>;
};

/** The card drawn on a freelancer's profile page; it folds down to its verdict line to free the page. */
export function OverlayCard({ name, view, error, onTrack, onOpenHistory }: Props) {
  const [folded, setFolded] = useState(false);
  const [openError, setOpenError] = useState<string | null>(null);
  return (
    <section class="stack overlay" aria-label="Track Record">
      <div class="spread">
        <strong>Track Record</strong>
        <span class="row">
          {view && !error && <VerdictChip verdict={view.verdict} score={view.score} />}
          <button
            type="button"
            class="link"
            aria-expanded={!folded}
            aria-label={folded ? 'Show details' : 'Hide details'}
            title={folded ? 'Show details' : 'Hide details'}
            onClick={() => setFolded(!folded)}
          >
            {folded ? '▾' : '▴'}
          </button>
        </span>
      </div>
      {folded ? null : error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : view === undefined ? (
        <p class="muted">Loading…</p>
      ) : view === null ? (
        <TrackPrompt name={name} onTrack={onTrack} />
      ) : (
        <>
          <ErrorText message={view.readOnly} />
          <p>
            <strong>{view.name}</strong>{' '}
            <span class="muted">
              · {view.reasons[0] ?? ''}
              {view.score !== null && ` (${view.confidence} confidence)`}
            </span>
          </p>
          <RecentEvents view={view} />
          <ErrorText message={openError} />
          <div class="row">
            <button
              type="button"
              onClick={() => {
                setOpenError(null);
                onOpenHistory().catch((e: unknown) =>
                  setOpenError(`Could not open the history: ${messageOf(e)}`),
                );
              }}
            >
              Open full history
            </button>
          </div>
        </>
      )}
    </section>
  );
}

/** The latest events, worded as the timeline words them (the same look as the side panel's list). */
function RecentEvents({ view }: { view: OverlayView }) {
  if (view.events.length === 0) return <p class="muted">Nothing recorded yet.</p>;
  return (
    <ul class="plain" aria-label="History">
      {view.events.map((event, index) => (
        <li key={index} class="card" data-testid="event" data-type={event.type}>
          <div class="spread">
            <strong>{event.headline}</strong>
            <span class="note-date">{formatDay(event.at)}</span>
          </div>
          {event.text && <div class="note-text">{event.text}</div>}
        </li>
      ))}
      {view.moreEvents > 0 && <li class="muted">and {view.moreEvents} more…</li>}
    </ul>
  );
}
