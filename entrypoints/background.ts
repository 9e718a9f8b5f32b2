import { liveQuery } from 'dexie';
import { browser, type PublicPath } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { overlayViewOf } from '../components/overlay-view';
import { startInOpenTabs } from '../contexts/background/open-tabs';
import { overlayActions } from '../contexts/background/overlay-actions';
import { serveOverlay } from '../contexts/background/overlay-service';
import {
  createReminders,
  DEADLINE_ALARM,
  type Notifier,
  nextDayStart,
} from '../contexts/background/reminders';
import { onSendersSite, type Sender, senderChecks } from '../contexts/background/senders';
import { syncSiteScripts } from '../contexts/background/site-access';
import {
  openHistory,
  pageTracked,
  showDueCount,
  tellTabsBadgesChanged,
  trackShown,
} from '../contexts/background/tab-actions';
import { coalesced, onRecordsChanged } from '../contexts/browser/record-changes';
import { profileOnTab } from '../contexts/browser/tab';
import { dispatch } from '../messages/listen';
import { FromExtensionPage, OVERLAY_PORT, OverlayRequest, routeOf, ToBackground } from '../messages/protocol';
import { messageOf } from '../scoring/format';
import { badgesForKeys } from '../storage/badges';
import { loadViewByKey, recordPageSeen } from '../storage/contractors';
import { getDb } from '../storage/db';
import { readDraft } from '../storage/drafts';
import { readSettings } from '../storage/settings';

/** A script of the build, as `scripting.executeScript` types it. */
type ScriptFile = Extract<PublicPath, `${string}.js`>;

/** Notifications, once the user allowed them (an optional permission, asked when a due date is first set). */
const notifier = () => (browser as unknown as { notifications?: Notifier }).notifications;

// The extension's background: one listener for messages (a flat list of routes, each checking its sender
// with contexts/background/senders.ts and handing the work to a handler), one for the overlay's ports.
export default defineBackground(() => {
  const is = senderChecks(browser.runtime.id, self.location.origin);
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
    // Firefox starts the new version's content scripts in open tabs itself; Chrome does not.
    if ((reason === 'install' || reason === 'update') && import.meta.env.BROWSER !== 'firefox')
      void startInOpenTabs({
        grantedOrigins: async () => (await browser.permissions.getAll()).origins ?? [],
        tabsShowing: async (url) => (await browser.tabs.query({ url })).flatMap((t) => t.id ?? []),
        run: (tabId, file) =>
          browser.scripting.executeScript({ target: { tabId }, files: [file as ScriptFile] }),
      }).catch(console.error);
  });

  // The one listener for messages, a flat list of routes by sender: a message no route takes, or from a
  // sender its route refuses, or in a shape its type does not allow, is answered with a typed refusal.
  const actions = overlayActions({ db: getDb(), pageShown: profileOnTab });
  browser.runtime.onMessage.addListener(
    dispatch<Sender>([
      routeOf(FromExtensionPage, is.extensionPage, {
        'records-changed': async () => {
          recordsChanged();
          return {};
        },
      }),
      routeOf(ToBackground, is.contentScript, {
        'page-seen': async ({ profile }, sender) => {
          if (!onSendersSite(profile.url, sender)) return { recorded: false };
          if (sender.tab?.id !== undefined) overlays.get(sender.tab.id)?.pageSeen(profile);
          return { recorded: await recordPageSeen(getDb(), profile) };
        },
        badges: async ({ keys }) => ({ badges: await badgesForKeys(getDb(), keys) }),
        'page-tracked': async ({ key }, sender) => ({ tracked: await pageTracked(key, sender) }),
      }),
      routeOf(OverlayRequest, is.overlayFrame, {
        'overlay-track': ({ key }, sender) => trackShown(key, sender.tab.id),
        'overlay-open-history': ({ key }, sender) => openHistory(key, sender.tab.id),
        'overlay-record': (request, sender) => actions['overlay-record'](request, sender.tab.id),
        'overlay-undo': (request, sender) => actions['overlay-undo'](request, sender.tab.id),
        'overlay-fold': (request, sender) => actions['overlay-fold'](request, sender.tab.id),
        'overlay-cancel-plan': (request, sender) => actions['overlay-cancel-plan'](request, sender.tab.id),
        'overlay-cancel': (request, sender) => actions['overlay-cancel'](request, sender.tab.id),
        'overlay-revoke': (request, sender) => actions['overlay-revoke'](request, sender.tab.id),
        'overlay-reinstate': (request, sender) => actions['overlay-reinstate'](request, sender.tab.id),
        'overlay-draft': (request, sender) => actions['overlay-draft'](request, sender.tab.id),
      }),
    ]),
  );

  // Each overlay frame keeps a port open while it shows a profile; the card is pushed on every change.
  browser.runtime.onConnect.addListener((port) => {
    const sender = port.sender;
    if (port.name !== OVERLAY_PORT || !is.overlayFrame(sender)) return port.disconnect();
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
      draft: (key) => readDraft(getDb(), key),
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
