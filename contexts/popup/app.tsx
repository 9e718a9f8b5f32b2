import { render } from 'preact';
import { askContent } from '../../messages/protocol';
import { webProfile } from '../../sites/web';
import { getDb } from '../../storage/db';
import type { FirstScreenRecords } from '../../storage/first-screen';
import { announceRecordChanges } from '../browser/record-changes';
import { addressOfTab } from '../browser/tab';
import { Popup } from './popup';

/** What the popup's first script has already asked: the tab, what it shows, and the first screen. */
export type Started = {
  tabId: Promise<number | undefined>;
  /** The tab's content script's answer to `get-page`, unchecked (checked here, by the protocol). */
  pageAnswer: Promise<unknown>;
  first: Promise<FirstScreenRecords | null>;
};

/** The popup proper, in place of the first screen, from the same answers. */
export async function start(root: HTMLElement, started: Started) {
  // The database opens while the answers are checked.
  void getDb()
    .open()
    .catch(() => {}); // a failure is shown where the records are read
  const tabId = await started.tabId;
  // The tab this popup describes: a profile its content script read, or else the page by its address.
  const seen =
    tabId === undefined
      ? null
      : await askContent(() => started.pageAnswer, { type: 'get-page' }).then(
          (answer) => answer.profile,
          () => null, // No content script there: not a supported page, or it loaded before the extension.
        );
  const address = seen || tabId === undefined ? null : await addressOfTab(tabId);
  const page = address ? webProfile(address.url, address.title) : null;
  const first = await started.first;
  announceRecordChanges();
  render(
    <Popup tabId={tabId} seen={seen} page={page} readable={address !== null} first={seen ? first : null} />,
    root,
  );
}
