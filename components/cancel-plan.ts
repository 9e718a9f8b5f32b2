import type { CancelPlan } from '../model/cancel-plan';
import type {
  Access,
  Contractor,
  Engagement,
  HistoryEvent,
  Milestone,
  ProfileRecord,
} from '../model/records';
import type { Settings } from '../model/settings';
import type { Assessment } from '../model/summary';
import { DAY_MS, dayOf } from '../scoring/dates';
import { formatDay, money } from '../scoring/format';
import { type Candidate, nextPeople } from '../scoring/next-people';
import { searchLinks, siteName } from '../sites';
import { isolated } from './bidi';
import { strikesOf } from './strikes';

/** Someone on the roster and the profiles that lead to them. */
export type CandidateWithProfiles = Candidate & {
  profiles: Pick<ProfileRecord, 'platform' | 'url' | 'lastSeenAt'>[];
};

const PEOPLE_PER_AREA = 5;

/**
 * The "cancel and move on" flow for a contractor: the strikes that led here, the engagements that end
 * (and the open milestones that close with them, and delivered work not accepted), the accesses to take
 * back, and who is next in each of their skill areas — or where to look when nobody is.
 */
export function cancelPlanOf(
  view: {
    contractor: Pick<Contractor, 'id' | 'name' | 'skills' | 'coolOffUntil'>;
    events: readonly HistoryEvent[];
    engagements: readonly Engagement[];
    milestones: readonly Milestone[];
    accesses: readonly Access[];
    assessment: Assessment;
    settings: Pick<Settings, 'coolOffDays'>;
  },
  candidates: readonly CandidateWithProfiles[],
): CancelPlan {
  const { contractor, assessment } = view;
  const dropped = assessment.verdict === 'dropped';
  const today = dayOf(assessment.at) * DAY_MS;
  // Once cancelled, the engagements that the cancel ended; before, those it will end.
  const cancelledAt = Math.max(-1, ...view.events.filter((e) => e.type === 'cancelled').map((e) => e.at));
  const ending = view.engagements.filter((e) =>
    dropped ? e.status === 'cancelled' && (e.endedAt ?? 0) >= cancelledAt : e.status === 'active',
  );
  return {
    name: contractor.name,
    ...(dropped && contractor.coolOffUntil !== undefined ? { droppedUntil: contractor.coolOffUntil } : {}),
    coolOffDays: view.settings.coolOffDays,
    strikes: strikesOf(assessment, view.milestones),
    engagements: ending.map((e) => {
      const milestones = view.milestones.filter((m) => m.engagementId === e.id);
      return {
        title: e.title,
        closing: milestones
          .filter((m) => m.deliveredAt === undefined)
          .map(
            (m) =>
              `${isolated(m.title || 'Milestone')} (${money(m.amount, m.currency)}, due ${formatDay(m.dueAt)})`,
          ),
        unaccepted: milestones.flatMap((m) =>
          m.deliveredAt !== undefined && m.acceptedAt === undefined
            ? [
                {
                  title: m.title || 'Milestone',
                  deliveredAt: m.deliveredAt,
                  amount: money(m.amount, m.currency),
                  paid: m.paidAt !== undefined,
                },
              ]
            : [],
        ),
      };
    }),
    // Still held, or taken back during this ending (since the cancel; before it, today): ticked off.
    accesses: view.accesses
      .filter((a) => a.revokedAt === undefined || a.revokedAt >= (dropped ? cancelledAt : today))
      .map(({ id, what, level, revokedAt }) => ({ id, what, level, ...(revokedAt ? { revokedAt } : {}) })),
    areas: nextPeople(contractor, candidates).map(({ skill, people }) => ({
      skill,
      people: people.slice(0, PEOPLE_PER_AREA).map((p) => {
        const profile = [...p.profiles].sort((a, b) => b.lastSeenAt - a.lastSeenAt)[0];
        return {
          name: p.name,
          verdict: p.verdict,
          score: p.score,
          activeEngagements: p.activeEngagements,
          ...(profile ? { url: profile.url, site: siteName(profile.platform) } : {}),
        };
      }),
      search: people.length ? [] : searchLinks(skill).map(({ name, url }) => ({ name, url })),
    })),
  };
}
