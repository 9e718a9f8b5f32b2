import '../../components/theme.css';
import { render } from 'preact';
import { announceRecordChanges } from '../../contexts/browser/record-changes';
import { addressOfTab, describedTabId, profileOnTab } from '../../contexts/browser/tab';
import { Popup } from '../../contexts/popup/popup';
import { webProfile } from '../../sites/web';
import { getDb } from '../../storage/db';

// The database opens while the tab is asked what it shows (a round trip to its content script).
void getDb()
  .open()
  .catch(() => {}); // a failure is shown where the records are read

// The tab this popup describes: a profile its content script read, or else the page by its address.
const tabId = await describedTabId(new URL(location.href));
const seen = tabId === undefined ? null : await profileOnTab(tabId);
const address = seen || tabId === undefined ? null : await addressOfTab(tabId);
const page = address ? webProfile(address.url, address.title) : null;

announceRecordChanges();
render(
  <Popup tabId={tabId} seen={seen} page={page} readable={address !== null} />,
  document.getElementById('app') as HTMLElement,
);
