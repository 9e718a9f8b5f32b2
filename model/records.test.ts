import { describe, expect, it } from 'vitest';
import {
  Access,
  Contractor,
  Engagement,
  HistoryEvent,
  MetricSnapshot,
  Milestone,
  ProfileRecord,
  parseNewEvent,
} from './records';
import { defaultSettings, Settings } from './settings';
import { parseRecord, ValidationError } from './validation';
import type { z } from './zod';

const contractor = { id: 1, name: 'Dana', createdAt: 0 };
const profile = {
  key: 'upwork:~01',
  platform: 'upwork',
  id: '~01',
  contractorId: 1,
  name: 'Dana',
  url: 'https://www.upwork.com/freelancers/~01',
  lastSeenAt: 0,
};
const engagement = {
  id: 1,
  contractorId: 1,
  title: 'Site',
  startedAt: 0,
  status: 'active',
  budget: 100,
  currency: 'USD',
};
const milestone = { id: 1, engagementId: 1, contractorId: 1, amount: 100, dueAt: 0 };
const event = { id: 1, contractorId: 1, at: 0 };
const access = { id: 1, contractorId: 1, what: 'WordPress admin', level: 'admin', grantedAt: 0 };
const snapshot = { id: 1, profileKey: 'upwork:~01', contractorId: 1, at: 0, metrics: { rating: 4.9 } };

const cases: [string, z.ZodType, unknown, string][] = [
  ['contractor without a name', Contractor, { ...contractor, name: '  ' }, 'name'],
  ['contractor with a bad status', Contractor, { ...contractor, status: 'gone' }, 'status'],
  ['contractor with an empty skill', Contractor, { ...contractor, skills: [''] }, 'skills.0'],
  ['contractor with a negative cool-off', Contractor, { ...contractor, coolOffUntil: -1 }, 'coolOffUntil'],
  ['profile with a key lacking its platform', ProfileRecord, { ...profile, key: '~01' }, 'key'],
  ['profile with a malformed platform', ProfileRecord, { ...profile, platform: 'My Space' }, 'platform'],
  ['profile with a bad url', ProfileRecord, { ...profile, url: 'not a url' }, 'url'],
  ['engagement without a title', Engagement, { ...engagement, title: '' }, 'title'],
  ['engagement with a bad status', Engagement, { ...engagement, status: 'paused' }, 'status'],
  ['engagement with a negative budget', Engagement, { ...engagement, budget: -5 }, 'budget'],
  [
    'engagement with a budget but no currency',
    Engagement,
    { ...engagement, currency: undefined },
    'currency',
  ],
  ['engagement with a lower-case currency', Engagement, { ...engagement, currency: 'usd' }, 'currency'],
  ['milestone with a negative amount', Milestone, { ...milestone, amount: -1 }, 'amount'],
  ['milestone without a due date', Milestone, { ...milestone, dueAt: undefined }, 'dueAt'],
  [
    'milestone with a renegotiation lacking its date',
    Milestone,
    { ...milestone, renegotiations: [{ dueAt: 5 }] },
    'renegotiations.0.at',
  ],
  ['milestone with a fractional paid date', Milestone, { ...milestone, paidAt: 1.5 }, 'paidAt'],
  ['event of an unknown type', HistoryEvent, { ...event, type: 'gossip' }, 'type'],
  ['note without text', HistoryEvent, { ...event, type: 'note', text: ' ' }, 'text'],
  [
    'delivery with negative days late',
    HistoryEvent,
    { ...event, type: 'delivered', daysLate: -2 },
    'daysLate',
  ],
  ['excuse without a category', HistoryEvent, { ...event, type: 'excuse', text: 'sick' }, 'category'],
  [
    'excuse with an unknown category',
    HistoryEvent,
    { ...event, type: 'excuse', text: 'sick', category: 'aliens' },
    'category',
  ],
  ['quality problem without text', HistoryEvent, { ...event, type: 'quality-problem', text: '' }, 'text'],
  ['reward of an unknown kind', HistoryEvent, { ...event, type: 'reward', kind: 'cake' }, 'kind'],
  ['access event without its access', HistoryEvent, { ...event, type: 'access-granted' }, 'accessId'],
  [
    'event without a contractor',
    HistoryEvent,
    { ...event, contractorId: 0, type: 'note', text: 'x' },
    'contractorId',
  ],
  ['event without a date', HistoryEvent, { ...event, at: undefined, type: 'cancelled' }, 'at'],
  ['access without what', Access, { ...access, what: '' }, 'what'],
  ['access with an unknown level', Access, { ...access, level: 'god' }, 'level'],
  [
    'snapshot with a rating above 5',
    MetricSnapshot,
    { ...snapshot, metrics: { rating: 7 } },
    'metrics.rating',
  ],
  ['settings with an unknown policy', Settings, { ...defaultSettings, policy: 'harsh' }, 'policy'],
  ['settings with a zero strike limit', Settings, { ...defaultSettings, strikeLimit: 0 }, 'strikeLimit'],
  [
    'settings with a share above 1',
    Settings,
    { ...defaultSettings, maxOpenBudgetShare: 2 },
    'maxOpenBudgetShare',
  ],
  [
    'settings with confidence thresholds crossed',
    Settings,
    { ...defaultSettings, confidenceHigh: 1 },
    'confidenceHigh',
  ],
];

describe('every schema rejects a malformed record, naming the field', () => {
  it.each(cases)('%s', (_name, schema, input, field) => {
    expect(() => parseRecord(schema, input)).toThrow(ValidationError);
    expect(() => parseRecord(schema, input)).toThrow(new RegExp(`(^|; )${field.replace('.', '\\.')}: `));
  });

  it('accepts the well-formed records the cases start from', () => {
    for (const [schema, input] of [
      [Contractor, contractor],
      [ProfileRecord, profile],
      [Engagement, engagement],
      [Milestone, milestone],
      [HistoryEvent, { ...event, type: 'note', text: 'hello' }],
      [Access, access],
      [MetricSnapshot, snapshot],
      [Settings, defaultSettings],
    ] as const) {
      expect(() => parseRecord(schema as z.ZodType, input)).not.toThrow();
    }
  });
});

describe('parseNewEvent', () => {
  it('rejects an event in the future', () => {
    expect(() => parseNewEvent({ contractorId: 1, type: 'note', text: 'hi', at: 1001 }, 1000)).toThrow(
      /^at: .*future/,
    );
  });
  it('accepts an event at now and returns it without an id', () => {
    expect(parseNewEvent({ contractorId: 1, type: 'praise', text: 'great', at: 1000 }, 1000)).toEqual({
      contractorId: 1,
      type: 'praise',
      text: 'great',
      at: 1000,
    });
  });
});
