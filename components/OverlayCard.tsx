import { useState } from 'preact/hooks';
import type { Contractor, HistoryEvent } from '../model/records';
import type { Assessment } from '../model/summary';
import { EventList } from './EventList';
import { headlinesFrom } from './event-labels';
import { TrackPrompt } from './TrackPrompt';
import { VerdictChip } from './VerdictChip';

export type OverlayView = { contractor: Contractor; events: HistoryEvent[]; assessment: Assessment };

type Props = {
  /** The name the page shows. */
  name: string;
  /** undefined while loading; null when the freelancer is not tracked. */
  view: OverlayView | null | undefined;
  error?: string;
  onTrack: () => Promise<void>;
  onOpenHistory: () => void;
};

/** The card drawn on a freelancer's profile page; it folds down to its verdict line to free the page. */
export function OverlayCard({ name, view, error, onTrack, onOpenHistory }: Props) {
  const [folded, setFolded] = useState(false);
  return (
    <section class="stack overlay" aria-label="Track Record">
      <div class="spread">
        <strong>Track Record</strong>
        <span class="row">
          {view && <VerdictChip verdict={view.assessment.verdict} score={view.assessment.score} />}
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
          Could not read your records: {error}
        </p>
      ) : view === undefined ? (
        <p class="muted">Loading…</p>
      ) : view === null ? (
        <TrackPrompt name={name} onTrack={onTrack} />
      ) : (
        <>
          <p>
            <strong>{view.contractor.name}</strong> <span class="muted">· {view.assessment.reasons[0]}</span>
          </p>
          <EventList events={view.events} limit={3} headlines={headlinesFrom(view.assessment)} />
          <div class="row">
            <button type="button" onClick={onOpenHistory}>
              Open full history
            </button>
          </div>
        </>
      )}
    </section>
  );
}
