import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { type OverlayActions, OverlayCard } from '../components/OverlayCard';
import { keepDrafts } from '../contexts/frame/draft-keeper';
import { linkOverlay, type OverlayState } from '../contexts/frame/link';
import { type RetryOptions, requestOfOverlay } from '../contexts/frame/requests';
import { OVERLAY_DRAWN, type OverlayDrawn } from '../messages/content';
import { OVERLAY_PORT, type OverlayRequest } from '../messages/protocol';
import { newId } from '../model/ids';

// The overlay frame's script (overlay/index.html loads it), inside a closed shadow root on the marketplace
// page. It is built on its own, not with the extension's other pages, so it carries only the code it uses:
// it loads on every profile page. The frame is extension-origin, so the page cannot read what it shows. Embedded in a web page it may have no `tabs` API (Firefox) and no
// IndexedDB (Chromium, storage partitioning off and third-party cookies blocked). So it talks only to
// the background, which owns the database and knows the tab from the sender.
export default defineUnlistedScript(() => {
  const key = new URL(location.href).searchParams.get('key') ?? '';
  const app = document.getElementById('app') as HTMLElement;

  /** One request to the background for a click, sent again if its answer is lost; a refusal is an error. */
  const ask = <M extends OverlayRequest>(message: M, retry?: RetryOptions) =>
    requestOfOverlay((m: M) => browser.runtime.sendMessage(m), message, retry);

  const drafts = keepDrafts((draft) => ask({ type: 'overlay-draft', key, draft }));
  // Hidden (another tab, or the tab closing): what was typed is kept now, not after the pause.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') drafts.flush();
  });

  const actions: OverlayActions = {
    onTrack: async () => void (await ask({ type: 'overlay-track', key })),
    // Not sent again: opening the side panel needs the click's gesture, which a second message lacks.
    onOpenHistory: async () => void (await ask({ type: 'overlay-open-history', key }, { delays: [] })),
    onFold: (folded) => {
      tellPage('ready', folded); // the page's box follows at once
      void ask({ type: 'overlay-fold', folded }).catch(() => {});
    },
    onRecord: async (input) => {
      const { eventId, notice } = await ask({ type: 'overlay-record', key, input, requestId: newId() });
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
      void (await ask({ type: 'overlay-cancel', key, coolOff, reason, requestId: newId() })),
    onRevoke: async (accessId) => void (await ask({ type: 'overlay-revoke', key, accessId })),
    onReinstate: async () => void (await ask({ type: 'overlay-reinstate', key })),
    onRetry: () => link.retry(),
    onDraft: (draft) => drafts.changed(draft),
  };

  function draw(state: OverlayState) {
    render(
      <OverlayCard
        name={state.status === 'ready' ? state.name : ''}
        view={state.status === 'ready' ? state.view : undefined}
        error={state.status === 'failed' ? state.error : undefined}
        folded={state.status === 'ready' && state.folded}
        draft={state.status === 'ready' ? state.draft : undefined}
        {...actions}
      />,
      app,
    );
    if (state.status !== 'loading') tellPage(state.status, state.status === 'ready' && state.folded);
  }

  /** The card is drawn: the page's content script shows the host (and folds its box), once per change. */
  let told = '';
  function tellPage(state: 'ready' | 'failed', folded: boolean) {
    const drawn: OverlayDrawn = { type: OVERLAY_DRAWN, state, folded };
    if (JSON.stringify(drawn) === told) return;
    told = JSON.stringify(drawn);
    window.parent.postMessage(drawn, '*');
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
  });
  draw(link.state());
  link.start();
});
