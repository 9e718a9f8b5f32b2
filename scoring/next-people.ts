import type { RecordId } from '../model/ids';
import type { Verdict } from '../model/verdict';

/** Someone on the roster who might take work over, as the cancel flow weighs them. */
export type Candidate = {
  id: RecordId;
  name: string;
  skills: readonly string[];
  verdict: Verdict;
  score: number | null;
  /** Work they are on now: the fewer, the sooner they are free. */
  activeEngagements: number;
};

/** One skill area of the contractor who is leaving, and who else works in it, best first. */
export type NextInArea<C extends Candidate> = { skill: string; people: C[] };

/** Proven first; someone with a strike last; anyone to cancel or dropped is nobody's next. */
const VERDICT_RANK: Partial<Record<Verdict, number>> = { trusted: 0, ok: 1, new: 2, watch: 3 };

const skillKey = (skill: string) => skill.trim().toLowerCase();

/**
 * Rule 1 at the moment it matters: for each skill area of the contractor who is leaving, the other
 * contractors in that area, best first — by verdict, then score (none last), then who is freest (fewest
 * active engagements), then name. An area with nobody in it comes back empty: "no backup for <area>".
 */
export function nextPeople<C extends Candidate>(
  leaving: { id: RecordId; skills: readonly string[] },
  roster: readonly C[],
): NextInArea<C>[] {
  const areas = new Map<string, string>();
  for (const skill of leaving.skills) {
    if (skill.trim() && !areas.has(skillKey(skill))) areas.set(skillKey(skill), skill.trim());
  }
  return [...areas].map(([key, skill]) => ({
    skill,
    people: roster
      .filter(
        (c) =>
          c.id !== leaving.id &&
          VERDICT_RANK[c.verdict] !== undefined &&
          c.skills.some((s) => skillKey(s) === key),
      )
      .sort(
        (a, b) =>
          (VERDICT_RANK[a.verdict] ?? 9) - (VERDICT_RANK[b.verdict] ?? 9) ||
          (b.score ?? -1) - (a.score ?? -1) ||
          a.activeEngagements - b.activeEngagements ||
          a.name.localeCompare(b.name),
      ),
  }));
}
