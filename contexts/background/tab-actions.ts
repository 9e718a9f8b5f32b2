// What the background does in the browser's tabs and toolbar for the other contexts.
import { browser } from 'wxt/browser';
import { askContent, type ToContent } from '../../messages/protocol';
import { messageOf, plural } from '../../scoring/format';
import { webProfile } from '../../sites/web';
import { findContractorIdByKey, trackProfile } from '../../storage/contractors';
import { getDb } from '../../storage/db';
import { openHistoryPanel } from '../browser/side-panel';
import { profileOnTab } from '../browser/tab';
import type { Sender } from './senders';

/** Track, clicked in the overlay: only the freelancer the tab's page shows right now. */
export async function trackShown(key: string, tabId: number): Promise<{ error?: string }> {
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
export async function openHistory(key: string, tabId: number) {
  const beside = openHistoryPanel(tabId); // first, while the click's gesture is still on
  try {
    return { opened: await beside };
  } catch {
    const id = await findContractorIdByKey(getDb(), key);
    if (id === undefined) return { error: 'nobody is tracked on this page' };
    const url = browser.runtime.getURL(`/dashboard.html#contractor=${encodeURIComponent(id)}`);
    await browser.tabs.create({ url, openerTabId: tabId });
    return { opened: 'tab' as const };
  }
}

/** Whether the page the sender is on was attached by hand; a script may ask only about its own address. */
export async function pageTracked(key: string, sender: Sender): Promise<boolean> {
  if (!sender.url || webProfile(sender.url)?.key !== key) return false;
  return (await findContractorIdByKey(getDb(), key)) !== undefined;
}

/** Tells every tab's content script that verdicts may have changed (its badges ask again). */
export async function tellTabsBadgesChanged() {
  for (const { id } of await browser.tabs.query({})) {
    if (id === undefined) continue;
    const send = (m: ToContent) => browser.tabs.sendMessage(id, m, { frameId: 0 });
    askContent(send, { type: 'badges-changed' }).catch(() => {}); // no content script of ours there
  }
}

/** The toolbar button counts the milestones due today or overdue. */
export async function showDueCount(count: number) {
  await browser.action.setBadgeBackgroundColor({ color: '#b91c1c' });
  await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
  await browser.action.setTitle({
    title: count > 0 ? `Track Record — ${plural(count, 'milestone')} due or overdue` : 'Track Record',
  });
}
