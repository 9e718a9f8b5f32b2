import { browser } from 'wxt/browser';
import { answerGuards, toContent } from '../../messages/content';
import { ask, listen } from '../../messages/listen';
import type { AnswerTo, ToBackground } from '../../messages/protocol';
import type { siteRegistry } from '../../sites/registry';
import { createPageWatcher } from './page-watcher';

export type ContentScriptOptions = {
  /** The sites this copy reads: one marketplace's adapter (each has a content script of its own), or none. */
  sites: ReturnType<typeof siteRegistry>;
  /** On sites the user granted: pages attached to a contractor by hand get the overlay, by their address. */
  attachedPages: boolean;
};

/**
 * The content script, whichever site it runs on. It starts before the page is parsed, so that a
 * profile's overlay is loading while the page still is, and reads the page once it is parsed. On an
 * address that is neither a profile nor a listing it does one thing: look at the address again when
 * the page moves to another (client-side routing), and nothing else.
 *
 * It ends itself when the extension that ran it is gone (updated, reloaded, removed: Chrome leaves the
 * old copy running, cut off), and a newer copy takes the page over by removing the old one's hosts.
 * WXT's context is not used for that: it announces each start to the page and stops at a document event
 * that the page could dispatch too.
 */
export function startContentScript({ sites, attachedPages }: ContentScriptOptions) {
  /** Whether the extension that started this copy is still there. */
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

  /** The one cheap check: is there anything for this copy on this address? */
  const worthReading = (url: URL) => attachedPages || sites.worthReading(url);

  const send = (message: ToBackground) => browser.runtime.sendMessage<ToBackground, unknown>(message);
  const askBackground = <M extends ToBackground>(message: M) =>
    ask(send, message, answerGuards[message.type] as (raw: unknown) => AnswerTo<M> | undefined);
  const watcher = createPageWatcher({
    doc: document,
    currentUrl: () => new URL(location.href),
    readPage: sites.readPage,
    attachedPages,
    frameUrl: (key) => browser.runtime.getURL(`/overlay.html?key=${encodeURIComponent(key)}`),
    // Firefox: the frame's origin is its address's. Chrome gives the frame a per-session address
    // (use_dynamic_url), but its documents keep the extension id's origin.
    frameMessages: {
      origins: [
        new URL(browser.runtime.getURL('/overlay.html')).origin,
        `chrome-extension://${browser.runtime.id}`,
      ],
      trusted: (event) => event.isTrusted,
    },
    reportSeen: (profile) => void askBackground({ type: 'page-seen', profile }).catch(() => {}),
    lookupBadges: async (keys) => (await askBackground({ type: 'badges', keys })).badges,
    isTracked: async (key) => (await askBackground({ type: 'page-tracked', key })).tracked,
  });

  // Only the extension's own pages and background may ask (a web page cannot reach runtime.onMessage).
  const onMessage = listen(toContent, (sender: { id?: string }) => sender.id === browser.runtime.id, {
    'get-page': async () => ({ profile: watcher.shownProfile(), url: location.href }),
    'badges-changed': async () => ({ asked: watcher.refreshBadges() }),
  });
  browser.runtime.onMessage.addListener(onMessage);

  // Follow the page through events: DOM changes (cards appearing, client-side routing re-rendering the
  // page) and history navigation. Bursts are coalesced into one update; no polling. On an address with
  // nothing to read, a DOM change costs one comparison of the address.
  let pending: ReturnType<typeof setTimeout> | undefined;
  let renderedUrl = location.href;
  let reading = false;
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  /** The extension is gone: its overlay and badges go with it, and nothing here runs again. */
  const end = () => {
    observer.disconnect();
    navigation?.removeEventListener('navigatesuccess', moved);
    window.removeEventListener('popstate', moved);
    clearTimeout(pending);
    watcher.stop();
    if (world.trackRecordAlive === alive) delete world.trackRecordAlive;
    try {
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {} // the API may be gone with the extension
  };
  /** Runs `step` if the extension is still there, else ends. */
  const whileAlive = (step: () => void) => () => (alive() ? step() : end());
  const update = whileAlive(() => {
    pending = undefined;
    reading = worthReading(new URL(location.href));
    watcher.update(renderedUrl); // also takes the overlay and badges down on a page with nothing to read
  });
  const schedule = () => {
    pending ??= setTimeout(update, 120);
  };
  /** The address may have changed (history, client-side routing): read again if there is cause. */
  const moved = whileAlive(() => {
    if (reading || worthReading(new URL(location.href))) schedule();
  });
  // The extension's own hosts coming and going is not the page changing.
  const ours = (nodes: NodeList) => [...nodes].every((n) => n.nodeName.startsWith('TRACK-RECORD-'));
  let lastAddress = location.href;
  const observer = new MutationObserver((records) => {
    if (!reading && location.href === lastAddress) return;
    lastAddress = location.href;
    if (records.every((r) => ours(r.addedNodes) && ours(r.removedNodes))) return;
    renderedUrl = location.href;
    moved();
  });
  const follow = whileAlive(() => {
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('popstate', moved);
    navigation?.addEventListener('navigatesuccess', moved);
    reading = worthReading(new URL(location.href));
    if (reading) watcher.update();
  });

  // Each step in a task of its own, after the page's: not added to the page's parsing or to its own
  // DOMContentLoaded handlers, which would make their tasks longer.
  if (document.readyState !== 'loading') follow();
  else document.addEventListener('DOMContentLoaded', () => setTimeout(follow, 0), { once: true });
}
