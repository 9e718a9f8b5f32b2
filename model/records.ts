import { EXCUSE_CATEGORIES, excuseCategoryLabels } from './excuses';
import { RECORD_ID_PATTERN } from './ids';
import { PlatformMetrics } from './page';
import { Platform, ProfileKey } from './platform';
import { z } from './zod';

export { effectiveDueAt } from './due-date';

// Each record comes in two schemas: `New…`, what a caller supplies to create one, and the stored record,
// which adds its `id` (made on insert, see ids.ts) and `updatedAt` (when it last changed: a merge import
// keeps the newer of two versions of one record). Both are built from one list of fields.

/** Milliseconds since the epoch. */
export const Timestamp = z.number().int().nonnegative();
export const Id = z.string().regex(RECORD_ID_PATTERN, 'not a record id');
/** What every stored record adds to its `New…` fields. */
const stored = { id: Id, updatedAt: Timestamp };
const Money = z.number().finite().nonnegative();
/** ISO 4217-like code, e.g. "USD". */
const Currency = z
  .string()
  .trim()
  .regex(/^[A-Z]{3}$/, 'a currency is a three-letter code such as USD');

/** A kind of work ("WordPress", "copywriting"). Compared case-insensitively by the rules. */
const SkillArea = z.string().trim().min(1, 'a skill area cannot be empty').max(100);

export const ContractorStatus = z.enum(['active', 'paused', 'dropped']);
export type ContractorStatus = z.infer<typeof ContractorStatus>;

const contractorFields = {
  name: z.string().trim().min(1, 'a contractor needs a name').max(200),
  createdAt: Timestamp,
  /** Skill areas / areas of work. */
  skills: z.array(SkillArea).max(50).default([]),
  tags: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
  /** What drives them (money, recognition, learning…), in the user's words. */
  drives: z.string().trim().max(2000).optional(),
  status: ContractorStatus.default('active'),
  /** End of the cool-off after "cancel and move on"; while it lasts the verdict is `dropped`. */
  coolOffUntil: Timestamp.optional(),
  /** The number this contractor had before ids became global (schema 3), so old links still open them. */
  legacyId: z.number().int().positive().optional(),
};
/** A person the user hires. Their marketplace identities are `ProfileRecord`s. */
export const NewContractor = z.object(contractorFields);
export type NewContractor = z.input<typeof NewContractor>;
export const Contractor = z.object({ ...contractorFields, ...stored });
export type Contractor = z.infer<typeof Contractor>;

/** One identity of a contractor on one marketplace (or one page attached by hand), keyed `platform:id`. */
export const ProfileRecord = z.object({
  key: ProfileKey,
  platform: Platform,
  id: z.string().min(1).max(2048),
  contractorId: Id,
  /** Last name, title, location and address (url) seen on the page. */
  name: z.string().max(300),
  title: z.string().max(500).optional(),
  location: z.string().max(300).optional(),
  url: z.url().max(2048),
  lastSeenAt: Timestamp,
  metrics: z.optional(PlatformMetrics),
  updatedAt: Timestamp,
});
export type ProfileRecord = z.infer<typeof ProfileRecord>;

export const EngagementStatus = z.enum(['active', 'completed', 'cancelled']);
export type EngagementStatus = z.infer<typeof EngagementStatus>;

const engagementFields = {
  contractorId: Id,
  title: z.string().trim().min(1, 'an engagement needs a title').max(300),
  skill: SkillArea.optional(),
  budget: Money.optional(),
  currency: Currency.optional(),
  startedAt: Timestamp,
  status: EngagementStatus,
  endedAt: Timestamp.optional(),
  cancelReason: z.string().trim().max(2000).optional(),
};
const budgetNeedsCurrency = (e: { budget?: number; currency?: string }) =>
  e.budget === undefined || e.currency !== undefined;
const budgetNeedsCurrencyError = { message: 'a budget needs a currency', path: ['currency'] };
/** A piece of work given to one contractor. */
export const NewEngagement = z.object(engagementFields).refine(budgetNeedsCurrency, budgetNeedsCurrencyError);
export type NewEngagement = z.input<typeof NewEngagement>;
export const Engagement = z
  .object({ ...engagementFields, ...stored })
  .refine(budgetNeedsCurrency, budgetNeedsCurrencyError);
export type Engagement = z.infer<typeof Engagement>;

/** A due date agreed again, with when and why. */
export const Renegotiation = z.object({
  at: Timestamp,
  dueAt: Timestamp,
  reason: z.string().trim().max(2000).optional(),
});
export type Renegotiation = z.infer<typeof Renegotiation>;

/**
 * A milestone of an engagement. `dueAt` is the date first promised; the due date in effect is the last
 * renegotiated one. Dates are days: the day of a timestamp is its UTC calendar day.
 */
