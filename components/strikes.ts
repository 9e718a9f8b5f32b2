import type { Milestone } from '../model/records';
import type { Assessment } from '../model/summary';
import { isolated } from './bidi';

/**
 * The strikes inside the policy window, newest first, each named as the "why" names it, with the
 * milestone it is about ("Logo v2 — Deadline missed, nothing delivered for 5 days").
 */
export function strikesOf(
  assessment: Pick<Assessment, 'why'>,
  milestones: readonly Pick<Milestone, 'id' | 'title'>[],
): { headline: string; day: number }[] {
  const titles = new Map(milestones.map((m) => [m.id, m.title || 'Milestone']));
  return assessment.why
    .filter((w) => w.strikeInWindow)
    .map((w) => {
      const title = w.milestoneId === undefined ? undefined : titles.get(w.milestoneId);
      return { headline: title ? `${isolated(title)} — ${w.headline}` : w.headline, day: w.day };
    });
}
