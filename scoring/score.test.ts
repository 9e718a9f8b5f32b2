import { describe, expect, it } from 'vitest';
import type { Engagement, HistoryEvent, Milestone } from '../model/records';
import { changeSettings, defaultSettings, type Settings } from '../model/settings';
import type { Fact } from '../model/summary';
import { DAY_MS } from './dates';
import { deriveFacts } from './facts';
import { formatDay } from './format';
import { recency } from './outcomes';
import { assess, formatContribution } from './score';

// The design guide's formulas, written out independently of the code under test.
const guideScore = (S: number, F: number) => Math.round((100 * (2 + S)) / (3 + S + F));
const late = (d: number) => 1 + Math.min(1, d / 7);

const NOW = Date.UTC(2025, 2, 20, 15, 0); // 20 Mar 2025, 15:00 UTC
const daysAgo = (n: number, hour = 12) => Date.UTC(2025, 2, 20 - n, hour);
const strict = defaultSettings;
const standard = changeSettings(defaultSettings, { policy: 'standard' });
const lenient = changeSettings(defaultSettings, { policy: 'lenient' });

const delivery = (ago: number, lateDays = 0): Extract<Fact, { kind: 'delivery' }> => ({
  kind: 'delivery',
  at: daysAgo(ago),
  lateDays,
  eventId: '1',
});

type Case = {
  name: string;
  facts: Fact[];
  settings?: Settings;
  droppedUntil?: number;
  score: number | null;
  verdict: string;
  strikes: number;
  confidence?: string;
};

const cases: Case[] = [
  { name: 'no history', facts: [], score: null, verdict: 'new', strikes: 0, confidence: 'low' },
  { name: 'one on-time delivery', facts: [delivery(0)], score: guideScore(1, 0), verdict: 'ok', strikes: 0 },
  {
    name: 'a deadline today, nothing delivered yet: no outcome',
    facts: [{ kind: 'open', dueAt: Date.UTC(2025, 2, 20), milestoneId: '1' }],
    score: null,
    verdict: 'new',
    strikes: 0,
  },
  {
    name: 'an open milestone 4 days past due (live missed deadline, d = days since due)',
    facts: [{ kind: 'open', dueAt: Date.UTC(2025, 2, 16), milestoneId: '1' }],
    score: guideScore(0, late(4)),
    verdict: 'cancel',
    strikes: 1,
  },
  {
    name: 'the same open milestone under lenient: d = 4 − 2 days grace, 1 strike of 3',
    facts: [{ kind: 'open', dueAt: Date.UTC(2025, 2, 16), milestoneId: '1' }],
    settings: lenient,
    score: guideScore(0, late(2)),
    verdict: 'watch',
    strikes: 1,
  },
  {
    name: 'delivered 3 days late, strict: one strike is the limit',
    facts: [delivery(0, 3)],
    score: guideScore(0, late(3)),
    verdict: 'cancel',
    strikes: 1,
  },
  {
    name: 'delivered 3 days late, standard: 1 day grace, limit 2',
    facts: [delivery(0, 3)],
    settings: standard,
    score: guideScore(0, late(2)),
    verdict: 'watch',
    strikes: 1,
  },
  {
    name: 'delivered 2 days late, lenient: within grace, on time',
    facts: [delivery(0, 2)],
    settings: lenient,
    score: guideScore(1, 0),
    verdict: 'ok',
    strikes: 0,
  },
  {
    name: 'late by 20 days: failure capped at 2',
    facts: [delivery(0, 20)],
    score: guideScore(0, 2),
    verdict: 'cancel',
    strikes: 1,
  },
  {
    name: 'an excuse is a strike worth 0.5',
    facts: [delivery(0), { kind: 'excuse', at: daysAgo(0), category: 'illness', eventId: '2' }],
    score: guideScore(1, 0.5),
    verdict: 'cancel',
    strikes: 1,
  },
  {
    name: 'a quality problem fails 0.5 but is no strike',
    facts: [delivery(0), delivery(0), { kind: 'quality', at: daysAgo(0), eventId: '3' }],
    score: guideScore(2, 0.5),
    verdict: 'ok',
    strikes: 0,
  },
  {
    name: 'a quality problem alone: score below 60 is watch',
    facts: [{ kind: 'quality', at: daysAgo(0), eventId: '3' }],
    score: guideScore(0, 0.5),
    verdict: 'watch',
    strikes: 0,
  },
  {
    name: 'three on-time deliveries score 83: ok, not trusted',
    facts: [delivery(0), delivery(1), delivery(2)].map((f) => ({ ...f, at: NOW })),
    score: guideScore(3, 0),
    verdict: 'ok',
    strikes: 0,
    confidence: 'medium',
  },
  {
    name: 'four on-time deliveries score 86: trusted',
    facts: [0, 0, 0, 0].map(() => ({ ...delivery(0), at: NOW })),
    score: guideScore(4, 0),
    verdict: 'trusted',
    strikes: 0,
  },
  {
    name: 'recency: a delivery 180 days ago counts half',
    facts: [{ ...delivery(0), at: NOW - 180 * DAY_MS }],
    score: guideScore(0.5, 0),
    verdict: 'ok',
    strikes: 0,
    confidence: 'low',
  },
  {
    name: 'a strike 400 days ago is outside the strict window; its faded weight leaves a score of 61',
    facts: [{ ...delivery(0, 3), at: NOW - 400 * DAY_MS }],
    score: guideScore(0, late(3) * 0.5 ** (400 / 180)),
    verdict: 'ok',
    strikes: 0,
  },
  {
    name: 'a strike 200 days ago: in the strict window (365), outside standard (180)',
    facts: [
      { ...delivery(0, 3), at: NOW - 200 * DAY_MS },
      ...Array.from({ length: 8 }, () => ({ ...delivery(0), at: NOW })),
    ],
    settings: standard,
    score: guideScore(8, late(2) * 0.5 ** (200 / 180)),
    verdict: 'trusted',
    strikes: 0,
  },
  {
    name: 'cancelled by the user, cool-off active: dropped comes first',
    facts: [delivery(0, 3)],
    droppedUntil: NOW + DAY_MS,
    score: guideScore(0, late(3)),
    verdict: 'dropped',
    strikes: 1,
  },
  {
    name: 'cool-off over: the verdict falls through to the strikes',
    facts: [delivery(0, 3)],
    droppedUntil: NOW - 1,
    score: guideScore(0, late(3)),
    verdict: 'cancel',
    strikes: 1,
  },
  {
    name: 'custom policy: 3 strikes in 30 days',
    facts: [delivery(0, 3), delivery(1, 3)],
    settings: changeSettings(defaultSettings, { policy: 'custom', strikeLimit: 3, strikeWindowDays: 30 }),
    score: guideScore(0, late(3) * recency(0, 180) + late(3) * recency((NOW - daysAgo(1)) / DAY_MS, 180)),
    verdict: 'watch',
    strikes: 2,
  },
];

