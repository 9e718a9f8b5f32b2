import { describe, expect, it, vi } from 'vitest';
import { type ServedPort, serveOverlay } from '../../contexts/background/overlay-service';
import { type Sender, senderChecks } from '../../contexts/background/senders';
import { dispatch } from '../../messages/listen';
import {
  FromExtensionPage,
  FromOverlayFrame,
  MessageRefusal,
  OverlayRequest,
  routeOf,
  ToBackground,
} from '../../messages/protocol';
import { z } from '../../model/zod-mini';
import {
  type HostileCase,
  hostileMessages,
  SENDER_KINDS,
  type SenderKind,
  seeded,
} from '../fixtures/hostile-messages';

// A thousand random and malformed messages, from a seeded generator, through the background's dispatch as
// entrypoints/background.ts builds it (the same schemas, routes and sender checks; handlers that only
// note that they ran): each is answered exactly once, with a typed refusal, or — a valid message from its
// own kind of sender — by its handler. The end-to-end test (tests/e2e/hostile-input.e2e.ts) sends the
// same messages to the real background in Chromium and compares the database before and after.

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;
const SENDERS: Record<SenderKind, Sender> = {
  'extension-page': { id: ID, url: `${ORIGIN}/dashboard.html`, tab: { id: 4 }, frameId: 0 },
  'content-script': { id: ID, tab: { id: 7 }, frameId: 0, url: 'https://www.upwork.com/freelancers/~01a' },
  'overlay-frame': { id: ID, tab: { id: 7 }, frameId: 3, url: `${ORIGIN}/overlay.html?key=upwork:~01a` },
};
/** Senders the background takes nothing from: another extension, and a sender the browser says nothing of. */
const STRANGERS: Sender[] = [{ ...SENDERS['content-script'], id: 'another-extension' }, {}];

const CASES = hostileMessages(15, 1000);
/** As the browser delivers a message: JSON (Chrome serializes every runtime message so). */
const delivered = (c: HostileCase) => JSON.parse(JSON.stringify(c.message) ?? 'null');

function background() {
  const ran: string[] = [];
  const is = senderChecks(ID, ORIGIN);
  const handled =
    <A>(answer: A) =>
    async (message: { type: string }) => {
      ran.push(message.type);
      return answer;
    };
  const onError = vi.fn();
  const listener = dispatch<Sender>(
    [
      routeOf(FromExtensionPage, is.extensionPage, { 'records-changed': handled({}) }),
      routeOf(ToBackground, is.contentScript, {
        'page-seen': handled({ recorded: false }),
        badges: handled({ badges: {} }),
        'page-tracked': handled({ tracked: false }),
      }),
      routeOf(OverlayRequest, is.overlayFrame, {
        'overlay-track': handled({}),
        'overlay-open-history': handled({ error: 'nobody is tracked on this page' }),
        'overlay-record': handled({ error: 'nobody is tracked on this page' }),
        'overlay-undo': handled({}),
        'overlay-fold': handled({}),
        'overlay-cancel-plan': handled({ error: 'nobody is tracked on this page' }),
        'overlay-cancel': handled({}),
        'overlay-revoke': handled({}),
        'overlay-reinstate': handled({}),
        'overlay-draft': handled({}),
      }),
    ],
    onError,
  );
  /** Sends one message and resolves to every answer given (a listener must give exactly one). */
  const send = async (message: unknown, sender: Sender) => {
    const answers: unknown[] = [];
    listener(message, sender, (a) => answers.push(a));
    await new Promise((resolve) => setTimeout(resolve));
    return answers;
  };
  return { send, ran, onError };
}

const Known = z.union([ToBackground, OverlayRequest, FromExtensionPage]);

