import { browser } from 'wxt/browser';

type SidebarAction = { open(): Promise<void> };

/**
 * Opens the contractor's history beside the page: Chrome's side panel, or Firefox's sidebar (Firefox
 * has no sidePanel API). Both need the user's gesture, so call it straight from a click handler.
 */
export function openHistoryPanel(tabId: number): Promise<void> {
  const sidebar = (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;
  if (browser.sidePanel?.open) return browser.sidePanel.open({ tabId });
  if (sidebar) return sidebar.open();
  return Promise.reject(new Error('This browser has no side panel.'));
}
