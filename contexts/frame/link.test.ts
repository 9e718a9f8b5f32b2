import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OverlayView } from '../../model/overlay-view';
import { linkOverlay, NO_ANSWER, type OverlayState, type PortLike, UNREACHABLE } from './link';

const KEY = 'upwork:~01aaaaaaaaaaaaaaaa';
const VIEW: OverlayView = {
  name: 'Ada Lovelace',
  verdict: 'ok',
  score: 80,
  confidence: 'low',
  reasons: ['No strikes'],
  events: [],
  moreEvents: 0,
  strikes: [],
  milestones: [],
};

/** A port as the frame sees it; the test plays the background. */
function fakePort() {
  const sent: unknown[] = [];
  let onMessage: (message: unknown) => void = () => {};
  let onDisconnect: () => void = () => {};
  const port: PortLike = {
    postMessage: (message) => sent.push(message),
    onMessage: {
      addListener: (l) => {
        onMessage = l;
      },
    },
    onDisconnect: {
      addListener: (l) => {
        onDisconnect = l;
      },
    },
  };
  return { port, sent, answer: (m: unknown) => onMessage(m), disconnect: () => onDisconnect() };
}

function setUp({ visible = true, connect }: { visible?: boolean; connect?: () => PortLike } = {}) {
  const ports: ReturnType<typeof fakePort>[] = [];
  const states: OverlayState[] = [];
  let becameVisible = () => {};
  let isVisible = visible;
  const link = linkOverlay({
    key: KEY,
    connect:
      connect ??
      (() => {
        const p = fakePort();
        ports.push(p);
        return p.port;
      }),
    onState: (s) => states.push(s),
    visible: () => isVisible,
    onVisible: (l) => {
      becameVisible = l;
    },
  });
  const show = () => {
    isVisible = true;
    becameVisible();
  };
  return { link, ports, states, show, last: () => states.at(-1) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("the overlay frame's link to the background", () => {
  it('asks for its profile and shows each card the background pushes', () => {
    const { link, ports, last } = setUp();
    link.start();
    expect(ports[0]?.sent).toEqual([{ type: 'watch', key: KEY }]);
    ports[0]?.answer({ type: 'view', name: 'Ada L.', view: null, folded: false });
    expect(last()).toEqual({ status: 'ready', name: 'Ada L.', view: null, folded: false });
    ports[0]?.answer({ type: 'view', name: 'Ada L.', view: VIEW, folded: false });
    expect(last()).toEqual({ status: 'ready', name: 'Ada L.', view: VIEW, folded: false });
  });

  it('connects again when the port closes unanswered (the worker stopped as it started)', () => {
    const { link, ports, last } = setUp();
    link.start();
    ports[0]?.disconnect();
    vi.advanceTimersByTime(199);
    expect(ports).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(ports).toHaveLength(2);
    ports[1]?.answer({ type: 'view', name: 'Ada L.', view: VIEW, folded: false });
    expect(last()).toMatchObject({ status: 'ready', view: VIEW });
  });

  it('says the background cannot be reached, within 2 s, when every try closes unanswered', () => {
    const { link, ports, last } = setUp();
    link.start();
    ports[0]?.disconnect();
    vi.advanceTimersByTime(200);
    ports[1]?.disconnect();
    vi.advanceTimersByTime(800);
    ports[2]?.disconnect();
    expect(last()).toEqual({ status: 'failed', error: UNREACHABLE });
    vi.advanceTimersByTime(10_000);
    expect(ports).toHaveLength(3); // no retry loop
    link.retry(); // the card's Try again
    expect(ports).toHaveLength(4);
    ports[3]?.answer({ type: 'view', name: 'Ada L.', view: VIEW, folded: false });
    expect(last()).toMatchObject({ status: 'ready', view: VIEW });
  });

  it('says so when the extension is gone and it cannot even connect', () => {
    const { link, last } = setUp({
      connect: () => {
        throw new Error('Extension context invalidated.');
      },
    });
    link.start();
    expect(last()).toMatchObject({ status: 'failed', error: UNREACHABLE });
  });

  it('says so in words before 2 seconds when the background does not answer, and recovers if it does later', () => {
    const { link, ports, states, last } = setUp();
    link.start();
    vi.advanceTimersByTime(1499);
    expect(states).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(last()).toEqual({ status: 'failed', error: NO_ANSWER });
    ports[0]?.answer({ type: 'view', name: 'Ada L.', view: VIEW, folded: false });
    expect(last()).toMatchObject({ status: 'ready', view: VIEW, folded: false });
  });

  it("shows the background's failure to read the records, and ignores what is not of the protocol", () => {
    const { link, ports, last } = setUp();
    link.start();
    ports[0]?.answer({ type: 'view', view: 'everything' });
    ports[0]?.answer('hello');
    expect(last()).toBeUndefined();
    ports[0]?.answer({ type: 'failed', error: 'The user denied permission to access the database.' });
    expect(last()).toEqual({
      status: 'failed',
      error: 'Could not read your records: The user denied permission to access the database.',
    });
    vi.advanceTimersByTime(5000);
    expect(last()).toMatchObject({ error: expect.stringMatching(/^Could not read/) }); // answered: no deadline
  });

  it('reconnects when a background that answered goes to sleep, at once if the tab is visible', () => {
    const { link, ports, states } = setUp();
    link.start();
    ports[0]?.answer({ type: 'view', name: 'Ada L.', view: null, folded: false });
    ports[0]?.disconnect();
    expect(ports).toHaveLength(2);
    expect(ports[1]?.sent).toEqual([{ type: 'watch', key: KEY }]);
    ports[1]?.answer({ type: 'view', name: 'Ada L.', view: VIEW, folded: false });
    expect(states.map((s) => s.status)).toEqual(['ready', 'ready']);
  });

  it('waits for a hidden tab to be shown before reconnecting', () => {
    const { link, ports, show } = setUp({ visible: false });
    link.start();
    ports[0]?.answer({ type: 'view', name: 'Ada L.', view: null, folded: false });
    ports[0]?.disconnect();
    expect(ports).toHaveLength(1);
    show();
    expect(ports).toHaveLength(2);
  });

  it('fails rather than loops when a reconnection is not answered', () => {
    const { link, ports, last } = setUp();
    link.start();
    ports[0]?.answer({ type: 'view', name: 'Ada L.', view: null, folded: false });
    ports[0]?.disconnect();
    ports[1]?.disconnect();
    vi.advanceTimersByTime(200);
    ports[2]?.disconnect();
    vi.advanceTimersByTime(800);
    ports[3]?.disconnect();
    vi.advanceTimersByTime(10_000);
    expect(ports).toHaveLength(4);
    expect(last()).toMatchObject({ status: 'failed', error: UNREACHABLE });
  });

  it('refuses to start without a profile key', () => {
    const bad = linkOverlay({
      key: 'not a key',
      connect: () => {
        throw new Error('not called');
      },
      onState: () => {},
      visible: () => true,
      onVisible: () => {},
    });
    bad.start();
    expect(bad.state()).toMatchObject({ status: 'failed' });
  });
});
