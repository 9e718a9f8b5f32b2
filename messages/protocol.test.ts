import { describe, expect, it, vi } from 'vitest';
import { dispatch, MessageRefused, refusalIn } from './listen';
import {
  askBackground,
  FromExtensionPage,
  FromOverlayFrame,
  MessageRefusal,
  OverlayRequest,
  routeOf,
  ToBackground,
  ToOverlayFrame,
} from './protocol';

const profile = {
  platform: 'github',
  id: 'piuccio',
  key: 'github:piuccio',
  name: 'Fabio Crisci',
  url: 'https://github.com/piuccio',
} as const;

type Sender = { trusted: boolean };

function backgroundListener() {
  const recorded: string[] = [];
  const listen = dispatch([
    routeOf(ToBackground, (sender: Sender) => sender.trusted, {
      'page-seen': async (message) => {
        recorded.push(message.profile.key);
        return { recorded: true };
      },
      badges: async ({ keys }) => ({
        badges: Object.fromEntries(keys.map((k) => [k, { verdict: 'ok' as const, score: 90, strikes: 0 }])),
      }),
      'page-tracked': async ({ key }) => ({ tracked: key === 'web:https://portfolio.example.com/jane' }),
    }),
  ]);
  return { listen, recorded };
}

/** What a listener answered, once it has: each call of sendResponse. */
function answersOf(
  listen: ReturnType<typeof backgroundListener>['listen'],
  message: unknown,
  sender: Sender,
) {
  const sendResponse = vi.fn();
  const async = listen(message, sender, sendResponse);
  return { async, sendResponse };
}

