import { describe, expect, it } from 'vitest';
import type { Access, Engagement, Milestone } from '../model/records';
import { defaultSettings } from '../model/settings';
import type { Fact } from '../model/summary';
import { DAY_MS } from './dates';
import {
  checkArmsLength,
  checkCare,
  checkNoExcuses,
  checkNoHugeProject,
  checkPayOnAcceptance,
  checkRoster,
  checkTwoPerArea,
  type Roster,
  type RosterContractor,
} from './rules';
import { assess } from './score';

const NOW = Date.UTC(2025, 5, 1, 12);
const s = defaultSettings;
const onTime = (n: number, from = 0): Fact[] =>
  Array.from({ length: n }, (_, i) => ({
    kind: 'delivery',
    at: NOW - (i + from) * DAY_MS,
    lateDays: 0,
    eventId: `${100 + i}`,
  }));

function contractor(
  id: number,
  name: string,
  skills: string[],
  facts: Fact[],
  status: RosterContractor['status'] = 'active',
): RosterContractor {
  return {
    id: String(id),
    name,
    skills,
    status,
    assessment: assess(facts, s, NOW, status === 'dropped' ? NOW + DAY_MS : undefined),
  };
}
const roster = (over: Partial<Roster>): Roster => ({
  contractors: [],
  engagements: [],
  milestones: [],
  accesses: [],
  ...over,
});
const engagement = (
  id: number,
  contractorId: number,
  budget: number,
  status: Engagement['status'] = 'active',
): Engagement => ({
  id: String(id),
  contractorId: String(contractorId),
  updatedAt: NOW,
  title: `Job ${id}`,
  budget,
  currency: 'USD',
  startedAt: NOW - 30 * DAY_MS,
  status,
});
const milestone = (
  id: number,
  engagementId: number,
  contractorId: number,
  over: Partial<Milestone> = {},
): Milestone => ({
  id: String(id),
  engagementId: String(engagementId),
  contractorId: String(contractorId),
  updatedAt: NOW,
  amount: 500,
  currency: 'USD',
  dueAt: NOW,
  renegotiations: [],
  ...over,
});
const access = (
  id: number,
  contractorId: number,
  level: Access['level'],
  over: Partial<Access> = {},
): Access => ({
  id: String(id),
  contractorId: String(contractorId),
  updatedAt: NOW,
  what: `Thing ${id}`,
  level,
  grantedAt: NOW - DAY_MS,
  ...over,
});

describe('rule 1: two proven people per area', () => {
  it('counts only proven contractors: not dropped, an on-time delivery, ok or trusted', () => {
    const r = roster({
      contractors: [
        contractor(1, 'Ann', ['WordPress'], onTime(2)),
        contractor(2, 'Bob', ['wordpress'], []), // new: no on-time delivery
        contractor(3, 'Cy', ['WordPress'], onTime(3), 'dropped'),
        contractor(4, 'Dee', ['Copywriting'], onTime(1)),
        contractor(5, 'Eve', ['Copywriting'], onTime(2)),
      ],
    });
    const findings = checkTwoPerArea(r, s);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 1, severity: 'warning' });
    expect(findings[0]?.message).toContain('only Ann');
    expect(findings[0]?.records).toContainEqual({ kind: 'contractor', id: '2' });
  });

  it('an area known only from an engagement has nobody proven', () => {
    const findings = checkTwoPerArea(
      roster({ engagements: [{ ...engagement(1, 1, 100), skill: 'SEO' }] }),
      s,
    );
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'critical', records: [{ kind: 'skill', id: 'seo' }] }),
    ]);
  });
});

