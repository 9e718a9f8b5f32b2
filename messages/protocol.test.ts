import { describe, expect, it, vi } from 'vitest';
import {
  askBackground,
  FromOverlayFrame,
  listener,
  OverlayRequest,
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
  const listen = listener(ToBackground, (sender: Sender) => sender.trusted, {
    'page-seen': async (message) => {
      recorded.push(message.profile.key);
      return { recorded: true };
    },
    badges: async ({ keys }) => ({
      badges: Object.fromEntries(keys.map((k) => [k, { verdict: 'ok' as const, score: 90, strikes: 0 }])),
    }),
    'page-tracked': async ({ key }) => ({ tracked: key === 'web:https://portfolio.example.com/jane' }),
  });
  return { listen, recorded };
}

describe('the message protocol', () => {
  it('answers a valid message from an accepted sender through sendResponse', async () => {
    const { listen, recorded } = backgroundListener();
    const sendResponse = vi.fn();
    expect(listen({ type: 'page-seen', profile }, { trusted: true }, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ recorded: true }));
    expect(recorded).toEqual(['github:piuccio']);
  });

  it('ignores messages that fail the schema, naming nothing back', () => {
    const { listen, recorded } = backgroundListener();
    const sendResponse = vi.fn();
    const malformed = [
      { type: 'page-seen', profile: { ...profile, key: 'piuccio' } },
      { type: 'add-note', text: 'not something a page may ask' },
      { type: 'badges', keys: 'github:piuccio' },
      { type: 'badges', keys: Array.from({ length: 501 }, (_, i) => `github:p${i}`) },
      { type: 'page-tracked' },
      { type: 'page-tracked', key: 'web:a page with spaces' },
      { type: 'track-page', key: 'web:https://portfolio.example.com/jane' },
      null,
    ];
    for (const message of malformed) expect(listen(message, { trusted: true }, sendResponse)).toBe(false);
    expect(sendResponse).not.toHaveBeenCalled();
    expect(recorded).toEqual([]);
  });

  it('answers whether a page attached by hand is tracked, and nothing more', async () => {
    const { listen } = backgroundListener();
    const sendResponse = vi.fn();
    const key = 'web:https://portfolio.example.com/jane';
    expect(listen({ type: 'page-tracked', key }, { trusted: true }, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ tracked: true }));
    await expect(
      askBackground(async () => ({ tracked: 'yes' }), { type: 'page-tracked', key }),
    ).rejects.toThrow();
  });

  it('ignores valid messages from a refused sender', () => {
    const { listen, recorded } = backgroundListener();
    expect(listen({ type: 'page-seen', profile }, { trusted: false }, vi.fn())).toBe(false);
    expect(recorded).toEqual([]);
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
