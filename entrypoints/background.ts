import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { overlayViewOf } from '../components/overlay-view';
import {
  askContent,
  FromPage,
  listener,
  OVERLAY_PORT,
  OverlayRequest,
  ToBackground,
  type ToContent,
} from '../messages/protocol';
import { webProfile } from '../sites/web';
import { badgesForKeys } from '../storage/badges';
import { findContractorIdByKey, loadViewByKey, recordPageSeen, trackProfile } from '../storage/contractors';
import { getDb } from '../storage/db';
import { serveOverlay } from './shared/overlay-service';
import { coalesced, onBadgeRecordsChanged } from './shared/record-changes';
import { openHistoryPanel } from './shared/side-panel';
import { syncSiteScripts } from './shared/site-access';
import { profileOnTab } from './shared/tab';

type Sender = { id?: string; tab?: { id?: number }; url?: string; frameId?: number };
type TabSender = Sender & { tab: { id: number } };

/** Content-script messages come from a tab of ours, never from an extension page or another extension. */
const fromOurContentScript = (sender: Sender) =>
  sender.id === browser.runtime.id &&
  sender.tab?.id !== undefined &&
  !sender.url?.startsWith(self.location.origin);

/**
 * The overlay frame: our own overlay page (an extension address, whatever id it is served under),
 * embedded in a tab's page (a frame, not the tab itself). Neither a content script (its address is the
 * web page's) nor another of our pages opened as a tab passes.
 */
function fromOverlayFrame(sender: Sender | undefined): sender is TabSender {
  if (sender?.id !== browser.runtime.id || sender.tab?.id === undefined || !sender.frameId) return false;
  try {
    const url = new URL(sender.url ?? '');
    return url.protocol === location.protocol && url.pathname === '/overlay.html';
  } catch {
    return false;
  }
}

/** One of our pages opened as its own document (popup, side panel, roster): not a frame in a web page. */
const fromOurPage = (sender: Sender) =>
  sender.id === browser.runtime.id &&
  sender.url?.startsWith(`${self.location.origin}/`) === true &&
  !sender.url.startsWith(`${self.location.origin}/overlay.html`);

/** Tells every tab's content script that verdicts may have changed (its badges ask again). */
async function tellTabsBadgesChanged() {
  for (const { id } of await browser.tabs.query({})) {
    if (id === undefined) continue;
    const send = (m: ToContent) => browser.tabs.sendMessage(id, m, { frameId: 0 });
    askContent(send, { type: 'badges-changed' }).catch(() => {}); // no content script of ours there
  }
}

/** A content script reports only the page it is on: the profile's address is on the sender's site. */
function onSendersSite(address: string, sender: Sender): boolean {
  try {
    return sender.url !== undefined && new URL(address).origin === new URL(sender.url).origin;
  } catch {
    return false;
  }
}

/** Whether the page the sender is on was attached by hand; a script may ask only about its own address. */
async function pageTracked(key: string, sender: Sender): Promise<boolean> {
  if (!sender.url || webProfile(sender.url)?.key !== key) return false;
  return (await findContractorIdByKey(getDb(), key)) !== undefined;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Track, clicked in the overlay: only the freelancer the tab's page shows right now. */
async function trackShown(key: string, tabId: number): Promise<{ error?: string }> {
  const shown = await profileOnTab(tabId);
  if (shown?.key !== key) return { error: 'the page no longer shows this freelancer; reload it' };
  try {
    await trackProfile(getDb(), shown);
    return {};
  } catch (error) {
    return { error: messageOf(error) };
  }
}

/**
 * "Open full history", clicked in the overlay: beside the page where the browser lets the background
 * open it from that click, else the contractor's full record on the roster page, in a new tab.
 */
async function openHistory(key: string, tabId: number) {
  const beside = openHistoryPanel(tabId); // first, while the click's gesture is still on
  try {
    return { opened: await beside };
  } catch {
    const id = await findContractorIdByKey(getDb(), key);
    if (id === undefined) return { error: 'nobody is tracked on this page' };
    const url = browser.runtime.getURL(`/dashboard.html#contractor=${encodeURIComponent(String(id))}`);
    await browser.tabs.create({ url, openerTabId: tabId });
    return { opened: 'tab' as const };
  }
}

export default defineBackground(() => {
  /** The overlay frame each tab shows, to pass on what its page was seen to show. */
  const overlays = new Map<number, ReturnType<typeof serveOverlay>>();

  browser.runtime.onMessage.addListener(
    listener(ToBackground, fromOurContentScript, {
      'page-seen': async ({ profile }, sender) => {
        if (!onSendersSite(profile.url, sender)) return { recorded: false };
        if (sender.tab?.id !== undefined) overlays.get(sender.tab.id)?.pageSeen(profile);
        return { recorded: await recordPageSeen(getDb(), profile) };
      },
      badges: async ({ keys }) => ({ badges: await badgesForKeys(getDb(), keys) }),
      'page-tracked': async ({ key }, sender) => ({ tracked: await pageTracked(key, sender) }),
    }),
  );

  // Card badges follow verdicts as they change: after writes here, or in a page that says so (it may
  // have written while this worker slept).
  const badgesChanged = coalesced(() => void tellTabsBadgesChanged());
  onBadgeRecordsChanged(badgesChanged);
  browser.runtime.onMessage.addListener(
    listener(FromPage, fromOurPage, {
      'records-changed': async () => {
        badgesChanged();
        return {};
      },
    }),
  );

  browser.runtime.onMessage.addListener(
    listener(OverlayRequest, fromOverlayFrame, {
      'overlay-track': ({ key }, sender) => trackShown(key, sender.tab.id),
      'overlay-open-history': ({ key }, sender) => openHistory(key, sender.tab.id),
    }),
  );

  // Each overlay frame keeps a port open while it shows a profile; the card is pushed on every change.
  browser.runtime.onConnect.addListener((port) => {
    const sender = port.sender;
    if (port.name !== OVERLAY_PORT || !fromOverlayFrame(sender)) return port.disconnect();
    const tabId = sender.tab.id;
    const served = serveOverlay(port, {
      watch(key, next, fail) {
        const db = getDb();
        const subscription = liveQuery(() => loadViewByKey(db, key)).subscribe({
          next: (view) => next(view ? overlayViewOf(view, db.newerSchema?.message) : null),
          error: (error: unknown) => fail(messageOf(error)),
        });
        return () => subscription.unsubscribe();
      },
      pageShown: () => profileOnTab(tabId),
      tellContent: (message) =>
        askContent((m: ToContent) => browser.tabs.sendMessage(tabId, m, { frameId: 0 }), message),
    });
    overlays.set(tabId, served);
    port.onDisconnect.addListener(() => {
      if (overlays.get(tabId) === served) overlays.delete(tabId);
    });
  });

  // The sites the user granted get the content script: kept in step with the granted origins when the
  // worker starts (an update or a change made while it slept) and on every grant or removal.
  const sync = () => void syncSiteScripts(browser).catch(console.error);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  sync();
});
