import { isOverlayUnanswered } from '../../messages/content';

/**
 * The overlay's host in the page: a bare element carrying only public identity (`data-profile-key`)
 * whose closed shadow root holds an extension-origin iframe. The page can read neither the frame's
 * content nor the shadow root; the contractor's private data is rendered inside the frame.
 * `data-state`: `loading`, then `ready` once the frame has drawn the contractor's data, or `failed`
 * when it cannot (its message says why).
 */
export type OverlayHost = {
  readonly key: string;
  readonly element: HTMLElement;
  /** Puts the host back if the page's framework replaced the element it sat by, or by its anchor once
   *  the page has drawn one (it floats until then). */
  ensureAttached(anchor: Element | undefined): void;
  /** The frame has drawn (`ready`: the contractor's data; `failed`: why it cannot) at this height. */
  markDrawn(height: number, state: 'ready' | 'failed'): void;
  remove(): void;
};

const FRAME_STYLE = `
  :host { all: initial; display: block; }
  :host([data-floating]) { position: fixed; right: 16px; bottom: 16px; z-index: 2147483646; width: 360px; }
  :host(:not([data-floating])) { margin: 12px 0; max-width: 480px; }
  iframe { display: block; width: 100%; height: 0; border: 0; border-radius: 12px;
           box-shadow: 0 4px 18px rgb(0 0 0 / 0.18); color-scheme: normal; }
`;

/** `origins`: where the frame's messages may come from (its page's origin, whatever address it is served at). */
export function mountOverlay(
  doc: Document,
  frameUrl: string,
  origins: readonly string[],
  key: string,
  anchor?: Element,
): OverlayHost {
  const element = doc.createElement('track-record-overlay');
  element.dataset.trackRecord = 'overlay';
  element.dataset.profileKey = key;
  element.dataset.state = 'loading';
  const shadow = element.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = FRAME_STYLE;
  const frame = doc.createElement('iframe');
  frame.src = frameUrl;
  frame.title = 'Track Record';
  shadow.append(style, frame);

  // The frame reports its height through the background; only when it cannot reach the background does
  // it tell the page directly (public facts: it failed, and how tall its message is). Accepted only
  // from this frame at the extension's origin, and only as the browser delivered it: the page could
  // dispatch a MessageEvent of its own naming any source and origin, but not a trusted one.
  const size = (height: number) => {
    frame.style.height = `${Math.ceil(height)}px`;
  };
  const onPageMessage = (event: MessageEvent) => {
    if (!event.isTrusted || event.source !== frame.contentWindow || !origins.includes(event.origin)) return;
    if (!isOverlayUnanswered(event.data)) return;
    size(event.data.height);
    element.dataset.state = 'failed';
  };
  doc.defaultView?.addEventListener('message', onPageMessage);

  const attach = (to: Element | undefined) => {
    if (to?.isConnected) {
      delete element.dataset.floating;
      to.after(element);
    } else {
      element.dataset.floating = '';
      doc.body.append(element);
    }
  };
  attach(anchor);

  return {
    key,
    element,
    ensureAttached(nextAnchor) {
      const floatingButAnchored = 'floating' in element.dataset && nextAnchor?.isConnected;
      if (element.isConnected && !floatingButAnchored) return;
      // Moving the host reloads its frame: it is loading until the frame says it has drawn again.
      element.dataset.state = 'loading';
      attach(nextAnchor);
    },
    markDrawn(height, state) {
      size(height);
      element.dataset.state = state;
    },
    remove() {
      doc.defaultView?.removeEventListener('message', onPageMessage);
      element.remove();
    },
  };
}
