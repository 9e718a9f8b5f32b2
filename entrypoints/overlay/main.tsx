import '../../components/theme.css';
import { render } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { OverlayCard } from '../../components/OverlayCard';
import { askContent } from '../../messages/protocol';
import { loadViewByKey, trackProfile } from '../../storage/contractors';
import { getDb } from '../../storage/db';
import { useLive } from '../shared/live';
import { openHistoryPanel } from '../shared/side-panel';
import { profileOnTab } from '../shared/tab';

// The overlay frame, inside a closed shadow root on the marketplace page. It is extension-origin, so
// it reads the database itself and the page cannot read what it shows.
const key = new URL(location.href).searchParams.get('key') ?? '';
const tabId = (await browser.tabs.getCurrent())?.id;
const seen = tabId === undefined ? null : await profileOnTab(tabId);

function tellPage(height: number) {
  if (tabId === undefined) return;
  const send = (message: { type: 'overlay-ready'; key: string; height: number }) =>
    browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  void askContent(send, { type: 'overlay-ready', key, height }).catch(() => {});
}

let shown = false;
// The body's own height, not the document's scroll height: that one never drops below the frame's.
const contentHeight = () => Math.ceil(document.body.getBoundingClientRect().height);

function Overlay() {
  const view = useLive(() => loadViewByKey(getDb(), key), []);
  useLayoutEffect(() => {
    if (view.status === 'loading') return;
    shown = true;
    tellPage(contentHeight());
  }, [view]);
  return (
    <OverlayCard
      name={seen?.name ?? ''}
      view={view.status === 'ready' ? (view.value ?? null) : undefined}
      error={view.status === 'failed' ? view.error : undefined}
      onTrack={async () => {
        // Asked again now: the page may have finished drawing since this frame loaded.
        const shown = tabId === undefined ? null : await profileOnTab(tabId);
        if (shown?.key !== key) throw new Error('the page no longer shows this freelancer; reload it');
        await trackProfile(getDb(), shown);
      }}
      onOpenHistory={() => {
        if (tabId !== undefined) void openHistoryPanel(tabId);
      }}
    />
  );
}

render(<Overlay />, document.getElementById('app') as HTMLElement);
// The page sizes the frame to its content, so it is told again whenever the content's height changes.
new ResizeObserver(() => {
  if (shown) tellPage(contentHeight());
}).observe(document.body);
