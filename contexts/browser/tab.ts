import { browser } from 'wxt/browser';
import { askContent } from '../../messages/protocol';
import type { SeenProfile } from '../../model/page';

export { describedTabId } from './described-tab';

/** The public profile a tab shows, as its content script read it; null where no adapter runs. */
export async function profileOnTab(tabId: number): Promise<SeenProfile | null> {
  try {
    const send = (message: { type: 'get-page' }) => browser.tabs.sendMessage(tabId, message, { frameId: 0 });
    return (await askContent(send, { type: 'get-page' })).profile;
  } catch {
    return null; // No content script there: not a supported page, or it loaded before the extension.
  }
}

/**
 * A tab's address and title. The extension may read them only where it has host access, or for the
 * tab the user opened the popup on (`activeTab`); elsewhere the browser hides them and this is null.
 */
export async function addressOfTab(tabId: number): Promise<{ url: string; title: string } | null> {
  try {
    const tab = await browser.tabs.get(tabId);
    return tab.url ? { url: tab.url, title: tab.title ?? '' } : null;
  } catch {
    return null; // The tab was closed.
  }
}
