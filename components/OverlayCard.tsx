import { useEffect, useRef, useState } from 'preact/hooks';
import type { CancelPlan } from '../model/cancel-plan';
import type { Capture, CaptureDraft, Recorded } from '../model/capture';
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
  /** Connects to the background again, after a failure to show the records. */
  onRetry: () => void;
  /** Hears what is being typed in the capture, to keep it until it is recorded. */
  onDraft: (draft: CaptureDraft | null) => void;
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
  /** What was being typed in the capture and not recorded, when the card was last shown. */
  draft?: CaptureDraft;
  now?: () => number;
};

/**
 * The card drawn on a freelancer's profile page: who they are to you (verdict, score, and why), what to
 * record now, their open milestones, and "cancel and move on" when it is time. Its header never wraps;
 * it folds down to that line (Escape folds it), and remembers it. It fills its frame, whose box on the
 * page is the same for everyone (model/overlay-box.ts): the header stays, the rest scrolls below it.
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
      class="overlay"
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
      {folded ? null : (
        <div class="overlay-body stack">
          {error ? (
            <>
              <p class="error" role="alert">
                {error}
              </p>
              <div class="row">
                <button type="button" onClick={props.onRetry}>
                  Try again
                </button>
              </div>
            </>
          ) : view === undefined ? (
            <p class="muted">Loading…</p>
          ) : view === null ? (
            <>
              <TrackPrompt name={name} onTrack={props.onTrack} />
              <p class="muted">Or record what just happened: that tracks them too.</p>
              <QuickCapture
                onRecord={props.onRecord}
                onUndo={props.onUndo}
                now={now}
                draft={props.draft}
                onDraft={props.onDraft}
              />
              <p class="muted small">
                What you record stays in this browser. This page cannot see it, nor whether you track anyone.
              </p>
            </>
          ) : (
            <Tracked {...props} view={view} now={now} />
          )}
        </div>
      )}
    </section>
  );
}

function Tracked(props: Props & { view: OverlayView; now: () => number }) {
  const { view, now } = props;
  const [openError, setOpenError] = useState<string | null>(null);
  const [cancel, setCancel] = useState<CancelPlan | 'loading' | null>(null);
  const [cancelError, setCancelError] = useState<string | null>(null);
  const flow = useRef<HTMLDivElement>(null);
  const flowShown = cancel !== null && cancel !== 'loading';
  // The flow opens below the card's fold: the card's own box scrolls to it (never the page around it).
  useEffect(() => {
    const at = flowShown ? flow.current : null;
    const box = at?.closest('.overlay-body');
    if (at && box) box.scrollTo({ top: at.offsetTop - box.getBoundingClientRect().top - 8 });
  }, [flowShown]);
  /** How many times the flow was opened: a late answer closes only the opening it belongs to. */
  const opened = useRef(0);
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
          draft={props.draft}
          onDraft={props.onDraft}
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
            opened.current++;
            setCancel('loading');
            void showPlan();
          }}
        >
          {dropped ? 'Accesses and who is next' : 'Cancel and move on…'}
        </button>
      </div>
      {cancel === 'loading' && <p class="muted">Loading…</p>}
      <div ref={flow} />
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
            const asOpened = opened.current;
            await props.onReinstate();
            // Closed once done, unless it was opened again meanwhile (the card can change first).
            if (opened.current === asOpened) setCancel(null);
          }}
        />
      )}
    </>
  );
}