describe('the message protocol', () => {
  it('answers a valid message from an accepted sender through sendResponse', async () => {
    const { listen, recorded } = backgroundListener();
    const { async, sendResponse } = answersOf(listen, { type: 'page-seen', profile }, { trusted: true });
    expect(async).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ recorded: true }));
    expect(sendResponse).toHaveBeenCalledTimes(1);
    expect(recorded).toEqual(['github:piuccio']);
  });

  it('refuses messages that fail the schema with a typed refusal, once, naming the field', () => {
    const { listen, recorded } = backgroundListener();
    const malformed: [unknown, string, RegExp][] = [
      [{ type: 'page-seen', profile: { ...profile, key: 'piuccio' } }, 'invalid-message', /profile\.key/],
      [{ type: 'add-note', text: 'not something a page may ask' }, 'unknown-type', /add-note/],
      [{ type: 'badges', keys: 'github:piuccio' }, 'invalid-message', /keys/],
      [
        { type: 'badges', keys: Array.from({ length: 501 }, (_, i) => `github:p${i}`) },
        'invalid-message',
        /keys/,
      ],
      [{ type: 'page-tracked' }, 'invalid-message', /key/],
      [{ type: 'page-tracked', key: 'web:a page with spaces' }, 'invalid-message', /key/],
      [{ type: 'track-page', key: 'web:https://portfolio.example.com/jane' }, 'unknown-type', /track-page/],
      [{ type: 'constructor' }, 'unknown-type', /constructor/],
      [{ type: 'hasOwnProperty' }, 'unknown-type', /hasOwnProperty/],
      [null, 'invalid-message', /object with a type/],
      [['page-seen'], 'invalid-message', /object with a type/],
      [{ type: 7 }, 'invalid-message', /object with a type/],
    ];
    for (const [message, code, says] of malformed) {
      const { async, sendResponse } = answersOf(listen, message, { trusted: true });
      expect(async).toBe(false);
      expect(sendResponse).toHaveBeenCalledTimes(1);
      const answer = sendResponse.mock.calls[0]?.[0];
      expect(MessageRefusal.parse(answer).refused.code, JSON.stringify(message)).toBe(code);
      expect(answer.refused.message).toMatch(says);
    }
    expect(recorded).toEqual([]);
  });

  it('answers whether a page attached by hand is tracked, and nothing more', async () => {
    const { listen } = backgroundListener();
    const key = 'web:https://portfolio.example.com/jane';
    const { async, sendResponse } = answersOf(listen, { type: 'page-tracked', key }, { trusted: true });
    expect(async).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ tracked: true }));
    await expect(
      askBackground(async () => ({ tracked: 'yes' }), { type: 'page-tracked', key }),
    ).rejects.toThrow();
  });

  it('refuses valid messages from a refused sender, without running them', () => {
    const { listen, recorded } = backgroundListener();
    const { sendResponse } = answersOf(listen, { type: 'page-seen', profile }, { trusted: false });
    expect(sendResponse).toHaveBeenCalledWith({
      refused: { code: 'sender-refused', message: expect.stringContaining('page-seen') },
    });
    expect(recorded).toEqual([]);
  });

  it('answers a handler that failed with a refusal saying so, once', async () => {
    const onError = vi.fn();
    const listen = dispatch(
      [
        routeOf(FromExtensionPage, () => true, {
          'records-changed': async () => {
            throw new Error('the database is closed');
          },
        }),
      ],
      onError,
    );
    const sendResponse = vi.fn();
    expect(listen({ type: 'records-changed' }, {}, sendResponse)).toBe(true);
    await vi.waitFor(() =>
      expect(sendResponse).toHaveBeenCalledWith({
        refused: { code: 'failed', message: 'the database is closed' },
      }),
    );
    expect(sendResponse).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledOnce();
  });

  it('turns a refusal into a typed error for whoever asked', async () => {
    const refused = askBackground(
      async () => ({
        refused: { code: 'sender-refused', message: '"badges" is not taken from this sender' },
      }),
      { type: 'badges', keys: [] },
    );
    await expect(refused).rejects.toBeInstanceOf(MessageRefused);
    await expect(refused).rejects.toMatchObject({ code: 'sender-refused', message: /badges/ });
    // No answer at all (no listener, or one that never answered) is an error too, not a refusal.
    await expect(askBackground(async () => undefined, { type: 'badges', keys: [] })).rejects.toThrow(
      'an answer the protocol does not allow',
    );
  });

  it("takes a refusal by the content script's guard exactly as its schema does", () => {
    const samples = [
      { refused: { code: 'unknown-type', message: 'x' } },
      { refused: { code: 'failed', message: '' } },
      { refused: { code: 'failed', message: 'x'.repeat(300) } },
      { refused: { code: 'failed', message: 'x'.repeat(301) } },
      { refused: { code: 'failed', message: '😀'.repeat(300) } },
      { refused: { code: 'failed', message: '😀'.repeat(301) } },
      { refused: { code: 'nope', message: 'x' } },
      { refused: { code: 'failed' } },
      { refused: { code: 'failed', message: 3 } },
      { refused: null },
      { refused: ['failed', 'x'] },
      { refused: { code: 'failed', message: 'x', extra: 1 } },
      { recorded: true },
      null,
      'refused',
      [],
    ];
    for (const sample of samples) {
      const parsed = MessageRefusal.safeParse(sample);
      expect(refusalIn(sample), JSON.stringify(sample)).toEqual(parsed.success ? parsed.data : undefined);
    }
  });

  it('validates answers too', async () => {
    const good = await askBackground(
      async () => ({ badges: { 'github:piuccio': { verdict: 'watch', score: 58, strikes: 1 } } }),
      { type: 'badges', keys: ['github:piuccio'] },
    );
    expect(good.badges).toEqual({ 'github:piuccio': { verdict: 'watch', score: 58, strikes: 1 } });
    await expect(
      askBackground(
        async () => ({ badges: { 'github:piuccio': { verdict: 'excellent', score: 58, strikes: 1 } } }),
        {
          type: 'badges',
          keys: [],
        },
      ),
    ).rejects.toThrow();
  });
});

