// The content script's half of the protocol (messages/protocol.ts defines the whole of it). A content
// script runs on every matching page, so it carries no zod: it checks the few fixed-shape messages it
// receives — from the extension's own pages and background only, a sender check makes sure — and the
// answers to what it asks, with these hand-written guards. messages/content.test.ts holds each guard to
// the protocol's schema: the same verdict on every sample, valid or not.

import type { BadgeInfo } from '../model/badge';
import type { Verdict } from '../model/verdict';
import type { AnswerTo, ToBackground, ToContent } from './protocol';

/** At most this many keys in one `badges` request. */
export const BADGE_BATCH = 500;

const VERDICTS: readonly Verdict[] = ['new', 'ok', 'trusted', 'watch', 'cancel', 'dropped'];

type Fields = Record<string, unknown>;
const fields = (raw: unknown): Fields | undefined =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Fields) : undefined;
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

/** A message for the content script, as the protocol allows it, or undefined. */
export function toContent(raw: unknown): ToContent | undefined {
  const m = fields(raw);
  switch (m?.type) {
    case 'get-page':
    case 'badges-changed':
      return { type: m.type };
    default:
      return undefined;
  }
}

function badgeInfo(raw: unknown): BadgeInfo | undefined {
  const b = fields(raw);
  if (!b || !VERDICTS.includes(b.verdict as Verdict)) return undefined;
  const score = b.score === null || (typeof b.score === 'number' && b.score >= 0 && b.score <= 100);
  const strikes = Number.isInteger(b.strikes) && (b.strikes as number) >= 0;
  const last =
    b.lastActivityAt === undefined || (typeof b.lastActivityAt === 'number' && b.lastActivityAt >= 0);
  if (!score || !strikes || !last) return undefined;
  const info: BadgeInfo = {
    verdict: b.verdict as Verdict,
    score: b.score as number | null,
    strikes: b.strikes as number,
  };
  if (b.lastActivityAt !== undefined) info.lastActivityAt = b.lastActivityAt as number;
  return info;
}

/** The background's answers to the content script, as the protocol allows them. */
export const answerGuards: {
  [T in ToBackground['type']]: (raw: unknown) => AnswerTo<Extract<ToBackground, { type: T }>> | undefined;
} = {
  'page-seen': (raw) => {
    const a = fields(raw);
    return a && isBoolean(a.recorded) ? { recorded: a.recorded } : undefined;
  },
  'page-tracked': (raw) => {
    const a = fields(raw);
    return a && isBoolean(a.tracked) ? { tracked: a.tracked } : undefined;
  },
  badges: (raw) => {
    const given = fields(fields(raw)?.badges);
    if (!given) return undefined;
    const badges: Record<string, BadgeInfo> = {};
    for (const [key, value] of Object.entries(given)) {
      const info = badgeInfo(value);
      if (!info) return undefined;
      badges[key] = info;
    }
    return { badges };
  },
};

/**
 * Overlay frame → the page's window (`window.parent.postMessage`): the card is drawn (the contractor's
 * data, or why it cannot be shown), open or folded. The page hears it too, so it carries nothing the page
 * does not see anyway: the overlay's state is an attribute of its host, and its box is the same for
 * everyone but for the fold. The content script takes it only from its own frame (`event.source`) at the
 * extension's origin, as the browser delivered it.
 */
export const OVERLAY_DRAWN = 'track-record:overlay-drawn';
export type OverlayDrawn = { type: typeof OVERLAY_DRAWN; state: 'ready' | 'failed'; folded: boolean };
export const isOverlayDrawn = (data: unknown): data is OverlayDrawn => {
  const m = fields(data);
  return m?.type === OVERLAY_DRAWN && (m.state === 'ready' || m.state === 'failed') && isBoolean(m.folded);
};