describe('assess: score and verdict, case by case', () => {
  it.each(cases)('$name', (c) => {
    const a = assess(c.facts, c.settings ?? strict, NOW, c.droppedUntil);
    expect(a.score).toBe(c.score);
    expect(a.verdict).toBe(c.verdict);
    expect(a.strikes).toBe(c.strikes);
    if (c.confidence) expect(a.confidence).toBe(c.confidence);
    expect(a.reasons.length).toBeGreaterThan(0);
  });
});

describe('confidence from n = S + F', () => {
  it.each([
    [1, 'low'],
    [2, 'medium'],
    [5, 'medium'],
    [6, 'high'],
  ])('%i on-time deliveries today → %s', (count, confidence) => {
    const a = assess(
      Array.from({ length: count }, () => ({ ...delivery(0), at: NOW })),
      strict,
      NOW,
    );
    expect(a.n).toBeCloseTo(count, 10);
    expect(a.confidence).toBe(confidence);
  });
});

describe('the why', () => {
  it('lists each outcome, newest first, with its signed weighted contribution', () => {
    const a = assess([delivery(10), delivery(0, 3)], strict, NOW);
    expect(a.why.map((w) => `${w.headline} (${formatDay(w.day)})`)).toEqual([
      'Delivered late by 3 days (20 Mar 2025)',
      'Delivered on time (10 Mar 2025)',
    ]);
    const [lateOne, onTime] = a.why;
    expect(lateOne?.contribution).toBeCloseTo(-late(3) * 0.5 ** (3 / 24 / 180), 10); // recorded 3 h ago
    expect(formatContribution(lateOne?.contribution ?? 0)).toBe('−1.4');
    expect(onTime?.contribution).toBeCloseTo(0.5 ** ((NOW - daysAgo(10)) / DAY_MS / 180), 10);
    expect(a.S - a.F).toBeCloseTo(
      a.why.reduce((s, w) => s + w.contribution, 0),
      10,
    );
  });

  it('reports when the verdict next changes on its own', () => {
    const dueTomorrow: Fact = { kind: 'open', dueAt: Date.UTC(2025, 2, 21), milestoneId: '1' };
    expect(assess([dueTomorrow], strict, NOW).nextChangeAt).toBe(Date.UTC(2025, 2, 22));
    const strike = delivery(0, 1);
    expect(assess([strike], strict, NOW).nextChangeAt).toBe(NOW + DAY_MS); // daily recency refresh first
    expect(assess([], strict, NOW, NOW + 5).nextChangeAt).toBe(NOW + 5);
  });

  it('counts on-time deliveries since the last reward', () => {
    const facts: Fact[] = [
      delivery(9),
      delivery(8),
      { kind: 'reward', at: daysAgo(7), eventId: '9' },
      delivery(3),
      delivery(1),
    ];
    const a = assess(facts, strict, NOW);
    expect(a.onTime).toBe(4);
    expect(a.onTimeSinceReward).toBe(2);
  });
});

