import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createPageWatcher } from '../../contexts/content/page-watcher';
import { answerGuards, toContent } from '../../messages/content';
import { ask, listen } from '../../messages/listen';
import type { AnswerTo, ToBackground } from '../../messages/protocol';
import { contentScriptMatches } from '../../sites';

// Also registered at run time, with the same file, on each site the user granted from the popup
// (contexts/background/site-access.ts); there it shows the overlay only on pages attached by hand.
// It starts before the page is parsed, so that a profile's overlay is loading while the page still is;
// it reads the page once the page is parsed.
export default defineContentScript({
  matches: contentScriptMatches,
  runAt: 'document_start',
  main(ctx) {
    const send = (message: ToBackground) => browser.runtime.sendMessage<ToBackground, unknown>(message);
    const askBackground = <M extends ToBackground>(message: M) =>
      ask(send, message, answerGuards[message.type] as (raw: unknown) => AnswerTo<M> | undefined);
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
      reportSeen: (profile) => void askBackground({ type: 'page-seen', profile }).catch(() => {}),
      lookupBadges: async (keys) => (await askBackground({ type: 'badges', keys })).badges,
      isTracked: async (key) => (await askBackground({ type: 'page-tracked', key })).tracked,
      framesMove: 'moveBefore' in Element.prototype,
    });

    // Only the extension's own pages and background may ask (a web page cannot reach runtime.onMessage).
    const onMessage = listen(toContent, (sender: { id?: string }) => sender.id === browser.runtime.id, {
      'get-page': async () => ({ profile: watcher.shownProfile(), url: location.href }),
      'badges-changed': async () => ({ asked: watcher.refreshBadges() }),
      'overlay-ready': async ({ key, height, state }) => ({
        placed: watcher.overlayReady(key, height, state),
      }),
    });
    browser.runtime.onMessage.addListener(onMessage);

    // Follow the page through events: DOM changes (cards appearing, client-side routing re-rendering
    // the page) and history navigation. Bursts are coalesced into one update; no polling.
    let pending: ReturnType<typeof setTimeout> | undefined;
    let renderedUrl = location.href;
    const schedule = () => {
      pending ??= setTimeout(() => {
        pending = undefined;
        if (!ctx.isInvalid) watcher.update(renderedUrl);
      }, 120);
    };
    // The extension's own hosts coming and going is not the page changing.
    const ours = (nodes: NodeList) => [...nodes].every((n) => n.nodeName.startsWith('TRACK-RECORD-'));
    const observer = new MutationObserver((records) => {
      if (records.every((r) => ours(r.addedNodes) && ours(r.removedNodes))) return;
      renderedUrl = location.href;
      schedule();
    });
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    const follow = () => {
      observer.observe(document.body, { childList: true, subtree: true });
      ctx.addEventListener(window, 'popstate', schedule);
      navigation?.addEventListener('navigatesuccess', schedule);
      watcher.update();
    };

    ctx.onInvalidated(() => {
      observer.disconnect();
      navigation?.removeEventListener('navigatesuccess', schedule);
      browser.runtime.onMessage.removeListener(onMessage);
      clearTimeout(pending);
      watcher.stop();
    });
    // Each step in a task of its own, after the page's: not added to the page's parsing or to its own
    // DOMContentLoaded handlers, which would make their tasks longer.
    if (document.readyState !== 'loading') follow();
    else {
      ctx.setTimeout(() => watcher.prepare(), 0);
      ctx.addEventListener(document, 'DOMContentLoaded', () => ctx.setTimeout(follow, 0), { once: true });
    }
  },
});
