import { RECORD_ID_PATTERN } from './ids';
import { Verdict } from './verdict';
import { z } from './zod-mini';

const text = (max: number) => z.string().check(z.maxLength(max));

/** How many of the latest events, strikes and open milestones the overlay lists (the side panel has them all). */
export const OVERLAY_EVENTS = 2;
export const OVERLAY_STRIKES = 3;
export const OVERLAY_MILESTONES = 3;

/**
 * What the overlay card shows of a tracked contractor, worked out by the background and sent to the
 * overlay frame: plain, small and serialisable, so the frame needs neither the database nor the score.
 */
export const OverlayView = z.object({
  name: text(200),
  verdict: Verdict,
  score: z.nullable(z.number().check(z.minimum(0), z.maximum(100))),
  confidence: z.enum(['low', 'medium', 'high']),
  /** Why the verdict is what it is, in words (the first is shown). */
  reasons: z.array(text(500)).check(z.maxLength(5)),
  /** The latest events, newest first, as the timeline words them. */
  events: z
    .array(
      z.object({
        type: text(40),
        headline: text(300),
        /** Milliseconds since the epoch. */
        at: z.number(),
        text: z.optional(text(10_000)),
      }),
    )
    .check(z.maxLength(OVERLAY_EVENTS)),
  /** Events beyond those listed. */
  moreEvents: z.int().check(z.minimum(0)),
  /** The strikes in the policy window (what a red or amber verdict rests on), newest first. */
  strikes: z.array(z.object({ headline: text(300), day: z.number() })).check(z.maxLength(OVERLAY_STRIKES)),
  /** Open milestones, soonest due first, each with its one-click outcomes on the card. */
  milestones: z
    .array(
      z.object({
        id: z.string().check(z.regex(RECORD_ID_PATTERN)),
        title: text(300),
        engagement: text(300),
        dueAt: z.number(),
      }),
    )
    .check(z.maxLength(OVERLAY_MILESTONES)),
  /** The care rule's message, when it asks to reward them. */
  care: z.optional(text(500)),
  /** Set when the records were saved by a newer version: shown, and changes are refused. */
  readOnly: z.optional(text(500)),
});
export type OverlayView = z.infer<typeof OverlayView>;
