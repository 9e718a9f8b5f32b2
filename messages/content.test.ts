import { describe, expect, it } from 'vitest';
import { answerGuards, isOverlayUnanswered, OVERLAY_UNANSWERED, toContent } from './content';
import { backgroundAnswers, ToContent } from './protocol';

// The content script checks what it receives with hand-written guards (no zod in its bundle). Each guard
// must take exactly what the protocol's schema takes, and give back the same value.
function agree(
  guard: (raw: unknown) => unknown,
  schema: { safeParse(raw: unknown): unknown },
  samples: unknown[],
) {
  for (const sample of samples) {
    const parsed = schema.safeParse(sample) as { success: boolean; data?: unknown };
    expect(guard(sample), JSON.stringify(sample)).toEqual(parsed.success ? parsed.data : undefined);
  }
}

const KEY = 'upwork:~01aaaaaaaaaaaaaaaa';
const junk = [null, undefined, 'text', 42, [], {}, { type: 'nothing' }];

describe("the content script's guards hold to the protocol", () => {
  it('messages for the content script', () => {
    agree(toContent, ToContent, [
      ...junk,
      { type: 'get-page' },
      { type: 'get-page', extra: 'dropped' },
      { type: 'badges-changed' },
      { type: 'overlay-ready', key: KEY, height: 240, state: 'ready' },
      { type: 'overlay-ready', key: KEY, height: 0, state: 'failed' },
      { type: 'overlay-ready', key: KEY, height: 4000, state: 'ready' },
      { type: 'overlay-ready', key: KEY, height: 4001, state: 'ready' },
      { type: 'overlay-ready', key: KEY, height: -1, state: 'ready' },
      { type: 'overlay-ready', key: KEY, height: Number.NaN, state: 'ready' },
      { type: 'overlay-ready', key: KEY, height: '240', state: 'ready' },
      { type: 'overlay-ready', key: 'no key', height: 240, state: 'ready' },
      { type: 'overlay-ready', key: `upwork:${'x'.repeat(2050)}`, height: 240, state: 'ready' },
      // Lengths are in characters (code points), as zod counts them: 1,100 emoji are 2,207 UTF-16 units.
      { type: 'overlay-ready', key: `upwork:${'🏳️‍🌈'.repeat(200)}`, height: 240, state: 'ready' },
      { type: 'overlay-ready', key: `upwork:${'😀'.repeat(2041)}`, height: 240, state: 'ready' },
      { type: 'overlay-ready', key: `upwork:${'😀'.repeat(2042)}`, height: 240, state: 'ready' },
      { type: 'overlay-ready', key: KEY, height: 240, state: 'done' },
      { type: 'overlay-ready', key: KEY, height: 240 },
    ]);
  });

  it('answers to page-seen and page-tracked', () => {
    const flags = [...junk, { recorded: true }, { recorded: 'yes' }, { tracked: false }, { tracked: 1 }];
    agree(answerGuards['page-seen'], backgroundAnswers['page-seen'], flags);
    agree(answerGuards['page-tracked'], backgroundAnswers['page-tracked'], flags);
  });

  it('answers to badges', () => {
    const badge = { verdict: 'watch', score: 58, strikes: 1, lastActivityAt: 1_700_000_000_000 };
    agree(answerGuards.badges, backgroundAnswers.badges, [
      ...junk,
      { badges: {} },
      { badges: { [KEY]: badge } },
      { badges: { [KEY]: { ...badge, lastActivityAt: undefined } } },
      { badges: { [KEY]: { ...badge, score: null } } },
      { badges: { [KEY]: { ...badge, score: 101 } } },
      { badges: { [KEY]: { ...badge, score: '58' } } },
      { badges: { [KEY]: { ...badge, strikes: 1.5 } } },
      { badges: { [KEY]: { ...badge, strikes: -1 } } },
      { badges: { [KEY]: { ...badge, verdict: 'excellent' } } },
      { badges: { [KEY]: { ...badge, lastActivityAt: -5 } } },
      { badges: { [KEY]: { ...badge, extra: 'dropped' } } },
      { badges: { [KEY]: null } },
      { badges: [badge] },
    ]);
  });
});

describe("the overlay frame's note to the page", () => {
  it('is taken only with a sane height', () => {
    expect(isOverlayUnanswered({ type: OVERLAY_UNANSWERED, height: 90 })).toBe(true);
    for (const bad of [
      { type: OVERLAY_UNANSWERED, height: '90' },
      { type: OVERLAY_UNANSWERED, height: 99_999 },
      { type: 'other', height: 90 },
      null,
      'track-record:overlay-unanswered',
    ])
      expect(isOverlayUnanswered(bad)).toBe(false);
  });
});
