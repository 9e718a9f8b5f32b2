import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { overlayViewOf } from '../components/overlay-view';
import {
  askContent,
  FromExtensionPage,
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
import { readSettings } from '../storage/settings';
import { overlayActions } from './shared/overlay-actions';
import { serveOverlay } from './shared/overlay-service';
import { coalesced, onRecordsChanged } from './shared/record-changes';
import { createReminders, DEADLINE_ALARM, type Notifier, nextDayStart } from './shared/reminders';
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

/** One of our pages opened as its own document (popup, side panel, roster…): not a frame in a web page. */
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

/** Notifications, once the user allowed them (an optional permission, asked when a due date is first set). */
const notifier = () => (browser as unknown as { notifications?: Notifier }).notifications;

/** The toolbar button counts the milestones due today or overdue. */
async function showDueCount(count: number) {
  await browser.action.setBadgeBackgroundColor({ color: '#b91c1c' });
  await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
  await browser.action.setTitle({
    title:
      count > 0
        ? `Track Record — ${count} milestone${count === 1 ? '' : 's'} due or overdue`
        : 'Track Record',
  });
}

export default defineBackground(() => {
  /** The overlay frame each tab shows, to pass on what its page was seen to show. */
  const overlays = new Map<number, ReturnType<typeof serveOverlay>>();
  const reminders = createReminders({
    db: getDb(),
    showCount: showDueCount,
    notifier,
    // Firefox's notifications have no buttons: a click opens the deadlines page instead.
    buttons: import.meta.env.BROWSER !== 'firefox',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    openDeadlines: (milestoneId) =>
      browser.tabs.create({ url: browser.runtime.getURL(`/deadlines.html#milestone=${milestoneId}`) }),
  });
  const checkDeadlines = () => void reminders.check().catch(console.error);
  // The end-to-end tests call the alarm's and the reminder buttons' handlers here rather than waiting
  // for a day to pass or clicking the system's notification.
  Object.assign(globalThis, { trackRecord: { reminders } });

  // Due days change at UTC midnight (the model's days): the count and the reminders follow daily, and
  // whenever the records change, as do the card badges of open listings: after the background's own
  // writes and, while it is awake, the pages' (Dexie relays them); and when a page says it wrote, since
  // that relay does not wake a sleeping worker.
  void browser.alarms.create(DEADLINE_ALARM, { when: nextDayStart(Date.now()), periodInMinutes: 24 * 60 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DEADLINE_ALARM) checkDeadlines();
  });
  const recordsChanged = coalesced(() => {
    checkDeadlines();
    void tellTabsBadgesChanged();
  });
  onRecordsChanged(recordsChanged);
  browser.runtime.onMessage.addListener(
    listener(FromExtensionPage, fromOurPage, {
      'records-changed': async () => {
        recordsChanged();
        return {};
      },
    }),
  );
  checkDeadlines(); // the worker just started: the count may be out of date
  const listenToReminders = () => {
    const notifications = (browser as unknown as { notifications?: typeof browser.notifications })
      .notifications;
    if (!notifications || notifications.onClicked.hasListener(onReminderClicked)) return;
    notifications.onClicked.addListener(onReminderClicked);
    notifications.onButtonClicked?.addListener(onReminderButton);
    checkDeadlines(); // Allowed just now: today's reminders are due.
  };
  const onReminderClicked = (id: string) => void reminders.open(id).catch(console.error);
  const onReminderButton = (id: string, index: number) =>
    void reminders.answer(id, index).catch(console.error);
  listenToReminders();
  browser.permissions.onAdded.addListener(listenToReminders);

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });

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

  const actions = overlayActions({ db: getDb(), pageShown: profileOnTab });
  browser.runtime.onMessage.addListener(
    listener(OverlayRequest, fromOverlayFrame, {
      'overlay-track': ({ key }, sender) => trackShown(key, sender.tab.id),
      'overlay-open-history': ({ key }, sender) => openHistory(key, sender.tab.id),
      'overlay-record': (request, sender) => actions['overlay-record'](request, sender.tab.id),
      'overlay-undo': (request, sender) => actions['overlay-undo'](request, sender.tab.id),
      'overlay-fold': (request, sender) => actions['overlay-fold'](request, sender.tab.id),
      'overlay-cancel-plan': (request, sender) => actions['overlay-cancel-plan'](request, sender.tab.id),
      'overlay-cancel': (request, sender) => actions['overlay-cancel'](request, sender.tab.id),
      'overlay-revoke': (request, sender) => actions['overlay-revoke'](request, sender.tab.id),
      'overlay-reinstate': (request, sender) => actions['overlay-reinstate'](request, sender.tab.id),
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
        const subscription = liveQuery(async () => ({
          view: await loadViewByKey(db, key),
          folded: (await readSettings(db)).overlayFolded,
        })).subscribe({
          next: ({ view, folded }) =>
            next(view ? overlayViewOf(view, db.newerSchema?.message) : null, folded),
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
