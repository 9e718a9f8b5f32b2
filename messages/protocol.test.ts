import { describe, expect, it, vi } from 'vitest';
import { askBackground, listener, ToBackground } from './protocol';

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
    'badge-verdicts': async ({ keys }) => ({
      verdicts: Object.fromEntries(keys.map((k) => [k, 'ok' as const])),
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
      { type: 'badge-verdicts', keys: 'github:piuccio' },
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
    const good = await askBackground(async () => ({ verdicts: { 'github:piuccio': 'watch' } }), {
      type: 'badge-verdicts',
      keys: ['github:piuccio'],
    });
    expect(good.verdicts).toEqual({ 'github:piuccio': 'watch' });
    await expect(
      askBackground(async () => ({ verdicts: { 'github:piuccio': 'excellent' } }), {
        type: 'badge-verdicts',
        keys: [],
      }),
    ).rejects.toThrow();
  });
});
