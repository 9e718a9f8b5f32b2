import { EXCUSE_CATEGORIES } from './excuses';
import { RECORD_ID_PATTERN } from './ids';
import { z } from './zod-mini';

// What a quick capture records — from the overlay (sent to the background, which checks it with this
// schema), the popup or the side panel. zod/mini: the overlay frame carries it and must stay small.

const at = z.number().check(z.nonnegative());
const words = z.string().check(z.trim(), z.minLength(1), z.maxLength(10_000));
const details = z.optional(z.string().check(z.maxLength(10_000)));
const daysLate = z.int().check(z.minimum(1), z.maximum(3650));
const milestoneId = z.optional(z.string().check(z.regex(RECORD_ID_PATTERN)));

export const Capture = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('on-time'), at, text: details }),
  z.object({ kind: z.literal('late'), at, daysLate, text: details }),
  z.object({ kind: z.literal('missed'), at, daysLate, text: details }),
  /** An excuse, for a milestone when given. */
  z.object({ kind: z.literal('excuse'), at, text: words, category: z.enum(EXCUSE_CATEGORIES), milestoneId }),
  z.object({ kind: z.literal('quality'), at, text: words }),
  z.object({ kind: z.literal('praise'), at, text: words }),
  z.object({ kind: z.literal('note'), at, text: words }),
  z.object({
    kind: z.literal('reward'),
    at,
    reward: z.enum(['bonus', 'raise', 'thanks']),
    amount: z.optional(z.number().check(z.nonnegative())),
    currency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/))),
    text: details,
  }),
  /** An open milestone delivered now: its lateness follows from its due date. */
  z.object({
    kind: z.literal('milestone-delivered'),
    milestoneId: z.string().check(z.regex(RECORD_ID_PATTERN)),
  }),
]);
export type Capture = z.infer<typeof Capture>;

/** The kinds of capture a user picks from the capture bar. */
export const CAPTURE_KINDS = ['on-time', 'late', 'missed', 'excuse', 'quality', 'praise', 'note'] as const;

/**
 * What the user was typing in a capture form, not recorded yet: kept as they type, so that it comes back
 * in the next overlay for that freelancer if this one goes away first (the extension updated, the tab
 * closed, the page reloaded). Fields as the form holds them; nothing here is checked as a record.
 */
export const CaptureDraft = z.object({
  kind: z.enum(CAPTURE_KINDS),
  text: z.string().check(z.maxLength(10_000)),
  days: z.string().check(z.maxLength(12)),
  day: z.string().check(z.maxLength(10)),
  category: z.optional(z.enum(EXCUSE_CATEGORIES)),
  milestoneId,
});
export type CaptureDraft = z.infer<typeof CaptureDraft>;

/** What a capture wrote: the event (for its undo) and a notice worth showing, if any. */
export type Recorded = { eventId: string; notice?: string };
