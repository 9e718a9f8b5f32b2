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
      { type: 'overlay-ready', key: KEY, folded: false, state: 'ready' },
      { type: 'overlay-ready', key: KEY, folded: true, state: 'failed' },
      { type: 'overlay-ready', key: KEY, folded: 'true', state: 'ready' },
      { type: 'overlay-ready', key: KEY, folded: 1, state: 'ready' },
      { type: 'overlay-ready', key: KEY, height: 240, state: 'ready' },
      { type: 'overlay-ready', key: 'no key', folded: false, state: 'ready' },
      { type: 'overlay-ready', key: `upwork:${'x'.repeat(2050)}`, folded: false, state: 'ready' },
      // Lengths are in characters (code points), as zod counts them: 2,042 emoji are 4,091 UTF-16 units.
      { type: 'overlay-ready', key: `upwork:${'🏳️‍🌈'.repeat(200)}`, folded: false, state: 'ready' },
      { type: 'overlay-ready', key: `upwork:${'😀'.repeat(2041)}`, folded: false, state: 'ready' },
      { type: 'overlay-ready', key: `upwork:${'😀'.repeat(2042)}`, folded: false, state: 'ready' },
      { type: 'overlay-ready', key: KEY, folded: false, state: 'done' },
      { type: 'overlay-ready', key: KEY, folded: false },
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
  it('is taken only as the frame sends it', () => {
    expect(isOverlayUnanswered({ type: OVERLAY_UNANSWERED })).toBe(true);
    for (const bad of [{ type: 'other' }, null, [OVERLAY_UNANSWERED], 'track-record:overlay-unanswered'])
      expect(isOverlayUnanswered(bad)).toBe(false);
  });
});
