/**
 * The overlay's host in the page: a bare element carrying only public identity (`data-profile-key`)
 * whose closed shadow root holds an extension-origin iframe. The page can read neither the frame's
 * content nor the shadow root; the contractor's private data is rendered inside the frame.
 */
export type OverlayHost = {
  readonly key: string;
  readonly element: HTMLElement;
  /** Puts the host back if the page's framework replaced the element it sat by, or by its anchor once
   *  the page has drawn one (it floats until then). */
  ensureAttached(anchor: Element | undefined): void;
  markReady(height: number): void;
  remove(): void;
};

const FRAME_STYLE = `
  :host { all: initial; display: block; }
  :host([data-floating]) { position: fixed; right: 16px; bottom: 16px; z-index: 2147483646; width: 360px; }
  :host(:not([data-floating])) { margin: 12px 0; max-width: 480px; }
  iframe { display: block; width: 100%; height: 0; border: 0; border-radius: 12px;
           box-shadow: 0 4px 18px rgb(0 0 0 / 0.18); color-scheme: normal; }
`;

export function mountOverlay(doc: Document, frameUrl: string, key: string, anchor?: Element): OverlayHost {
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
    markReady(height) {
      frame.style.height = `${Math.ceil(height)}px`;
      element.dataset.state = 'ready';
    },
    remove() {
      element.remove();
    },
  };
}
