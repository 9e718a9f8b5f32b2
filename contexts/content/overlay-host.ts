import { isOverlayDrawn } from '../../messages/content';
import { OVERLAY_BOX } from '../../model/overlay-box';

/**
 * The overlay's host in the page: a bare element carrying only public identity (`data-profile-key`)
 * whose closed shadow root holds an extension-origin iframe. The page can read neither the frame's
 * content nor the shadow root; the contractor's private data is rendered inside the frame.
 * `data-state`: `loading`, then `ready` once the frame has drawn the contractor's data, or `failed`
 * when it cannot (its message says why).
 *
 * Its box is fixed (model/overlay-box.ts): open or folded, never the height of what the frame draws, so
 * the page's layout is the same whoever the freelancer is to the user.
 */
export type OverlayHost = {
  readonly key: string;
  readonly element: HTMLElement;
  /**
   * Puts the host by its anchor once the page has drawn one (floating until then), or back if the
   * page's framework replaced the element it sat by.
   */
  ensureAttached(anchor: Element | undefined): void;
  remove(): void;
};

const { width, floatingWidth, open, folded } = OVERLAY_BOX;
// Size containment: nothing inside the shadow root can change the host's box.
const FRAME_STYLE = `
  :host { all: initial; display: block; contain: size layout style; height: ${open}px; }
  :host([data-folded]) { height: ${folded}px; }
  :host([data-floating]) { position: fixed; right: 16px; bottom: 16px; z-index: 2147483646;
    width: ${floatingWidth}px; height: min(${open}px, calc(100vh - 32px)); }
  :host([data-floating][data-folded]) { height: ${folded}px; }
  :host(:not([data-floating])) { margin: 12px 0; width: ${width}px; max-width: 100%; }
  iframe { display: block; width: 100%; height: 100%; border: 0; border-radius: 12px;
           box-shadow: 0 4px 18px rgb(0 0 0 / 0.18); color-scheme: normal; }
`;

/** `Element.moveBefore` (Chromium 133+) moves a frame without reloading it. */
type Movable = Node & { moveBefore?(node: Node, child: Node | null): void };

/** Which messages on the page's window are the frame's: from these origins, and delivered by the browser. */
export type FrameMessages = { origins: readonly string[]; trusted: (event: MessageEvent) => boolean };

/**
 * `frameMessages`: where the frame's messages may come from (its page's origin, whatever address it is
 * served at), and the browser's mark on them (`event.isTrusted`; tests pass their own). `anchor`: where
 * the page has a place for the overlay (none yet: it floats in a corner until there is).
 *
 * The frame starts loading once the page is parsed, never earlier: started while the page was parsed, it
 * was there as soon as the page, but its process competed with the page's parsing and made the page later
 * (docs/performance.md has the trade as measured).
 */
export function mountOverlay(
  doc: Document,
  frameUrl: string,
  { origins, trusted }: FrameMessages,
  key: string,
  anchor: Element | undefined,
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

  // The frame says it has drawn (the contractor's data, or why it cannot), open or folded: a message the
  // page hears too, with nothing in it that the host's attributes and box do not show. Taken only from
  // this frame at the extension's origin, and only as the browser delivered it: the page could dispatch
  // a MessageEvent of its own naming any source and origin, but not a trusted one.
  const onPageMessage = (event: MessageEvent) => {
    if (!trusted(event) || event.source !== frame.contentWindow || !origins.includes(event.origin)) return;
    if (!isOverlayDrawn(event.data)) return;
    if (event.data.folded) element.dataset.folded = '';
    else delete element.dataset.folded;
    element.dataset.state = event.data.state;
  };
  doc.defaultView?.addEventListener('message', onPageMessage);

  const attach = (to: Element | undefined) => {
    const parent: Movable | null | undefined = to?.isConnected ? to.parentNode : doc.body;
    const before = to?.isConnected ? to.nextSibling : null;
    if (to?.isConnected) delete element.dataset.floating;
    else element.dataset.floating = '';
    if (element.isConnected && parent?.moveBefore) {
      parent.moveBefore(element, before); // the frame keeps what it has drawn
    } else {
      // Moving the host reloads its frame: it is loading until the frame says it has drawn again.
      element.dataset.state = 'loading';
      parent?.insertBefore(element, before);
    }
  };
  attach(anchor);

  return {
    key,
    element,
    ensureAttached(nextAnchor) {
      const floatingButAnchored = 'floating' in element.dataset && nextAnchor?.isConnected;
      if (element.isConnected && !floatingButAnchored) return;
      attach(nextAnchor);
    },
    remove() {
      doc.defaultView?.removeEventListener('message', onPageMessage);
      element.remove();
    },
  };
}
