import type { RecordId } from '../model/ids';
import type { Access, Contractor, Engagement, Milestone } from '../model/records';
import type { Settings } from '../model/settings';
import type { Assessment } from '../model/summary';
import { formatDay, money, plural } from './format';

type Severity = 'info' | 'warning' | 'critical';
type RuleId = 1 | 2 | 3 | 4 | 5 | 'care';
type RecordRef =
  | { kind: 'contractor' | 'engagement' | 'milestone' | 'access' | 'event'; id: RecordId }
  | { kind: 'skill'; id: string };

/** Something one of the five rules (or the care rule) asks the user to look at. */
export type Finding = {
  rule: RuleId;
  code: string;
  severity: Severity;
  message: string;
  records: RecordRef[];
};

export type RosterContractor = Pick<Contractor, 'id' | 'name' | 'skills' | 'status'> & {
  assessment: Assessment;
};

/** Everything the rules look at. */
export type Roster = {
  contractors: RosterContractor[];
  engagements: Engagement[];
  milestones: Milestone[];
  accesses: Access[];
};

const skillKey = (skill: string) => skill.trim().toLowerCase();

/** Proven: not dropped, at least one on-time delivery, verdict ok or trusted. */
function isProven(c: RosterContractor): boolean {
  return (
    c.status !== 'dropped' &&
    c.assessment.onTime >= 1 &&
    (c.assessment.verdict === 'ok' || c.assessment.verdict === 'trusted')
  );
}

/** A skill area: everyone on the roster with it, and the proven among them. */
export type SkillArea = { key: string; name: string; proven: RosterContractor[]; all: RosterContractor[] };

