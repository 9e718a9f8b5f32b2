import '../../components/theme.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { describedTabId } from '../../contexts/browser/described-tab';
import { FirstScreen } from '../../contexts/popup/first-screen';
import { openForFirstScreen, readFirstScreen } from '../../storage/first-screen';

// The popup's first script is small (Preact and the scoring, no Dexie, no schemas): it asks the tab what it
// shows while it opens the database with the bare IndexedDB API, and draws who this is, the verdict and
// why (reads by key: the profile, then the contractor). The rest of the popup (Dexie, the schemas, quick
// capture) is loaded once that is on screen, and takes over with the same answer.
const root = document.getElementById('app') as HTMLElement;
const tabId = describedTabId(new URL(location.href));
const pageAnswer = tabId.then((id) =>
  id === undefined ? null : browser.tabs.sendMessage(id, { type: 'get-page' }, { frameId: 0 }),
);
pageAnswer.catch(() => {}); // No content script there: the popup proper says what the tab is.
const first = openForFirstScreen()
  .then(async (db) => {
    if (!db) return null;
    try {
      const answer = await pageAnswer.catch(() => null);
      const key = (answer as { profile?: { key?: unknown } } | null)?.profile?.key;
      return typeof key === 'string' ? await readFirstScreen(db, key) : null;
    } finally {
      db.close();
    }
  })
  .catch(() => null); // Nothing to draw early: the popup proper says what went wrong.

/** Once the next frame is drawn and the page is idle; at most 100 ms later (a hidden page draws none). */
const drawnAndIdle = () =>
  new Promise<void>((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      requestIdleCallback(
        () => {
          clearTimeout(fallback);
          resolve();
        },
        { timeout: 100 },
      ),
    );
  });

// The rest is asked for once the first screen is on screen: asking inserts a preload link per module, a
// few ms each (10–30 ms in all, traced), which would otherwise come before that frame.
void first
  .then(async (records) => {
    if (records) {
      render(<FirstScreen records={records} />, root);
      await drawnAndIdle();
    }
    return import('../../contexts/popup/app');
  })
  .then((app) => app.start(root, { tabId, pageAnswer, first }));