describe('the overlay frame messages', () => {
  it('takes from the frame only its profile key, and from the background only a card or a failure', () => {
    expect(FromOverlayFrame.safeParse({ type: 'watch', key: 'upwork:~01aaaaaaaaaaaaaaaa' }).success).toBe(
      true,
    );
    for (const bad of [
      { type: 'watch', key: 'no key' },
      { type: 'drawn', height: 120 },
      { type: 'drawn', folded: true }, // the frame tells the page itself that it has drawn
      { type: 'add-note', text: 'x' },
    ])
      expect(FromOverlayFrame.safeParse(bad).success).toBe(false);
    expect(ToOverlayFrame.safeParse({ type: 'view', name: 'Ada', view: null, folded: true }).success).toBe(
      true,
    );
    expect(
      ToOverlayFrame.safeParse({ type: 'view', name: 'Ada', view: { verdict: 'ok' }, folded: false }).success,
    ).toBe(false);
  });

  it('accepts an overlay request only for a profile key', () => {
    expect(OverlayRequest.safeParse({ type: 'overlay-track', key: 'fiverr:tonigdesign' }).success).toBe(true);
    expect(OverlayRequest.safeParse({ type: 'overlay-track' }).success).toBe(false);
    expect(OverlayRequest.safeParse({ type: 'overlay-delete', key: 'fiverr:tonigdesign' }).success).toBe(
      false,
    );
  });

  it('takes a capture from the frame only in a shape the records accept', () => {
    const key = 'fiverr:tonigdesign';
    const requestId = '01JH0000000000000000000001';
    const record = (input: unknown) =>
      OverlayRequest.safeParse({ type: 'overlay-record', key, input, requestId }).success;
    const at = Date.UTC(2026, 0, 5);
    expect(record({ kind: 'late', at, daysLate: 3 })).toBe(true);
    expect(record({ kind: 'excuse', at, text: 'Power cut', category: 'connectivity' })).toBe(true);
    expect(record({ kind: 'milestone-delivered', milestoneId: '01JH0000000000000000000000' })).toBe(true);
    for (const bad of [
      { kind: 'late', at, daysLate: 0 },
      { kind: 'late', at, daysLate: 2.5 },
      { kind: 'excuse', at, text: '   ', category: 'connectivity' },
      { kind: 'excuse', at, text: 'x', category: 'aliens' },
      { kind: 'note', at: -1, text: 'x' },
      { kind: 'delete-everything' },
      { kind: 'milestone-delivered', milestoneId: '1' },
    ])
      expect(record(bad), JSON.stringify(bad)).toBe(false);
    // A capture names the id it is to have, so that it is written once however often it is sent.
    const late = { kind: 'late', at, daysLate: 3 };
    expect(OverlayRequest.safeParse({ type: 'overlay-record', key, input: late }).success).toBe(false);
    expect(
      OverlayRequest.safeParse({ type: 'overlay-record', key, input: late, requestId: '7' }).success,
    ).toBe(false);
  });

  it('takes ids and choices from the frame only in their own shapes', () => {
    const key = 'fiverr:tonigdesign';
    const ok = (m: object) => OverlayRequest.safeParse(m).success;
    expect(ok({ type: 'overlay-undo', key, eventId: '01JH0000000000000000000000' })).toBe(true);
    expect(ok({ type: 'overlay-undo', key, eventId: '*' })).toBe(false);
    const requestId = '01JH0000000000000000000001';
    expect(ok({ type: 'overlay-cancel', key, coolOff: 'never', reason: '', requestId })).toBe(true);
    expect(ok({ type: 'overlay-cancel', key, coolOff: 90, reason: 'Late twice', requestId })).toBe(true);
    expect(ok({ type: 'overlay-cancel', key, coolOff: 90, reason: 'Late twice' })).toBe(false);
    expect(ok({ type: 'overlay-cancel', key, coolOff: -5, reason: '', requestId })).toBe(false);
    expect(ok({ type: 'overlay-cancel', key, coolOff: 'forever', reason: '', requestId })).toBe(false);
    const draft = { kind: 'note', text: 'half a thought', days: '', day: '2026-01-05' };
    expect(ok({ type: 'overlay-draft', key, draft })).toBe(true);
    expect(ok({ type: 'overlay-draft', key, draft: null })).toBe(true);
    expect(ok({ type: 'overlay-draft', key, draft: { ...draft, kind: 'delete' } })).toBe(false);
    expect(ok({ type: 'overlay-draft', key, draft: { ...draft, text: 'x'.repeat(10_001) } })).toBe(false);
    expect(ok({ type: 'overlay-revoke', key, accessId: '01JH0000000000000000000000' })).toBe(true);
    expect(ok({ type: 'overlay-revoke', accessId: '01JH0000000000000000000000' })).toBe(false);
    expect(ok({ type: 'overlay-fold', folded: true })).toBe(true);
    expect(ok({ type: 'overlay-fold', folded: 'yes' })).toBe(false);
  });
});
