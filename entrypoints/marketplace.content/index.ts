import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { askBackground, listener, type ToBackground, ToContent } from '../../messages/protocol';
import { contentScriptMatches } from '../../sites';
import { createPageWatcher } from './page-watcher';

// Also registered at run time, with the same file, on each site the user granted from the popup
// (entrypoints/shared/site-access.ts); there it shows the overlay only on pages attached by hand.
export default defineContentScript({
  matches: contentScriptMatches,
  runAt: 'document_idle',
  main(ctx) {
    const toBackground = (message: ToBackground) =>
      browser.runtime.sendMessage<ToBackground, unknown>(message);
    const watcher = createPageWatcher({
      doc: document,
      currentUrl: () => new URL(location.href),
      frameUrl: (key) => browser.runtime.getURL(`/overlay.html?key=${encodeURIComponent(key)}`),
      // Firefox: the frame's origin is its address's. Chrome gives the frame a per-session address
      // (use_dynamic_url), but its documents keep the extension id's origin.
      frameOrigins: [
        new URL(browser.runtime.getURL('/overlay.html')).origin,
        `chrome-extension://${browser.runtime.id}`,
      ],
      reportSeen: (profile) =>
        void askBackground(toBackground, { type: 'page-seen', profile }).catch(() => {}),
      lookupVerdicts: async (keys) =>
        (await askBackground(toBackground, { type: 'badge-verdicts', keys })).verdicts,
      isTracked: async (key) => (await askBackground(toBackground, { type: 'page-tracked', key })).tracked,
    });

    // Only the extension's own pages and background may ask (a web page cannot reach runtime.onMessage).
    const onMessage = listener(ToContent, (sender: { id?: string }) => sender.id === browser.runtime.id, {
      'get-page': async () => ({ profile: watcher.shownProfile(), url: location.href }),
      'overlay-ready': async ({ key, height, state }) => ({
        placed: watcher.overlayReady(key, height, state),
      }),
    });
    browser.runtime.onMessage.addListener(onMessage);

    // Follow the page through events: DOM changes (cards appearing, client-side routing re-rendering
    // the page) and history navigation. Bursts are coalesced into one update; no polling.
    let pending: ReturnType<typeof setTimeout> | undefined;
    let renderedUrl = location.href;
    let refreshBadges = false;
    const schedule = () => {
      pending ??= setTimeout(() => {
        pending = undefined;
        if (ctx.isInvalid) return;
        watcher.update(renderedUrl);
        if (refreshBadges) watcher.refreshBadges();
        refreshBadges = false;
      }, 120);
    };
    // The extension's own hosts coming and going is not the page changing.
    const ours = (nodes: NodeList) => [...nodes].every((n) => n.nodeName.startsWith('TRACK-RECORD-'));
    const observer = new MutationObserver((records) => {
      if (records.every((r) => ours(r.addedNodes) && ours(r.removedNodes))) return;
      renderedUrl = location.href;
      schedule();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    ctx.addEventListener(window, 'popstate', schedule);
    // Back on this tab after working in another one: the verdicts on its cards may have changed.
    ctx.addEventListener(document, 'visibilitychange', () => {
      if (document.visibilityState !== 'visible') return;
      refreshBadges = true;
      schedule();
    });
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    navigation?.addEventListener('navigatesuccess', schedule);

    ctx.onInvalidated(() => {
      observer.disconnect();
      navigation?.removeEventListener('navigatesuccess', schedule);
      browser.runtime.onMessage.removeListener(onMessage);
      clearTimeout(pending);
      watcher.stop();
    });
    watcher.update();
  },
});
