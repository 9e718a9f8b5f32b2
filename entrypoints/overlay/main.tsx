import '../../components/theme.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OverlayCard } from '../../components/OverlayCard';
import { OVERLAY_UNANSWERED, type OverlayUnanswered } from '../../messages/content';
import { askForOverlay, OVERLAY_PORT, type OverlayRequest } from '../../messages/protocol';
import { linkOverlay, type OverlayState } from './link';

// The overlay frame, inside a closed shadow root on the marketplace page. It is extension-origin, so the
// page cannot read what it shows; but embedded in a web page it may have no `tabs` API (Firefox) and no
// IndexedDB (Chromium, storage partitioning off and third-party cookies blocked). So it talks only to
// the background, which owns the database and knows the tab from the sender.
const key = new URL(location.href).searchParams.get('key') ?? '';
const app = document.getElementById('app') as HTMLElement;
// The body's own height, not the document's scroll height: that one never drops below the frame's.
const contentHeight = () => Math.ceil(document.body.getBoundingClientRect().height);

/** One request to the background for a click; a refusal comes back as an error in words. */
async function ask(message: OverlayRequest) {
  const answer = await askForOverlay((m) => browser.runtime.sendMessage(m), message);
  if (answer.error) throw new Error(answer.error);
}

function draw(state: OverlayState) {
  render(
    <OverlayCard
      name={state.status === 'ready' ? state.name : ''}
      view={state.status === 'ready' ? state.view : undefined}
      error={state.status === 'failed' ? state.error : undefined}
      onTrack={() => ask({ type: 'overlay-track', key })}
      onOpenHistory={() => ask({ type: 'overlay-open-history', key })}
    />,
    app,
  );
  if (state.status !== 'loading') link.drawn(contentHeight());
}

const link = linkOverlay({
  key,
  connect: () => browser.runtime.connect({ name: OVERLAY_PORT }),
  onState: draw,
  visible: () => document.visibilityState === 'visible',
  onVisible: (listener) =>
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') listener();
    }),
  tellPageUnanswered: (height) =>
    window.parent.postMessage({ type: OVERLAY_UNANSWERED, height } satisfies OverlayUnanswered, '*'),
});
draw(link.state());
link.start();
// The page sizes the frame to its content, so it is told again whenever the content's height changes.
new ResizeObserver(() => link.drawn(contentHeight())).observe(document.body);