const milestoneFields = {
  engagementId: Id,
  contractorId: Id,
  title: z.string().trim().max(300).optional(),
  amount: Money,
  currency: Currency.optional(),
  dueAt: Timestamp,
  renegotiations: z.array(Renegotiation).default([]),
  deliveredAt: Timestamp.optional(),
  acceptedAt: Timestamp.optional(),
  paidAt: Timestamp.optional(),
  /**
   * The due days (UTC day numbers) the reminders were shown for: `due` on the due day, `overdue` once it
   * had passed. A new due date (renegotiated) is reminded of again.
   */
  reminded: z.object({ due: z.number().int().optional(), overdue: z.number().int().optional() }).optional(),
};
export const NewMilestone = z.object(milestoneFields);
export type NewMilestone = z.input<typeof NewMilestone>;
export const Milestone = z.object({ ...milestoneFields, ...stored });
export type Milestone = z.infer<typeof Milestone>;

export const ExcuseCategory = z.enum(EXCUSE_CATEGORIES);
export type ExcuseCategory = z.infer<typeof ExcuseCategory>;
export { excuseCategoryLabels };

export const RewardKind = z.enum(['bonus', 'raise', 'thanks']);
export type RewardKind = z.infer<typeof RewardKind>;

export const AccessLevel = z.enum(['view', 'edit', 'admin', 'billing', 'owner']);
export type AccessLevel = z.infer<typeof AccessLevel>;

const eventBase = {
  contractorId: Id,
  /** When it happened (not when it was recorded). Never in the future. */
  at: Timestamp,
  engagementId: Id.optional(),
  milestoneId: Id.optional(),
};
const LateDays = z.number().int().min(0).max(3650);
const OptionalText = z.string().trim().max(10_000).optional();

/**
 * The kinds of event, each over `base` (the new event's fields, or the stored event's).
 * - `delivered`: work delivered. Its lateness comes from its milestone's due date in effect, or from
 *   `daysLate` as entered when there is no milestone (0 or absent: on time).
 * - `deadline-missed`: a deadline passed with nothing delivered (`daysLate` as entered; a milestone's
 *   live lateness is derived without any event).
 */
function eventKinds<B extends z.core.$ZodLooseShape>(base: B) {
  return z.discriminatedUnion('type', [
    z.object({
      ...base,
      type: z.literal('note'),
      text: z.string().trim().min(1, 'a note cannot be empty').max(10_000),
    }),
    z.object({ ...base, type: z.literal('delivered'), daysLate: LateDays.optional(), text: OptionalText }),
    z.object({
      ...base,
      type: z.literal('deadline-missed'),
      daysLate: LateDays.optional(),
      text: OptionalText,
    }),
    z.object({
      ...base,
      type: z.literal('excuse'),
      text: z.string().trim().min(1, 'an excuse needs its text').max(10_000),
      category: ExcuseCategory,
    }),
    z.object({
      ...base,
      type: z.literal('quality-problem'),
      text: z.string().trim().min(1, 'describe the quality problem').max(10_000),
    }),
    z.object({ ...base, type: z.literal('praise'), text: z.string().trim().min(1).max(10_000) }),
    z.object({
      ...base,
      type: z.literal('reward'),
      kind: RewardKind,
      amount: Money.optional(),
      currency: Currency.optional(),
      text: OptionalText,
    }),
    z.object({ ...base, type: z.literal('access-granted'), accessId: Id, text: OptionalText }),
    z.object({ ...base, type: z.literal('access-revoked'), accessId: Id, text: OptionalText }),
    z.object({ ...base, type: z.literal('cancelled'), text: OptionalText }),
  ]);
}

/** Something that happened with a contractor, as a caller records it. */
export const NewEvent = eventKinds(eventBase);
export type NewEvent = z.input<typeof NewEvent>;
/** Something that happened with a contractor, as stored. */
export const HistoryEvent = eventKinds({ ...eventBase, ...stored });
export type HistoryEvent = z.infer<typeof HistoryEvent>;

/** An access the contractor holds ("WordPress admin", "Google Drive folder"). */
const accessFields = {
  contractorId: Id,
  engagementId: Id.optional(),
  what: z.string().trim().min(1, 'say what the access is to').max(300),
  level: AccessLevel,
  grantedAt: Timestamp,
  revokedAt: Timestamp.optional(),
};
export const NewAccess = z.object(accessFields);
export type NewAccess = z.input<typeof NewAccess>;
export const Access = z.object({ ...accessFields, ...stored });
export type Access = z.infer<typeof Access>;

/**
 * What a marketplace showed on a profile on one day. Never changed once written; whose it is follows
 * from its profile.
 */
export const MetricSnapshot = z.object({
  id: Id,
  profileKey: ProfileKey,
  at: Timestamp,
  metrics: PlatformMetrics,
});
export type MetricSnapshot = z.infer<typeof MetricSnapshot>;
