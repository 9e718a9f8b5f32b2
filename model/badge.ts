import { Verdict } from './verdict';
import { z } from './zod-mini';

/**
 * What a card badge shows of a tracked freelancer, inside its closed shadow root: the verdict and score,
 * and in its tooltip the strikes and the day of the last activity. This, per card, is all a content
 * script ever learns of the user's records.
 */
export const BadgeInfo = z.object({
  verdict: Verdict,
  score: z.nullable(z.number().check(z.minimum(0), z.maximum(100))),
  strikes: z.int().check(z.minimum(0)),
  lastActivityAt: z.optional(z.number().check(z.minimum(0))),
});
export type BadgeInfo = z.infer<typeof BadgeInfo>;
