import { browser } from 'wxt/browser';

/**
 * The tab an extension page describes: `?tab=<id>` in its own address when given (tests open pages
 * as tabs, and the side panel is told which tab it follows), else the active tab of its window. Free of
 * the message schemas, so the popup's first script can ask it.
 */
export async function describedTabId(address: URL): Promise<number | undefined> {
  const fromAddress = Number(address.searchParams.get('tab'));
  if (Number.isInteger(fromAddress) && fromAddress > 0) return fromAddress;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}
