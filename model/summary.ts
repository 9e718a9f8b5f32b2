import type { RecordId } from './ids';
import { ExcuseCategory, Id, Timestamp } from './records';
import { Verdict } from './verdict';
import { z } from './zod';

export { Verdict };

export const Confidence = z.enum(['low', 'medium', 'high']);
export type Confidence = z.infer<typeof Confidence>;

/**
 * The facts of a contractor's history that the score needs, independent of the settings and of `now`.
 * They are derived from the events and milestones when either changes and stored with the summary, so
 * the score, the verdict and the "why" can be recomputed on every read without touching history.
 * - `delivery`: delivered `lateDays` whole days after the due day (0: on the day or early).
 * - `missed`: a deadline passed with nothing delivered, `lateDays` days before it was recorded or
 *   renegotiated.
 * - `open`: a milestone not delivered yet, due on `dueAt`; late (live) once its day has passed.
 */
export const Fact = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('delivery'),
    at: Timestamp,
    lateDays: z.number().int().min(0),
    eventId: Id.optional(),
    milestoneId: Id.optional(),
  }),
  z.object({
    kind: z.literal('missed'),
    at: Timestamp,
    lateDays: z.number().int().min(0),
    eventId: Id.optional(),
    milestoneId: Id.optional(),
  }),
  z.object({ kind: z.literal('open'), dueAt: Timestamp, milestoneId: Id }),
  z.object({ kind: z.literal('excuse'), at: Timestamp, category: ExcuseCategory, eventId: Id }),
  z.object({ kind: z.literal('quality'), at: Timestamp, eventId: Id }),
  z.object({ kind: z.literal('reward'), at: Timestamp, eventId: Id }),
]);
export type Fact = z.infer<typeof Fact>;

export const Counts = z.object({
  events: z.number().int(),
  notes: z.number().int(),
  deliveries: z.number().int(),
  excuses: z.number().int(),
  qualityProblems: z.number().int(),
  praise: z.number().int(),
  rewards: z.number().int(),
  engagements: z.number().int(),
  activeEngagements: z.number().int(),
  activeAccesses: z.number().int(),
});
export type Counts = z.infer<typeof Counts>;

/**
 * What is stored with each contractor, rewritten in the same transaction as any change to their history.
 * It holds no verdict or score: those depend on `now` (outcomes age, deadlines pass, a cool-off ends) and
 * on the settings, so readers compute them from the facts — a few dozen numbers — with their own `now`.
 */
export const StoredSummary = z.object({
  facts: z.array(Fact),
  droppedUntil: Timestamp.optional(),
  counts: Counts,
  lastActivityAt: Timestamp.optional(),
});
export type StoredSummary = z.infer<typeof StoredSummary>;

/** One line of the "why": an outcome and what it contributed. */
export type WhyItem = {
  fact: Fact['kind'];
  at: number;
  eventId?: RecordId;
  milestoneId?: RecordId;
  /** What happened, e.g. "Delivered late by 3 days". */
  headline: string;
  /** The day it is dated by (for a deadline still open: its due day); surfaces write it next to the headline. */
  day: number;
  /** Days past due and grace, for deliveries and deadlines. */
  daysLate?: number;
  /** Recency weight r = 0.5^(age/halfLife). */
  recency: number;
  /** Unweighted success / failure. */
  success: number;
  failure: number;
  /** r × success − r × failure: what it added to S (positive) or to F (negative). */
  contribution: number;
  strike: boolean;
  /** A strike inside the policy window. */
  strikeInWindow: boolean;
};

export type RepeatedExcuse = {
  category: ExcuseCategory;
  count: number;
  windowDays: number;
  eventIds: RecordId[];
  message: string;
};

/** The score, confidence, strikes and verdict at one moment, with their reasons. */
export type Assessment = {
  at: number;
  score: number | null;
  confidence: Confidence;
  /** Weighted successes and failures. */
  S: number;
  F: number;
  n: number;
  /** Number of outcomes (successes and failures), unweighted. */
  outcomes: number;
  strikes: number;
  strikeLimit: number;
  strikeWindowDays: number;
  verdict: Verdict;
  /** Why the verdict is what it is, in words. */
  reasons: string[];
  /** Every outcome, newest first. */
  why: WhyItem[];
  onTime: number;
  onTimeSinceReward: number;
  repeatedExcuses: RepeatedExcuse[];
  /** The first moment after `at` when the verdict or the strikes may change on their own. */
  nextChangeAt: number;
};
