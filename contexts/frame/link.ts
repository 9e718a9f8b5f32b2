import { type FromOverlayFrame, ToOverlayFrame } from '../../messages/protocol';
import type { OverlayView } from '../../model/overlay-view';
import { ProfileKey } from '../../model/platform';

/** What the overlay frame shows, as its link to the background stands. */
export type OverlayState =
  | { status: 'loading' }
  /**
   * `view` null: nobody is tracked behind this profile; `name` is the name the page shows; `folded`: the
   * user's last choice for the card.
   */
  | { status: 'ready'; name: string; view: OverlayView | null; folded: boolean }
  /** `viaBackground`: the background answered (and can still pass the frame's height on). */
  | { status: 'failed'; error: string; viaBackground: boolean };

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
  /**
   * Tells the page's content script, without the background, that the frame could not reach the
   * background and how tall its message is: public facts only, since the page hears it too.
   */
  tellPageUnanswered(height: number): void;
  /** How long to wait for the background's first answer before saying so (the card must speak within 2 s). */
  deadlineMs?: number;
};

export const UNREACHABLE =
  "Cannot reach Track Record's background, so your records cannot be shown here. Reload the page to try again.";
export const NO_ANSWER =
  'Track Record did not answer in time, so your records cannot be shown yet. Reload the page to try again.';

/**
 * The overlay frame's link to the background: it asks for the card of one profile and shows each card
 * the background pushes; it says in words what went wrong when the background cannot be reached,
 * refuses, or does not answer within the deadline. A background that goes to sleep after answering
 * (Chrome stops an idle service worker, closing its ports) is reconnected to, once the tab is visible,
 * so the card stays live; a reconnection that is not answered is a failure, so it never loops.
 */
export function linkOverlay(deps: LinkDeps) {
  const deadlineMs = deps.deadlineMs ?? 1500;
  let state: OverlayState = { status: 'loading' };
  let port: PortLike | undefined;
  let answered = false;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  let waitingToReconnect = false;
  let height: number | undefined;
  let sentHeight: number | undefined;
  let toldPage: number | undefined;

  const show = (next: OverlayState) => {
    state = next;
    deps.onState(next);
  };
  const fail = (error: string, viaBackground: boolean) => show({ status: 'failed', error, viaBackground });

  function sendHeight() {
    if (height === undefined || state.status === 'loading') return;
    if (port && answered) {
      if (height !== sentHeight) port.postMessage({ type: 'drawn', height });
      sentHeight = height;
    } else if (state.status === 'failed' && !state.viaBackground && height !== toldPage) {
      deps.tellPageUnanswered(height);
      toldPage = height;
    }
  }

  function open() {
    answered = false;
    sentHeight = undefined;
    let opened: PortLike;
    try {
      opened = deps.connect();
    } catch {
      port = undefined;
      return fail(UNREACHABLE, false);
    }
    port = opened;
    opened.onMessage.addListener((raw) => {
      if (port !== opened) return;
      const parsed = ToOverlayFrame.safeParse(raw);
      if (!parsed.success) return; // Not a message of the protocol: ignored, the deadline still runs.
      answered = true;
      clearTimeout(deadline);
      const message = parsed.data;
      if (message.type === 'view')
        show({ status: 'ready', name: message.name, view: message.view, folded: message.folded });
      else fail(`Could not read your records: ${message.error}`, true);
      sendHeight();
    });
    opened.onDisconnect.addListener(() => {
      if (port !== opened) return;
      port = undefined;
      clearTimeout(deadline);
      if (!answered) return fail(UNREACHABLE, false);
      if (state.status !== 'ready') return;
      if (deps.visible()) open();
      else waitingToReconnect = true;
    });
    opened.postMessage({ type: 'watch', key: deps.key });
    deadline = setTimeout(() => {
      if (!answered) fail(NO_ANSWER, false);
    }, deadlineMs);
  }

  deps.onVisible(() => {
    if (!waitingToReconnect) return;
    waitingToReconnect = false;
    open();
  });

  return {
    start() {
      if (!ProfileKey.safeParse(deps.key).success)
        return fail('This overlay was opened without a profile.', false);
      open();
    },
    /** The frame's content is drawn at this height: passed on to the page, through the background. */
    drawn(next: number) {
      height = next;
      sendHeight();
    },
    state: () => state,
  };
}