describe('deriveFacts: lateness from milestones', () => {
  const engagement: Engagement = {
    id: '1',
    contractorId: '1',
    title: 'Site',
    startedAt: daysAgo(30),
    status: 'active',
    updatedAt: daysAgo(30),
  };
  const milestone = (over: Partial<Milestone> = {}): Milestone => ({
    id: '5',
    engagementId: '1',
    contractorId: '1',
    amount: 100,
    dueAt: Date.UTC(2025, 2, 10),
    renegotiations: [],
    updatedAt: daysAgo(30),
    ...over,
  });
  const delivered = (at: number, extra: Partial<HistoryEvent> = {}): HistoryEvent =>
    ({ id: '7', contractorId: '1', type: 'delivered', at, milestoneId: '5', ...extra }) as HistoryEvent;

  it('a delivery on the due day, even late in the evening, is on time', () => {
    const facts = deriveFacts([delivered(Date.UTC(2025, 2, 10, 23, 59))], [milestone()], [engagement]);
    expect(facts).toEqual([
      { kind: 'delivery', at: Date.UTC(2025, 2, 10, 23, 59), lateDays: 0, eventId: '7', milestoneId: '5' },
    ]);
  });

  it('a delivery before the due day is on time (delivered early)', () => {
    const facts = deriveFacts([delivered(Date.UTC(2025, 2, 4))], [milestone()], [engagement]);
    expect(facts[0]).toMatchObject({ kind: 'delivery', lateDays: 0 });
  });

  it('a renegotiated deadline met is on time', () => {
    const m = milestone({
      renegotiations: [{ at: Date.UTC(2025, 2, 8), dueAt: Date.UTC(2025, 2, 15), reason: 'scope' }],
    });
    const facts = deriveFacts([delivered(Date.UTC(2025, 2, 14))], [m], [engagement]);
    expect(facts).toHaveLength(1);
    expect(assess(facts, strict, NOW).verdict).toBe('ok');
  });

  it('moving a deadline after it passed keeps the miss', () => {
    const m = milestone({ renegotiations: [{ at: Date.UTC(2025, 2, 13), dueAt: Date.UTC(2025, 2, 18) }] });
    const facts = deriveFacts([delivered(Date.UTC(2025, 2, 17))], [m], [engagement]);
    expect(facts.map((f) => f.kind)).toEqual(['missed', 'delivery']);
    expect(facts[0]).toMatchObject({ lateDays: 3 });
    expect(assess(facts, strict, NOW).strikes).toBe(1);
  });

  it('an undelivered milestone of an active engagement is open; of a cancelled one it is not', () => {
    expect(deriveFacts([], [milestone()], [engagement])).toEqual([
      { kind: 'open', dueAt: Date.UTC(2025, 2, 10), milestoneId: '5' },
    ]);
    expect(deriveFacts([], [milestone()], [{ ...engagement, status: 'cancelled' }])).toEqual([]);
  });

  it('a recorded "deadline missed" on a milestone is not counted twice', () => {
    const missed = {
      id: '8',
      contractorId: '1',
      type: 'deadline-missed',
      at: daysAgo(1),
      milestoneId: '5',
    } as HistoryEvent;
    const facts = deriveFacts([missed], [milestone()], [engagement]);
    expect(facts.map((f) => f.kind)).toEqual(['open']);
  });

  it('a delivery without a milestone is late by the days entered', () => {
    const e = { id: '3', contractorId: '1', type: 'delivered', at: daysAgo(0), daysLate: 4 } as HistoryEvent;
    expect(deriveFacts([e], [], [])[0]).toMatchObject({ kind: 'delivery', lateDays: 4 });
  });
});

describe('policy changes', () => {
  it('the same history reads differently under each policy', () => {
    const facts = [delivery(0, 1), delivery(3), delivery(5)];
    expect(assess(facts, strict, NOW).verdict).toBe('cancel');
    expect(assess(facts, standard, NOW).verdict).toBe('ok'); // 1 day late is within grace
    expect(assess(facts, lenient, NOW).verdict).toBe('ok');
  });

  it('editing a policy number makes it custom; picking a policy sets its numbers', () => {
    const custom = changeSettings(defaultSettings, { graceDays: 3 });
    expect(custom.policy).toBe('custom');
    expect(changeSettings(custom, { policy: 'standard' })).toMatchObject({
      policy: 'standard',
      strikeLimit: 2,
      strikeWindowDays: 180,
      graceDays: 1,
    });
  });
});