/** Every skill area of the roster (contractors' skills and engagements' skills), by name. */
export function skillAreas(roster: Roster): SkillArea[] {
  const areas = new Map<string, SkillArea>();
  const area = (name: string) => {
    const key = skillKey(name);
    let a = areas.get(key);
    if (!a) {
      a = { key, name: name.trim(), proven: [], all: [] };
      areas.set(key, a);
    }
    return a;
  };
  for (const c of roster.contractors) {
    for (const skill of new Set(c.skills.map(skillKey))) {
      const a = area(c.skills.find((x) => skillKey(x) === skill) ?? skill);
      a.all.push(c);
      if (isProven(c)) a.proven.push(c);
    }
  }
  for (const e of roster.engagements) if (e.skill) area(e.skill);
  return [...areas.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Rule 1: skill areas with fewer than two proven contractors. */
export function checkTwoPerArea(roster: Roster, s: Settings): Finding[] {
  const findings: Finding[] = [];
  for (const a of skillAreas(roster)) {
    if (a.proven.length >= s.provenPerSkill) continue;
    const who = a.proven.length ? `: only ${a.proven.map((c) => c.name).join(', ')}` : '';
    findings.push({
      rule: 1,
      code: 'skill-area-thin',
      severity: a.proven.length === 0 ? 'critical' : 'warning',
      message: `${plural(a.proven.length, 'proven contractor')} for "${a.name}"${who} (want ${s.provenPerSkill})`,
      records: [
        { kind: 'skill', id: a.key },
        ...a.all.map((c) => ({ kind: 'contractor' as const, id: c.id })),
      ],
    });
  }
  return findings;
}

/** Rule 2: payments recorded before acceptance, and the total paid for work not yet accepted. */
export function checkPayOnAcceptance(roster: Roster): Finding[] {
  const findings: Finding[] = [];
  const unaccepted = new Map<string, { total: number; ids: RecordId[] }>();
  for (const m of roster.milestones) {
    if (m.paidAt === undefined) continue;
    if (m.acceptedAt !== undefined && m.acceptedAt <= m.paidAt) continue;
    const accepted = m.acceptedAt !== undefined;
    findings.push({
      rule: 2,
      code: accepted ? 'paid-before-acceptance' : 'paid-not-accepted',
      severity: accepted ? 'warning' : 'critical',
      message: accepted
        ? `${money(m.amount, m.currency)} paid on ${formatDay(m.paidAt)}, before acceptance on ${formatDay(m.acceptedAt as number)}`
        : `${money(m.amount, m.currency)} paid on ${formatDay(m.paidAt)} for work not accepted yet`,
      records: [
        { kind: 'milestone', id: m.id },
        { kind: 'engagement', id: m.engagementId },
        { kind: 'contractor', id: m.contractorId },
      ],
    });
    if (!accepted) {
      const cur = m.currency ?? '';
      const t = unaccepted.get(cur) ?? { total: 0, ids: [] };
      t.total += m.amount;
      t.ids.push(m.id);
      unaccepted.set(cur, t);
    }
  }
  for (const [cur, t] of unaccepted) {
    findings.push({
      rule: 2,
      code: 'paid-not-accepted-total',
      severity: 'critical',
      message: `${money(t.total, cur || undefined)} paid in total for work not accepted yet`,
      records: t.ids.map((id) => ({ kind: 'milestone' as const, id })),
    });
  }
  return findings;
}

/**
 * Rule 3: an active engagement over the size threshold without enough milestones; one contractor holding
 * more than half of the open budget (active engagements' budgets less what was paid, per currency).
 */
export function checkNoHugeProject(roster: Roster, s: Settings): Finding[] {
  const findings: Finding[] = [];
  const byEngagement = new Map<RecordId, Milestone[]>();
  for (const m of roster.milestones)
    byEngagement.set(m.engagementId, [...(byEngagement.get(m.engagementId) ?? []), m]);
  const open = new Map<string, Map<RecordId, number>>();
  for (const e of roster.engagements) {
    if (e.status !== 'active' || e.budget === undefined) continue;
    const ms = byEngagement.get(e.id) ?? [];
    if (e.budget > s.bigEngagementBudget && ms.length < s.bigEngagementMilestones) {
      findings.push({
        rule: 3,
        code: 'big-engagement-without-milestones',
        severity: 'warning',
        message: `"${e.title}" (${money(e.budget, e.currency)}) has ${plural(ms.length, 'milestone')}; split it into at least ${s.bigEngagementMilestones}`,
        records: [
          { kind: 'engagement', id: e.id },
          { kind: 'contractor', id: e.contractorId },
        ],
      });
    }
    const paid = ms.reduce((sum, m) => sum + (m.paidAt !== undefined ? m.amount : 0), 0);
    const remaining = Math.max(0, e.budget - paid);
    const cur = e.currency ?? '';
    const perContractor = open.get(cur) ?? new Map<RecordId, number>();
    perContractor.set(e.contractorId, (perContractor.get(e.contractorId) ?? 0) + remaining);
    open.set(cur, perContractor);
  }
  const names = new Map(roster.contractors.map((c) => [c.id, c.name]));
  for (const [cur, perContractor] of open) {
    const total = [...perContractor.values()].reduce((a, b) => a + b, 0);
    if (total <= 0) continue;
    for (const [contractorId, held] of perContractor) {
      const share = held / total;
      if (share <= s.maxOpenBudgetShare) continue;
      findings.push({
        rule: 3,
        code: 'open-budget-concentrated',
        severity: 'warning',
        message: `${names.get(contractorId) ?? `Contractor #${contractorId}`} holds ${Math.round(share * 100)}% of the open budget (${money(held, cur || undefined)} of ${money(total, cur || undefined)})`,
        records: [
          { kind: 'contractor', id: contractorId },
          ...roster.engagements
            .filter(
              (e) => e.contractorId === contractorId && e.status === 'active' && (e.currency ?? '') === cur,
            )
            .map((e) => ({ kind: 'engagement' as const, id: e.id })),
        ],
      });
    }
  }
  return findings;
}

const powerful = new Set(['admin', 'billing', 'owner']);

/**
 * Rule 4: three or more active accesses, any admin / billing / owner access, and any access still active
 * after a cancellation (the contractor dropped, or the engagement it was given for cancelled or ended).
 */
export function checkArmsLength(roster: Roster, s: Settings): Finding[] {
  const findings: Finding[] = [];
  const contractors = new Map(roster.contractors.map((c) => [c.id, c]));
  const engagements = new Map(roster.engagements.map((e) => [e.id, e]));
  const active = roster.accesses.filter((a) => a.revokedAt === undefined);
  const byContractor = new Map<RecordId, Access[]>();
  for (const a of active) byContractor.set(a.contractorId, [...(byContractor.get(a.contractorId) ?? []), a]);
  const name = (id: RecordId) => contractors.get(id)?.name ?? 'a contractor no longer tracked';

  for (const [contractorId, list] of byContractor) {
    if (list.length >= s.maxActiveAccesses) {
      findings.push({
        rule: 4,
        code: 'many-accesses',
        severity: 'warning',
        message: `${name(contractorId)} holds ${list.length} active accesses: ${list.map((a) => a.what).join(', ')}`,
        records: [
          { kind: 'contractor', id: contractorId },
          ...list.map((a) => ({ kind: 'access' as const, id: a.id })),
        ],
      });
    }
  }
  for (const a of active) {
    const c = contractors.get(a.contractorId);
    const e = a.engagementId === undefined ? undefined : engagements.get(a.engagementId);
    const refs: RecordRef[] = [
      { kind: 'access', id: a.id },
      { kind: 'contractor', id: a.contractorId },
    ];
    if (c?.status === 'dropped') {
      findings.push({
        rule: 4,
        code: 'access-after-cancel',
        severity: 'critical',
        message: `${name(a.contractorId)} was cancelled but still has ${a.level} access to ${a.what}: revoke it`,
        records: refs,
      });
    } else if (e && e.status !== 'active') {
      findings.push({
        rule: 4,
        code: 'access-after-engagement',
        severity: e.status === 'cancelled' ? 'critical' : 'warning',
        message: `"${e.title}" is ${e.status} but ${name(a.contractorId)} still has ${a.level} access to ${a.what}`,
        records: [...refs, { kind: 'engagement', id: e.id }],
      });
    }
    if (powerful.has(a.level)) {
      findings.push({
        rule: 4,
        code: 'powerful-access',
        severity: 'warning',
        message: `${name(a.contractorId)} has ${a.level} access to ${a.what} (since ${formatDay(a.grantedAt)})`,
        records: refs,
      });
    }
  }
  return findings;
}

/** Rule 5: the strike limit reached — cancel and move on; and excuses that keep coming back. */
export function checkNoExcuses(roster: Roster): Finding[] {
  const findings: Finding[] = [];
  for (const c of roster.contractors) {
    const a = c.assessment;
    if (a.verdict === 'cancel') {
      findings.push({
        rule: 5,
        code: 'strike-limit',
        severity: 'critical',
        message: `${c.name}: ${plural(a.strikes, 'strike')} in ${plural(a.strikeWindowDays, 'day')} (limit ${a.strikeLimit}). Cancel and move on.`,
        records: [
          { kind: 'contractor', id: c.id },
          ...a.why
            .filter((w) => w.strikeInWindow && w.eventId !== undefined)
            .map((w) => ({ kind: 'event' as const, id: w.eventId as RecordId })),
        ],
      });
    }
    for (const r of a.repeatedExcuses) {
      findings.push({
        rule: 5,
        code: 'repeated-excuse',
        severity: 'warning',
        message: `${c.name}: ${r.message}`,
        records: [
          { kind: 'contractor', id: c.id },
          ...r.eventIds.map((id) => ({ kind: 'event' as const, id })),
        ],
      });
    }
  }
  return findings;
}

/**
 * The care rule for one contractor: trusted, with enough on-time deliveries since the last reward to call
 * for one. Its message, or null.
 */
export function careDue(name: string, a: Assessment, s: Settings): string | null {
  if (a.verdict !== 'trusted' || a.onTimeSinceReward < s.careAfterOnTime) return null;
  return `${name} delivered on time ${a.onTimeSinceReward} times since the last reward: a bonus, a raise or a thank-you keeps them`;
}

/** The care rule over the roster. */
export function checkCare(roster: Roster, s: Settings): Finding[] {
  return roster.contractors.flatMap((c) => {
    const message = careDue(c.name, c.assessment, s);
    return message
      ? [
          {
            rule: 'care' as const,
            code: 'reward-due',
            severity: 'info' as const,
            message,
            records: [{ kind: 'contractor' as const, id: c.id }],
          },
        ]
      : [];
  });
}

const severityOrder: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** Every rule over the whole roster, most severe first. */
export function checkRoster(roster: Roster, s: Settings): Finding[] {
  return [
    ...checkTwoPerArea(roster, s),
    ...checkPayOnAcceptance(roster),
    ...checkNoHugeProject(roster, s),
    ...checkArmsLength(roster, s),
    ...checkNoExcuses(roster),
    ...checkCare(roster, s),
  ].sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
}
