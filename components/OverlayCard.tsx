import { useEffect, useRef, useState } from 'preact/hooks';
import type { CancelPlan } from '../model/cancel-plan';
import type { Capture, Recorded } from '../model/capture';
import type { CoolOff } from '../model/cool-off';
import type { OverlayView } from '../model/overlay-view';
import { formatDay, messageOf } from '../scoring/format';
import { CancelFlow } from './CancelFlow';
import { CareNote } from './CareNote';
import { ErrorText } from './ErrorText';
import { Logo } from './Logo';
import { QuickCapture } from './QuickCapture';
import { TrackPrompt } from './TrackPrompt';
import { VerdictChip } from './VerdictChip';

export type OverlayActions = {
  onTrack: () => Promise<void>;
  onOpenHistory: () => Promise<void>;
  onFold: (folded: boolean) => void;
  onRecord: (input: Capture) => Promise<Recorded>;
  onUndo: (eventId: string) => Promise<void>;
  onCancelPlan: () => Promise<CancelPlan>;
  onCancel: (choice: { coolOff: CoolOff; reason: string }) => Promise<void>;
  onRevoke: (accessId: string) => Promise<void>;
  onReinstate: () => Promise<void>;
};

type Props = OverlayActions & {
  /** The name the page shows. */
  name: string;
  /** undefined while loading; null when the freelancer is not tracked. */
  view: OverlayView | null | undefined;
  /** What went wrong, in a sentence, when the card cannot show the records. */
  error?: string;
  /** The user's last choice: folded down to the header line. */
  folded: boolean;
  now?: () => number;
};

/**
 * The card drawn on a freelancer's profile page: who they are to you (verdict, score, and why), what to
 * record now, their open milestones, and "cancel and move on" when it is time. Its header never wraps;
 * it folds down to that line (Escape folds it), and remembers it.
 */
export function OverlayCard(props: Props) {
  const { name, view, error, now = Date.now } = props;
  const [folded, setFolded] = useState(props.folded);
  useEffect(() => setFolded(props.folded), [props.folded]);
  const toggle = useRef<HTMLButtonElement>(null);
  const fold = (next: boolean) => {
    setFolded(next);
    props.onFold(next);
  };
  return (
    <section
      class="stack overlay"
      aria-label="Track Record"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || folded) return;
        fold(true);
        toggle.current?.focus();
      }}
    >
      <div class="overlay-head">
        <Logo />
        <strong class="overlay-name" title={view?.name ?? name}>
          {view?.name ?? (name || 'Track Record')}
        </strong>
        {view && !error && <VerdictChip verdict={view.verdict} score={view.score} short />}
        <button
          ref={toggle}
          type="button"
          class="link fold"
          aria-expanded={!folded}
          aria-label={folded ? 'Show details' : 'Hide details'}
          title={folded ? 'Show details' : 'Hide details (Escape)'}
          onClick={() => fold(!folded)}
        >
          {folded ? '▾' : '▴'}
        </button>
      </div>
      {folded ? null : error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : view === undefined ? (
        <p class="muted">Loading…</p>
      ) : view === null ? (
        <TrackPrompt name={name} onTrack={props.onTrack} />
      ) : (
        <Tracked {...props} view={view} now={now} />
      )}
    </section>
  );
}

function Tracked(props: Props & { view: OverlayView; now: () => number }) {
  const { view, now } = props;
  const [openError, setOpenError] = useState<string | null>(null);
  const [cancel, setCancel] = useState<CancelPlan | 'loading' | null>(null);
  const [cancelError, setCancelError] = useState<string | null>(null);
  const showPlan = () =>
    props.onCancelPlan().then(setCancel, (e: unknown) => {
      setCancel(null);
      setCancelError(`Could not prepare it: ${messageOf(e)}`);
    });
  // The plan follows the records while it is open (an access revoked, the verdict turned to dropped).
  useEffect(() => {
    if (cancel && cancel !== 'loading') void showPlan();
  }, [view]);
  const dropped = view.verdict === 'dropped';
  return (
    <>
      <ErrorText message={view.readOnly} />
      <p class="reason" data-testid="reason">
        {view.reasons[0] ?? ''}
        {view.score !== null && <span class="muted"> ({view.confidence} confidence)</span>}
      </p>
      {view.strikes.length > 0 && (
        <ul class="plain lines" aria-label="Strikes">
          {view.strikes.map((s) => (
            <li key={`${s.headline}${s.day}`}>
              <span class="strike">✕</span> {s.headline} <span class="muted">· {formatDay(s.day)}</span>
            </li>
          ))}
        </ul>
      )}
      {view.care && <CareNote message={view.care} onReward={props.onRecord} now={now} />}
      {!dropped && (
        <QuickCapture
          onRecord={props.onRecord}
          onUndo={props.onUndo}
          milestones={view.milestones}
          now={now}
        />
      )}
      {view.events.length > 0 && (
        <ul class="plain lines" aria-label="History">
          {view.events.map((event, index) => (
            <li key={index} data-testid="event" data-type={event.type} class="line">
              <strong>{event.headline}</strong> <span class="muted">· {formatDay(event.at)}</span>
              {event.text && <span class="muted"> — {event.text}</span>}
            </li>
          ))}
          {view.moreEvents > 0 && <li class="muted">and {view.moreEvents} more in the full history</li>}
        </ul>
      )}
      <ErrorText message={openError ?? cancelError} />
      <div class="row">
        <button
          type="button"
          onClick={() => {
            setOpenError(null);
            props
              .onOpenHistory()
              .catch((e: unknown) => setOpenError(`Could not open the history: ${messageOf(e)}`));
          }}
        >
          Open full history
        </button>
        <button
          type="button"
          class={view.verdict === 'cancel' ? 'danger' : ''}
          aria-expanded={cancel !== null}
          onClick={() => {
            setCancelError(null);
            if (cancel) return setCancel(null);
            setCancel('loading');
            void showPlan();
          }}
        >
          {dropped ? 'Accesses and who is next' : 'Cancel and move on…'}
        </button>
      </div>
      {cancel === 'loading' && <p class="muted">Loading…</p>}
      {cancel && cancel !== 'loading' && (
        <CancelFlow
          plan={cancel}
          onCancel={async (choice) => {
            await props.onCancel(choice);
            await showPlan();
          }}
          onRevoke={async (id) => {
            await props.onRevoke(id);
            await showPlan();
          }}
          onReinstate={async () => {
            await props.onReinstate();
            setCancel(null);
          }}
        />
      )}
    </>
  );
}
