import { describe, expect, it } from 'vitest';
import { onSendersSite, senderChecks } from './senders';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;
const is = senderChecks(ID, ORIGIN);

const contentScript = { id: ID, tab: { id: 7 }, frameId: 0, url: 'https://www.upwork.com/freelancers/~01a' };
const overlayFrame = { id: ID, tab: { id: 7 }, frameId: 3, url: `${ORIGIN}/overlay.html?key=upwork:~01a` };
// Chrome serves the frame at a per-session address (use_dynamic_url) with another host.
const dynamicFrame = { ...overlayFrame, url: 'chrome-extension://0f3c9e7a-dynamic/overlay.html?key=a:b' };
const popup = { id: ID, url: `${ORIGIN}/popup.html` };
const rosterTab = { id: ID, tab: { id: 9 }, frameId: 0, url: `${ORIGIN}/dashboard.html` };
const otherExtension = { ...contentScript, id: 'someone-else' };

describe('who may send what to the background', () => {
  it('tells a content script from our pages and from other extensions', () => {
    expect([contentScript, overlayFrame, popup, rosterTab, otherExtension].map(is.contentScript)).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('takes as the overlay frame only our overlay page, embedded in a tab', () => {
    const overlayAsTab = { ...overlayFrame, frameId: 0 };
    const noTab = { id: ID, frameId: 3, url: overlayFrame.url };
    expect(
      [overlayFrame, dynamicFrame, overlayAsTab, noTab, contentScript, rosterTab].map(is.overlayFrame),
    ).toEqual([true, true, false, false, false, false]);
  });

  it('takes as an extension page our pages, not the overlay frame nor a content script', () => {
    expect(
      [popup, rosterTab, overlayFrame, contentScript, { ...popup, id: 'x' }].map(is.extensionPage),
    ).toEqual([true, true, false, false, false]);
  });

  it('lets a content script report only a profile on its own site', () => {
    expect(onSendersSite('https://www.upwork.com/freelancers/~01b', contentScript)).toBe(true);
    expect(onSendersSite('https://www.fiverr.com/someone', contentScript)).toBe(false);
    expect(onSendersSite('not an address', contentScript)).toBe(false);
  });
});
