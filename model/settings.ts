import { policies } from './settings-defaults';
import { z } from './zod';

export { defaultSettings, policies } from './settings-defaults';

export const Policy = z.enum(['strict', 'standard', 'lenient', 'custom']);
export type Policy = z.infer<typeof Policy>;

const Days = z.number().int().min(0).max(3650);
const PositiveDays = z.number().int().min(1).max(3650);
const Ratio = z.number().min(0).max(1);
const Weight = z.number().min(0).max(10);

/** Every number of the reliability model and of the rules. The defaults are the design guide's. */
export const Settings = z
  .object({
    policy: Policy,
    /** Strikes within `strikeWindowDays` that make the verdict `cancel`. */
    strikeLimit: z.number().int().min(1).max(100),
    strikeWindowDays: PositiveDays,
    /** Days after a due date still counted as on time. */
    graceDays: Days,
    /** Recency: an outcome's weight halves every `halfLifeDays`. */
    halfLifeDays: PositiveDays,
    /** A late delivery fails with weight `1 + min(1, d / lateScaleDays)`. */
    lateScaleDays: PositiveDays,
    excuseWeight: Weight,
    qualityWeight: Weight,
    /** Score = round(100 × (priorSuccess + S) / (priorTotal + S + F)). */
    priorSuccess: z.number().min(0).max(100),
    priorTotal: z.number().min(0).max(100),
    /** Confidence from n = S + F: low below `confidenceMedium`, medium below `confidenceHigh`, else high. */
    confidenceMedium: z.number().min(0).max(1000),
    confidenceHigh: z.number().min(0).max(1000),
    /** A score below this is `watch`. */
    watchBelow: z.number().min(0).max(100),
    /** `trusted` needs at least `trustedMinOutcomes` outcomes and a score of at least `trustedFrom`. */
    trustedFrom: z.number().min(0).max(100),
    trustedMinOutcomes: z.number().int().min(0).max(1000),
    /** How long the verdict stays `dropped` after "cancel and move on". */
    coolOffDays: Days,
    /** Excuses of one category within this window… */
    excuseRepeatWindowDays: PositiveDays,
    /** …flagged from this count on. */
    excuseRepeatFrom: z.number().int().min(2).max(100),
    /** Rule 1: proven contractors wanted per skill area. */
    provenPerSkill: z.number().int().min(1).max(20),
    /** Rule 3: an engagement budget above this (in its own currency) needs milestones. */
    bigEngagementBudget: Money(),
    /** Rule 3: milestones wanted for a big engagement. */
    bigEngagementMilestones: z.number().int().min(1).max(100),
    /** Rule 3: the share of the open budget one contractor may hold. */
    maxOpenBudgetShare: Ratio,
    /** Rule 4: active accesses one contractor may hold before it is flagged. */
    maxActiveAccesses: z.number().int().min(1).max(100),
    /** Care rule: on-time deliveries since the last reward that call for one. */
    careAfterOnTime: z.number().int().min(1).max(100),
    /** The overlay on profile pages is folded down to its header line (the user's last choice). */
    overlayFolded: z.boolean().default(false),
  })
  .refine((s) => s.confidenceMedium <= s.confidenceHigh, {
    message: 'confidenceHigh must not be below confidenceMedium',
    path: ['confidenceHigh'],
  })
  .refine((s) => s.priorTotal >= s.priorSuccess, {
    message: 'priorTotal must not be below priorSuccess',
    path: ['priorTotal'],
  });
export type Settings = z.infer<typeof Settings>;

function Money() {
  return z.number().finite().nonnegative();
}

/** The three numbers a named policy fixes. */
export type PolicyNumbers = Pick<Settings, 'strikeLimit' | 'strikeWindowDays' | 'graceDays'>;

/**
 * Applies a change to the settings. Choosing a named policy sets its three numbers; changing one of
 * those numbers by hand makes the policy `custom`.
 */
export function changeSettings(current: Settings, patch: Partial<Settings>): Settings {
  const next = { ...current, ...patch };
  if (patch.policy && patch.policy !== 'custom') {
    Object.assign(
      next,
      policies[patch.policy],
      pick(patch, ['strikeLimit', 'strikeWindowDays', 'graceDays']),
    );
  }
  if (next.policy !== 'custom') {
    const preset = policies[next.policy];
    const same =
      preset.strikeLimit === next.strikeLimit &&
      preset.strikeWindowDays === next.strikeWindowDays &&
      preset.graceDays === next.graceDays;
    if (!same) next.policy = 'custom';
  }
  return Settings.parse(next);
}

function pick<T extends object, K extends keyof T>(obj: T, keys: K[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}
