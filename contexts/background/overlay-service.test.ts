import { describe, expect, it, vi } from 'vitest';
import type { ToOverlayFrame } from '../../messages/protocol';
import type { CaptureDraft } from '../../model/capture';
import type { OverlayView } from '../../model/overlay-view';
import type { SeenProfile } from '../../model/page';
import { type ServedPort, serveOverlay } from './overlay-service';

const KEY = 'upwork:~01aaaaaaaaaaaaaaaa';
const SHOWN: SeenProfile = {
  platform: 'upwork',
  id: '~01aaaaaaaaaaaaaaaa',
  key: KEY,
  name: 'Ada L.',
  url: 'https://www.upwork.com/freelancers/~01aaaaaaaaaaaaaaaa',
};
const VIEW: OverlayView = {
  name: 'Ada Lovelace',
  verdict: 'watch',
  score: 55,
  confidence: 'medium',
  reasons: ['1 strike in 365 days'],
  events: [{ type: 'note', headline: 'Note', at: 1, text: 'Late again' }],
  moreEvents: 0,
  strikes: [],
  milestones: [],
};

/** The background's end of a frame's port, a database that pushes changes, and a content script. */
function setUp(shown: SeenProfile | null = SHOWN, drafts: Record<string, CaptureDraft> = {}) {
  const posted: ToOverlayFrame[] = [];
  let fromFrame: (m: unknown) => void = () => {};
  let closed: () => void = () => {};
  const port: ServedPort = {
    postMessage: (m) => posted.push(m),
    onMessage: {
      addListener: (l) => {
        fromFrame = l;
      },
    },
    onDisconnect: {
      addListener: (l) => {
        closed = l;
      },
    },
    disconnect: () => {},
  };
  const subscriptions: {
    key: string;
    next: (v: OverlayView | null, folded: boolean) => void;
    fail: (e: string) => void;
  }[] = [];
  const unsubscribe = vi.fn();
  const served = serveOverlay(port, {
    watch: (key, next, fail) => {
      subscriptions.push({ key, next, fail });
      return unsubscribe;
    },
    pageShown: async () => shown,
    draft: async (key) => drafts[key],
  });
  return {
    posted,
    subscriptions,
    unsubscribe,
    send: (m: unknown) => fromFrame(m),
    close: () => closed(),
    served,
  };
}

describe("the background's side of an overlay frame", () => {
  it('follows the profile the tab shows and pushes its card on every change, with the name the page shows', async () => {
    const { posted, subscriptions, send } = setUp();
    send({ type: 'watch', key: KEY });
    await vi.waitFor(() => expect(subscriptions).toHaveLength(1));
    subscriptions[0]?.next(null, false);
    subscriptions[0]?.next(VIEW, false);
    subscriptions[0]?.next(VIEW, false); // a change elsewhere that leaves this card as it was
    expect(posted).toEqual([
      { type: 'view', name: 'Ada L.', view: null, folded: false },
      { type: 'view', name: 'Ada L.', view: VIEW, folded: false },
    ]);
  });

  it('names the freelancer once the page, still unread when the frame asked, has been read', async () => {
    const { posted, subscriptions, send, served } = setUp({ ...SHOWN, name: '' });
    send({ type: 'watch', key: KEY });
    await vi.waitFor(() => expect(subscriptions).toHaveLength(1));
    subscriptions[0]?.next(null, true);
    served.pageSeen({ ...SHOWN, key: 'upwork:~01bbbbbbbbbbbbbbbb', name: 'Someone else' });
    served.pageSeen(SHOWN);
    served.pageSeen(SHOWN);
    expect(posted).toEqual([
      { type: 'view', name: '', view: null, folded: true },
      { type: 'view', name: 'Ada L.', view: null, folded: true },
    ]);
  });

  it('serves nothing for a profile the page does not show (a page embedding the frame with another key)', async () => {
    const { posted, subscriptions, send } = setUp();
    send({ type: 'watch', key: 'upwork:~01bbbbbbbbbbbbbbbb' });
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ type: 'failed' });
    expect(subscriptions).toEqual([]);
  });

  it('gives what was being typed for the profile with the first card only', async () => {
    const draft: CaptureDraft = { kind: 'excuse', text: 'the power went', days: '', day: '2026-01-12' };
    const { posted, subscriptions, send } = setUp(SHOWN, { [KEY]: draft });
    send({ type: 'watch', key: KEY });
    await vi.waitFor(() => expect(subscriptions).toHaveLength(1));
    subscriptions[0]?.next(VIEW, false);
    subscriptions[0]?.next(null, false);
    expect(posted.map((m) => (m.type === 'view' ? m.draft : 'failed'))).toEqual([draft, undefined]);
  });

  it('serves nothing when the content script does not say what the page shows', async () => {
    const { posted, subscriptions, send } = setUp(null);
    send({ type: 'watch', key: KEY });
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ type: 'failed' });
    expect(subscriptions).toEqual([]);
  });

  it('passes the failure to read the records on, in words', async () => {
    const { posted, subscriptions, send } = setUp();
    send({ type: 'watch', key: KEY });
    await vi.waitFor(() => expect(subscriptions).toHaveLength(1));
    subscriptions[0]?.fail('QuotaExceededError');
    expect(posted).toEqual([{ type: 'failed', error: 'QuotaExceededError' }]);
  });

  it('follows one profile per port, and stops following when the port closes', async () => {
    const { subscriptions, send, close, unsubscribe, posted } = setUp();
    send({ type: 'watch', key: KEY });
    send({ type: 'watch', key: 'upwork:~01bbbbbbbbbbbbbbbb' });
    await vi.waitFor(() => expect(subscriptions).toHaveLength(1));
    expect(subscriptions[0]?.key).toBe(KEY);
    close();
    expect(unsubscribe).toHaveBeenCalledOnce();
    subscriptions[0]?.next(VIEW, false);
    expect(posted).toEqual([]);
  });
});
