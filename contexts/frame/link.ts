import { type FromOverlayFrame, ToOverlayFrame } from '../../messages/protocol';
import type { CaptureDraft } from '../../model/capture';
import type { OverlayView } from '../../model/overlay-view';
import { ProfileKey } from '../../model/platform';

/** What the overlay frame shows, as its link to the background stands. */
export type OverlayState =
  | { status: 'loading' }
  /**
   * `view` null: nobody is tracked behind this profile; `name` is the name the page shows; `folded`: the
   * user's last choice for the card.
   */
  | { status: 'ready'; name: string; view: OverlayView | null; folded: boolean; draft?: CaptureDraft }
  | { status: 'failed'; error: string };

/** The part of a `runtime.Port` the link uses. */
export type PortLike = {
  postMessage(message: FromOverlayFrame): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
};

export type LinkDeps = {
  key: string;
  /** `browser.runtime.connect({ name: OVERLAY_PORT })`; it throws where the extension is gone. */
  connect(): PortLike;
  onState(state: OverlayState): void;
  /** Whether the tab is visible now, and a way to hear when it becomes visible again. */
  visible(): boolean;
  onVisible(listener: () => void): void;
  /** How long to wait for the background's first answer before saying so (the card must speak within 2 s). */
  deadlineMs?: number;
  /** Waits before connecting again (setTimeout; tests pass their own). */
  later?: (run: () => void, ms: number) => void;
};

export const UNREACHABLE =
  "Cannot reach Track Record's background, so your records cannot be shown here. Try again, or reload the page.";
export const NO_ANSWER =
  'Track Record did not answer in time, so your records cannot be shown yet. Try again, or reload the page.';

/**
 * How long to wait before connecting again when a port closed before it was answered: the worker was
 * stopped while it started (it starts again on the next connection). Short enough that a failure is
 * still said within the card's 2 s.
 */
const RECONNECT_DELAYS = [200, 800];

/**
 * The overlay frame's link to the background: it asks for the card of one profile and shows each card
 * the background pushes; it says in words what went wrong when the background cannot be reached,
 * refuses, or does not answer within the deadline. A background that goes to sleep after answering
 * (Chrome stops an idle service worker, closing its ports) is reconnected to, once the tab is visible,
 * so the card stays live. A port closed before it was answered (the worker stopped as it started) is
 * opened again a bounded number of times, then is a failure, so it never loops; `retry` starts over.
 */
export function linkOverlay(deps: LinkDeps) {
  const deadlineMs = deps.deadlineMs ?? 1500;
  const later = deps.later ?? ((run, ms) => void setTimeout(run, ms));
  /** Connections closed unanswered in a row. */
  let unanswered = 0;
  let state: OverlayState = { status: 'loading' };
  let port: PortLike | undefined;
  let answered = false;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  let waitingToReconnect = false;

  const show = (next: OverlayState) => {
    state = next;
    deps.onState(next);
  };
  const fail = (error: string) => show({ status: 'failed', error });

  function open() {
    answered = false;
    let opened: PortLike;
    try {
      opened = deps.connect();
    } catch {
      port = undefined;
      return fail(UNREACHABLE);
    }
    port = opened;
    opened.onMessage.addListener((raw) => {
      if (port !== opened) return;
      const parsed = ToOverlayFrame.safeParse(raw);
      if (!parsed.success) return; // Not a message of the protocol: ignored, the deadline still runs.
      answered = true;
      unanswered = 0;
      clearTimeout(deadline);
      const message = parsed.data;
      if (message.type === 'view')
        show({
          status: 'ready',
          name: message.name,
          view: message.view,
          folded: message.folded,
          draft: message.draft,
        });
      else fail(`Could not read your records: ${message.error}`);
    });
    opened.onDisconnect.addListener(() => {
      if (port !== opened) return;
      port = undefined;
      clearTimeout(deadline);
      if (!answered) {
        const delay = RECONNECT_DELAYS[unanswered++];
        if (delay === undefined) return fail(UNREACHABLE);
        return later(() => {
          if (!port) open();
        }, delay);
      }
      if (state.status !== 'ready') return;
      if (deps.visible()) open();
      else waitingToReconnect = true;
    });
    opened.postMessage({ type: 'watch', key: deps.key });
    deadline = setTimeout(() => {
      if (!answered) fail(NO_ANSWER);
    }, deadlineMs);
  }

  deps.onVisible(() => {
    if (!waitingToReconnect) return;
    waitingToReconnect = false;
    open();
  });

  return {
    start() {
      if (!ProfileKey.safeParse(deps.key).success) return fail('This overlay was opened without a profile.');
      open();
    },
    /** Starts over after a failure (the card's Try again). */
    retry() {
      if (port) return;
      unanswered = 0;
      waitingToReconnect = false;
      show({ status: 'loading' });
      open();
    },
    state: () => state,
  };
}