describe('rule 2: pay on acceptance', () => {
  it('flags payments before acceptance and totals what is paid but not accepted', () => {
    const r = roster({
      milestones: [
        milestone(1, 1, 1, { acceptedAt: NOW - 2 * DAY_MS, paidAt: NOW - DAY_MS }), // fine
        milestone(2, 1, 1, { acceptedAt: NOW, paidAt: NOW - DAY_MS }), // paid early, accepted later
        milestone(3, 1, 1, { paidAt: NOW - DAY_MS, amount: 300 }), // not accepted
        milestone(4, 1, 1, { paidAt: NOW - DAY_MS, amount: 200 }), // not accepted
      ],
    });
    const findings = checkPayOnAcceptance(r);
    expect(findings.map((f) => f.code).sort()).toEqual([
      'paid-before-acceptance',
      'paid-not-accepted',
      'paid-not-accepted',
      'paid-not-accepted-total',
    ]);
    expect(findings.find((f) => f.code === 'paid-not-accepted-total')?.message).toContain('500 USD');
  });
});

describe('rule 3: no huge project for one person', () => {
  it('wants milestones on a big engagement and flags one contractor holding most of the open budget', () => {
    const r = roster({
      contractors: [contractor(1, 'Ann', [], []), contractor(2, 'Bob', [], [])],
      engagements: [engagement(1, 1, 5000), engagement(2, 2, 1000), engagement(3, 2, 9000, 'completed')],
      milestones: [milestone(1, 1, 1)],
    });
    const findings = checkNoHugeProject(r, s);
    expect(findings.map((f) => f.code)).toEqual([
      'big-engagement-without-milestones',
      'open-budget-concentrated',
    ]);
    expect(findings[1]?.message).toBe('Ann holds 83% of the open budget (5,000 USD of 6,000 USD)');
  });

  it('what was paid no longer counts as open; exactly half is fine', () => {
    const r = roster({
      engagements: [engagement(1, 1, 1500), engagement(2, 2, 1000)],
      milestones: [milestone(1, 1, 1, { paidAt: NOW, acceptedAt: NOW }), milestone(2, 1, 1)],
    });
    expect(checkNoHugeProject(r, s)).toEqual([]);
  });
});

describe('rule 4: arm’s length', () => {
  it('flags three accesses, powerful levels and accesses left after a cancellation', () => {
    const r = roster({
      contractors: [contractor(1, 'Ann', [], []), contractor(2, 'Bob', [], [], 'dropped')],
      engagements: [engagement(7, 1, 100, 'cancelled')],
      accesses: [
        access(1, 1, 'view'),
        access(2, 1, 'edit'),
        access(3, 1, 'view', { engagementId: '7' }),
        access(4, 1, 'admin', { revokedAt: NOW }), // revoked: ignored
        access(5, 2, 'owner'),
      ],
    });
    const codes = checkArmsLength(r, s).map((f) => `${f.code}:${f.records[0]?.id}`);
    expect(codes.sort()).toEqual([
      'access-after-cancel:5',
      'access-after-engagement:3',
      'many-accesses:1',
      'powerful-access:5',
    ]);
  });
});

describe('rule 5 and the care rule', () => {
  it('the strike limit reached says cancel and move on, naming the strikes', () => {
    const late: Fact = { kind: 'delivery', at: NOW, lateDays: 2, eventId: '9' };
    const [finding] = checkNoExcuses(roster({ contractors: [contractor(1, 'Ann', [], [late])] }));
    expect(finding).toMatchObject({
      rule: 5,
      severity: 'critical',
      records: [
        { kind: 'contractor', id: '1' },
        { kind: 'event', id: '9' },
      ],
    });
    expect(finding?.message).toContain('Cancel and move on');
  });

  it('a trusted contractor with five on-time deliveries since the last reward deserves one', () => {
    const reward: Fact = { kind: 'reward', at: NOW - 2.5 * DAY_MS, eventId: '1' };
    expect(checkCare(roster({ contractors: [contractor(1, 'Ann', [], onTime(5))] }), s)).toHaveLength(1);
    expect(checkCare(roster({ contractors: [contractor(1, 'Ann', [], [...onTime(5), reward])] }), s)).toEqual(
      [],
    );
    expect(checkCare(roster({ contractors: [contractor(1, 'Ann', [], onTime(4))] }), s)).toEqual([]);
  });

  it('checkRoster puts critical findings first', () => {
    const findings = checkRoster(roster({ contractors: [contractor(1, 'Ann', ['SEO'], onTime(6))] }), s);
    expect(findings.map((f) => f.severity)).toEqual(['warning', 'info']);
  });
});
