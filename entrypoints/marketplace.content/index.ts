import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createPageWatcher } from '../../contexts/content/page-watcher';
import { answerGuards, toContent } from '../../messages/content';
import { ask, listen } from '../../messages/listen';
import type { AnswerTo, ToBackground } from '../../messages/protocol';
import { contentScriptMatches } from '../../sites';

// Also registered at run time, with the same file, on each site the user granted from the popup
// (contexts/background/site-access.ts); there it shows the overlay only on pages attached by hand. And
// injected by the background into the tabs already open when the extension is installed or updated.
// It starts before the page is parsed, so that a profile's overlay is loading while the page still is;
// it reads the page once the page is parsed.
export default defineContentScript({
  matches: contentScriptMatches,
  runAt: 'document_start',
  // WXT's context announces each start to the page (window.postMessage) and stops at a document event
  // that the page could dispatch too. Neither is used: this script ends itself when the extension that
  // ran it is gone (updated, reloaded, removed), and a newer copy takes the page over by its hosts.
  noScriptStartedPostMessage: true,
  main() {
    /** Whether the extension that started this script is still there (Chrome leaves an orphan running). */
    const alive = () => {
      try {
        return browser.runtime?.id !== undefined;
      } catch {
        return false;
      }
    };
    // One copy per page: the manifest's and an injected one may both start in a page loading just then.
    const world = globalThis as { trackRecordAlive?: () => boolean };
    if (world.trackRecordAlive?.()) return;
    world.trackRecordAlive = alive;
    // Hosts left by a copy of the extension that is gone (an update with the tab open): this copy draws its own.
    for (const stale of document.querySelectorAll('track-record-overlay, track-record-badge')) stale.remove();

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
      'overlay-ready': async ({ key, folded, state }) => ({
        placed: watcher.overlayReady(key, folded, state),
      }),
    });
    browser.runtime.onMessage.addListener(onMessage);

    // Follow the page through events: DOM changes (cards appearing, client-side routing re-rendering
    // the page) and history navigation. Bursts are coalesced into one update; no polling.
    let pending: ReturnType<typeof setTimeout> | undefined;
    let renderedUrl = location.href;
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    /** The extension is gone: its overlay and badges go with it, and nothing here runs again. */
    const end = () => {
      observer.disconnect();
      navigation?.removeEventListener('navigatesuccess', schedule);
      window.removeEventListener('popstate', schedule);
      clearTimeout(pending);
      watcher.stop();
      if (world.trackRecordAlive === alive) delete world.trackRecordAlive;
      try {
        browser.runtime.onMessage.removeListener(onMessage);
      } catch {} // the API may be gone with the extension
    };
    /** Runs `step` if the extension is still there, else ends. */
    const whileAlive = (step: () => void) => () => (alive() ? step() : end());
    const schedule = whileAlive(() => {
      pending ??= setTimeout(
        whileAlive(() => {
          pending = undefined;
          watcher.update(renderedUrl);
        }),
        120,
      );
    });
    // The extension's own hosts coming and going is not the page changing.
    const ours = (nodes: NodeList) => [...nodes].every((n) => n.nodeName.startsWith('TRACK-RECORD-'));
    const observer = new MutationObserver((records) => {
      if (records.every((r) => ours(r.addedNodes) && ours(r.removedNodes))) return;
      renderedUrl = location.href;
      schedule();
    });
    const follow = whileAlive(() => {
      observer.observe(document.body, { childList: true, subtree: true });
      window.addEventListener('popstate', schedule);
      navigation?.addEventListener('navigatesuccess', schedule);
      watcher.update();
    });

    // Each step in a task of its own, after the page's: not added to the page's parsing or to its own
    // DOMContentLoaded handlers, which would make their tasks longer.
    if (document.readyState !== 'loading') follow();
    else {
      setTimeout(
        whileAlive(() => watcher.prepare()),
        0,
      );
      document.addEventListener('DOMContentLoaded', () => setTimeout(follow, 0), { once: true });
    }
  },
});