describe('1,000 hostile messages to the background', () => {
  it('are what they say they are: the generator is held to the protocol', () => {
    const kinds = { shapeless: 0, unknown: 0, malformed: 0, valid: 0 };
    for (const c of CASES) {
      const message = delivered(c);
      if (c.known) {
        expect(Known.safeParse(message).success, c.label).toBe(c.known.valid);
        kinds[c.known.valid ? 'valid' : 'malformed']++;
      } else if (c.expect['extension-page'] === 'unknown-type') {
        expect(typeof message.type, c.label).toBe('string');
        expect(Object.hasOwn(message, 'type')).toBe(true);
        kinds.unknown++;
      } else {
        expect(typeof message !== 'object' || message === null || typeof message.type !== 'string').toBe(
          true,
        );
        kinds.shapeless++;
      }
    }
    // Every kind of case is well represented, and the cases are those of the seed.
    for (const n of Object.values(kinds)) expect(n).toBeGreaterThan(80);
    expect(hostileMessages(15, 1000).map(delivered)).toEqual(CASES.map(delivered));
    expect(hostileMessages(16, 20).map(delivered)).not.toEqual(CASES.slice(0, 20).map(delivered));
  });

  it('try every trick: prototype keys, huge strings, deep nesting, wrong types, every known type', () => {
    const texts = CASES.map((c) => JSON.stringify(c.message) ?? '');
    expect(texts.filter((t) => /"(__proto__|constructor|prototype)"/.test(t)).length).toBeGreaterThan(50);
    expect(texts.filter((t) => t.length >= 10_000).length).toBeGreaterThan(10);
    expect(
      texts.filter((t) => t.includes('[[[[[[[[[[') || t.includes('{"a":{"a":{"a":')).length,
    ).toBeGreaterThan(50);
    const types = new Set(CASES.flatMap((c) => (c.known ? [c.known.type] : [])));
    expect(types.size).toBe(14);
  });

  it.each(SENDER_KINDS)(
    'from %s: each answered once, refused with its typed reason unless valid and its own',
    async (kind) => {
      const { send, ran, onError } = background();
      const counts: Record<string, number> = {};
      for (const c of CASES) {
        const answers = await send(delivered(c), SENDERS[kind]);
        expect(answers, c.label).toHaveLength(1);
        const outcome = c.expect[kind];
        counts[outcome] = (counts[outcome] ?? 0) + 1;
        if (outcome === 'answered') {
          expect(MessageRefusal.safeParse(answers[0]).success, c.label).toBe(false);
          expect(ran.pop(), c.label).toBe(c.known?.type);
        } else {
          expect(MessageRefusal.parse(answers[0]).refused.code, c.label).toBe(outcome);
        }
        expect(ran, c.label).toEqual([]);
      }
      expect(onError).not.toHaveBeenCalled();
      // Each sender met refusals of every kind, and answers too.
      expect(Object.keys(counts).sort()).toEqual(
        ['answered', 'invalid-message', 'sender-refused', 'unknown-type'].sort(),
      );
    },
  );

  it('from another extension or an unnamed sender: nothing runs', async () => {
    const { send, ran } = background();
    for (const sender of STRANGERS)
      for (const c of CASES) {
        const [answer, ...more] = await send(delivered(c), sender);
        expect(more).toEqual([]);
        expect(['invalid-message', 'unknown-type', 'sender-refused']).toContain(
          MessageRefusal.parse(answer).refused.code,
        );
      }
    expect(ran).toEqual([]);
  });

  it('leave no property on any prototype', () => {
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect((Object.prototype as { type?: unknown }).type).toBeUndefined();
  });
});

describe("hostile messages on an overlay frame's port", () => {
  const KEY = 'upwork:~01aaaaaaaaaaaaaaaa';
  function port() {
    let fromFrame: (m: unknown) => void = () => {};
    const posted: unknown[] = [];
    const served: ServedPort = {
      postMessage: (m) => posted.push(m),
      onMessage: {
        addListener: (l) => {
          fromFrame = l;
        },
      },
      onDisconnect: { addListener: () => {} },
      disconnect: () => {},
    };
    const watched: string[] = [];
    const pageShown = vi.fn(async () => ({
      platform: 'upwork',
      id: '~01aaaaaaaaaaaaaaaa',
      key: KEY,
      name: 'Ada',
      url: 'https://www.upwork.com/freelancers/~01aaaaaaaaaaaaaaaa',
    }));
    serveOverlay(served, {
      watch: (key, next) => {
        watched.push(key);
        next(null, false);
        return () => {};
      },
      pageShown,
      draft: async () => undefined,
    });
    return { send: (m: unknown) => fromFrame(m), posted, watched, pageShown };
  }

  it('are ignored: no watch, nothing passed on to the page, nothing posted back', async () => {
    const { send, posted, watched, pageShown } = port();
    const next = seeded(15);
    // The generator's messages are for runtime.onMessage: the few that happen to be a port's `watch`
    // (a near-miss type on a body with a key) are left out here, since they are valid on a port.
    const notPortMessages = CASES.map(delivered).filter((m) => !FromOverlayFrame.safeParse(m).success);
    expect(notPortMessages.length).toBeGreaterThan(950);
    const junk = [
      ...notPortMessages,
      { type: 'watch' },
      { type: 'watch', key: 'no key' },
      { type: 'watch', key: `upwork:${'x'.repeat(3000)}` },
      { type: 'drawn' },
      { type: 'drawn', folded: 'yes' },
      { type: 'drawn', height: 100 },
      JSON.parse('{"__proto__":{"type":"watch","key":"upwork:~01aaaaaaaaaaaaaaaa"}}'),
      ...Array.from({ length: 100 }, () => ({ type: 'drawn', folded: next() < 0.5 })), // before any watch
    ];
    for (const m of junk) send(m);
    await new Promise((resolve) => setTimeout(resolve));
    expect({ posted, watched, asked: pageShown.mock.calls.length }).toEqual({
      posted: [],
      watched: [],
      asked: 0,
    });
    // The port still serves its one watch once a valid one comes, and nothing else after it.
    send({ type: 'watch', key: KEY });
    await vi.waitFor(() => expect(watched).toEqual([KEY]));
    for (const m of notPortMessages) send(m);
    send({ type: 'watch', key: 'fiverr:someone-else' });
    await new Promise((resolve) => setTimeout(resolve));
    expect(watched).toEqual([KEY]);
    expect(posted).toEqual([{ type: 'view', name: 'Ada', view: null, folded: false }]);
  });
});
