import { FromOverlayFrame, type ToOverlayFrame } from '../../messages/protocol';
import type { CaptureDraft } from '../../model/capture';
import type { OverlayView } from '../../model/overlay-view';
import type { SeenProfile } from '../../model/page';

/** The part of a `runtime.Port` the service uses. */
export type ServedPort = {
  postMessage(message: ToOverlayFrame): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
};

export type OverlayServiceDeps = {
  /**
   * Follows the card for a profile key: `next` on every change of the records behind it (null: nobody
   * tracked there) or of the user's choice to keep the card folded, `fail` when they cannot be read.
   * Returns the way to stop.
   */
  watch(
    key: string,
    next: (view: OverlayView | null, folded: boolean) => void,
    fail: (error: string) => void,
  ): () => void;
  /** What the tab's content script says its page shows (null: nothing, or no answer). */
  pageShown(): Promise<SeenProfile | null>;
  /** What was being typed in an overlay for this profile and not recorded, if anything. */
  draft(key: string): Promise<CaptureDraft | undefined>;
};

const NOT_SHOWN = 'this page does not show this freelancer (any more); reload the page';

/**
 * The background's side of one overlay frame's port (its sender already checked: an overlay frame of
 * ours, in a tab). The frame names the profile it shows; it is served only if the tab's page shows that
 * profile, so a page that embeds the frame with someone else's key gets nothing. Then every change of
 * the card is pushed (no polling), and the frame's height is passed on to the content script. The
 * subscription ends with the port.
 */
export function serveOverlay(port: ServedPort, deps: OverlayServiceDeps) {
  let key: string | undefined;
  let stop: (() => void) | undefined;
  let closed = false;
  let lastSent = '';
  /** The name the page shows (it may be drawn after the frame asked: then it comes with page-seen). */
  let name = '';
  let lastView: { view: OverlayView | null; folded: boolean } | undefined;

  const send = (message: ToOverlayFrame) => {
    const text = JSON.stringify(message);
    if (closed || text === lastSent) return;
    lastSent = text;
    try {
      port.postMessage(message);
    } catch {
      closed = true; // The frame went away between the change and this message.
    }
  };

  async function start(watched: string) {
    const shown = await deps.pageShown();
    if (closed) return;
    if (shown?.key !== watched) return send({ type: 'failed', error: NOT_SHOWN });
    name ||= shown.name;
    /** Given with the first card only: the frame opens its form with it once. */
    let draft = await deps.draft(watched);
    if (closed) return;
    stop = deps.watch(
      watched,
      (view, folded) => {
        lastView = { view, folded };
        send({ type: 'view', name, view, folded, ...(draft && { draft }) });
        draft = undefined;
      },
      (error) => send({ type: 'failed', error }),
    );
  }

  port.onMessage.addListener((raw) => {
    const parsed = FromOverlayFrame.safeParse(raw);
    if (!parsed.success) return;
    if (key !== undefined) return; // One profile per port: a frame shows one freelancer.
    key = parsed.data.key;
    void start(key).catch((error: unknown) =>
      send({ type: 'failed', error: error instanceof Error ? error.message : String(error) }),
    );
  });
  port.onDisconnect.addListener(() => {
    closed = true;
    stop?.();
  });
  return {
    /** The tab's content script has read its page: the name it shows may be new to the frame. */
    pageSeen(profile: SeenProfile) {
      if (profile.key !== key || !profile.name || profile.name === name) return;
      name = profile.name;
      if (lastView !== undefined) send({ type: 'view', name, ...lastView });
    },
  };
}
