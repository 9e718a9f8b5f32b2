import { RECORD_ID_PATTERN } from './ids';
import { Verdict } from './verdict';
import { z } from './zod-mini';

// Everything the "cancel and move on" flow shows, worked out where the records are (the background for
// the overlay frame, which checks it with this schema; the page itself for the popup and side panel).

const text = (max: number) => z.string().check(z.maxLength(max));
const day = z.number();

export const CancelPlan = z.object({
  name: text(200),
  /** Once cancelled: the end of the cool-off (NEVER_REHIRE: never rehire). */
  droppedUntil: z.optional(day),
  /** The cool-off the settings give, in days: offered first. */
  coolOffDays: z.int(),
  /** The strikes that led here, newest first. */
  strikes: z.array(z.object({ headline: text(300), day })).check(z.maxLength(50)),
  /** The engagements that end (or ended, once cancelled). */
  engagements: z.array(
    z.object({
      title: text(300),
      /** Open milestones that close with it. */
      closing: z.array(text(300)),
      /** Work delivered and not accepted: not to be paid for as it is. */
      unaccepted: z.array(
        z.object({ title: text(300), deliveredAt: day, amount: text(100), paid: z.boolean() }),
      ),
    }),
  ),
  /** Accesses to take back, revoked ones included (ticked). */
  accesses: z.array(
    z.object({
      id: z.string().check(z.regex(RECORD_ID_PATTERN)),
      what: text(300),
      level: text(20),
      revokedAt: z.optional(day),
    }),
  ),
  /** Per skill area: who could take the work over, best first; or where to look for someone. */
  areas: z.array(
    z.object({
      skill: text(100),
      people: z.array(
        z.object({
          name: text(200),
          verdict: Verdict,
          score: z.nullable(z.number()),
          activeEngagements: z.int(),
          /** Their profile, and the marketplace it is on. */
          url: z.optional(text(2048)),
          site: z.optional(text(60)),
        }),
      ),
      search: z.array(z.object({ name: text(60), url: text(2048) })),
    }),
  ),
});
export type CancelPlan = z.infer<typeof CancelPlan>;
