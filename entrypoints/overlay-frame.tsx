import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { type OverlayActions, OverlayCard } from '../components/OverlayCard';
import { linkOverlay, type OverlayState } from '../contexts/frame/link';
import { OVERLAY_UNANSWERED, type OverlayUnanswered } from '../messages/content';
import { askForOverlay, OVERLAY_PORT, type OverlayRequest } from '../messages/protocol';

// The overlay frame's script (overlay/index.html loads it), inside a closed shadow root on the marketplace
// page. It is built on its own, not with the extension's other pages, so it carries only the code it uses:
// it loads on every profile page. The frame is extension-origin, so the page cannot read what it shows. Embedded in a web page it may have no `tabs` API (Firefox) and no
// IndexedDB (Chromium, storage partitioning off and third-party cookies blocked). So it talks only to
// the background, which owns the database and knows the tab from the sender.
export default defineUnlistedScript(() => {
  const key = new URL(location.href).searchParams.get('key') ?? '';
  const app = document.getElementById('app') as HTMLElement;
  // The body's own height, not the document's scroll height: that one never drops below the frame's.
  const contentHeight = () => Math.ceil(document.body.getBoundingClientRect().height);

  /** One request to the background for a click; a refusal comes back as an error in words. */
  async function ask<M extends OverlayRequest>(message: M) {
    const answer = await askForOverlay((m) => browser.runtime.sendMessage(m), message);
    if (answer.error) throw new Error(answer.error);
    return answer;
  }

  const actions: OverlayActions = {
    onTrack: async () => void (await ask({ type: 'overlay-track', key })),
    onOpenHistory: async () => void (await ask({ type: 'overlay-open-history', key })),
    onFold: (folded) => void ask({ type: 'overlay-fold', folded }).catch(() => {}),
    onRecord: async (input) => {
      const { eventId, notice } = await ask({ type: 'overlay-record', key, input });
      if (!eventId) throw new Error('the background did not say what it recorded');
      return { eventId, notice };
    },
    onUndo: async (eventId) => void (await ask({ type: 'overlay-undo', key, eventId })),
    onCancelPlan: async () => {
      const { plan } = await ask({ type: 'overlay-cancel-plan', key });
      if (!plan) throw new Error('nothing to show');
      return plan;
    },
    onCancel: async ({ coolOff, reason }) =>
      void (await ask({ type: 'overlay-cancel', key, coolOff, reason })),
    onRevoke: async (accessId) => void (await ask({ type: 'overlay-revoke', key, accessId })),
    onReinstate: async () => void (await ask({ type: 'overlay-reinstate', key })),
  };

  function draw(state: OverlayState) {
    render(
      <OverlayCard
        name={state.status === 'ready' ? state.name : ''}
        view={state.status === 'ready' ? state.view : undefined}
        error={state.status === 'failed' ? state.error : undefined}
        folded={state.status === 'ready' && state.folded}
        {...actions}
      />,
      app,
    );
    if (state.status !== 'loading') link.drawn(contentHeight());
  }

  const link = linkOverlay({
    key,
    connect: () => browser.runtime.connect({ name: OVERLAY_PORT }),
    onState: draw,
    visible: () => document.visibilityState === 'visible',
    onVisible: (listener) =>
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') listener();
      }),
    tellPageUnanswered: (height) =>
      window.parent.postMessage({ type: OVERLAY_UNANSWERED, height } satisfies OverlayUnanswered, '*'),
  });
  draw(link.state());
  link.start();
  // The page sizes the frame to its content, so it is told again whenever the content's height changes.
  new ResizeObserver(() => link.drawn(contentHeight())).observe(document.body);
});
