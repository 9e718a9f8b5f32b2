import { browser } from 'wxt/browser';

type SidebarAction = { open(): Promise<void> };

/**
 * Opens the contractor's history beside the page: Chrome's side panel, or Firefox's sidebar (Firefox
 * has no sidePanel API). Both need the user's gesture, so call it straight from a click handler (or,
 * in the background, before any `await` in the handler of a message sent from a click).
 */
export function openHistoryPanel(tabId: number): Promise<'side-panel' | 'sidebar'> {
  const sidebar = (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;
  try {
    if (browser.sidePanel?.open) return browser.sidePanel.open({ tabId }).then(() => 'side-panel');
    if (sidebar) return sidebar.open().then(() => 'sidebar');
  } catch (error) {
    return Promise.reject(error);
  }
  return Promise.reject(new Error('This browser has no side panel.'));
}
