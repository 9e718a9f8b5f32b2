// The named policies and the default settings as plain data, so that a surface which must stay small (the
// popup's first screen) can judge a contractor without the schema library; model/settings.ts checks every
// change against its schema.
import type { PolicyNumbers, Settings } from './settings';

export const policies: Record<Exclude<Settings['policy'], 'custom'>, PolicyNumbers> = {
  /** No excuses, no delays. */
  strict: { strikeLimit: 1, strikeWindowDays: 365, graceDays: 0 },
  standard: { strikeLimit: 2, strikeWindowDays: 180, graceDays: 1 },
  lenient: { strikeLimit: 3, strikeWindowDays: 180, graceDays: 2 },
};

export const defaultSettings: Settings = Object.freeze({
  policy: 'strict',
  ...policies.strict,
  halfLifeDays: 180,
  lateScaleDays: 7,
  excuseWeight: 0.5,
  qualityWeight: 0.5,
  priorSuccess: 2,
  priorTotal: 3,
  confidenceMedium: 2,
  confidenceHigh: 6,
  watchBelow: 60,
  trustedFrom: 85,
  trustedMinOutcomes: 3,
  coolOffDays: 180,
  excuseRepeatWindowDays: 60,
  excuseRepeatFrom: 2,
  provenPerSkill: 2,
  bigEngagementBudget: 2000,
  bigEngagementMilestones: 2,
  maxOpenBudgetShare: 0.5,
  maxActiveAccesses: 3,
  careAfterOnTime: 5,
  overlayFolded: false,
}) as Settings;
