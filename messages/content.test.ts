import { describe, expect, it } from 'vitest';
import { answerGuards, isOverlayDrawn, OVERLAY_DRAWN, toContent } from './content';
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
      { type: 'overlay-ready', key: KEY, folded: false, state: 'ready' }, // the frame tells the page itself now
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
    for (const good of [
      { type: OVERLAY_DRAWN, state: 'ready', folded: false },
      { type: OVERLAY_DRAWN, state: 'failed', folded: true },
    ])
      expect(isOverlayDrawn(good)).toBe(true);
    for (const bad of [
      { type: OVERLAY_DRAWN, state: 'done', folded: false },
      { type: OVERLAY_DRAWN, state: 'ready' },
      { type: OVERLAY_DRAWN, state: 'ready', folded: 'no' },
      { type: 'other', state: 'ready', folded: false },
      null,
      [OVERLAY_DRAWN],
      OVERLAY_DRAWN,
    ])
      expect(isOverlayDrawn(bad)).toBe(false);
  });
});
