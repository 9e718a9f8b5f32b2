import { describe, expect, it } from 'vitest';
import { newId } from './ids';
import {
  Access,
  Contractor,
  Engagement,
  HistoryEvent,
  MetricSnapshot,
  Milestone,
  NewEvent,
  ProfileRecord,
} from './records';
import { defaultSettings, Settings } from './settings';
import { parseRecord, ValidationError } from './validation';
import type { z } from './zod';

const ID = newId(0);
const stored = { id: ID, updatedAt: 0 };
const contractor = { ...stored, name: 'Dana', createdAt: 0 };
const profile = {
  key: 'upwork:~01',
  platform: 'upwork',
  id: '~01',
  contractorId: ID,
  name: 'Dana',
  url: 'https://www.upwork.com/freelancers/~01',
  lastSeenAt: 0,
  updatedAt: 0,
};
const engagement = {
  ...stored,
  contractorId: ID,
  title: 'Site',
  startedAt: 0,
  status: 'active',
  budget: 100,
  currency: 'USD',
};
const milestone = { ...stored, engagementId: ID, contractorId: ID, amount: 100, dueAt: 0 };
const event = { ...stored, contractorId: ID, at: 0 };
const access = { ...stored, contractorId: ID, what: 'WordPress admin', level: 'admin', grantedAt: 0 };
const snapshot = { id: ID, profileKey: 'upwork:~01', at: 0, metrics: { rating: 4.9 } };

const cases: [string, z.ZodType, unknown, string][] = [
  ['contractor without a name', Contractor, { ...contractor, name: '  ' }, 'name'],
  ['contractor numbered as before schema 3', Contractor, { ...contractor, id: 1 }, 'id'],
  ['contractor without its last change', Contractor, { ...contractor, updatedAt: undefined }, 'updatedAt'],
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
    { ...event, contractorId: 'dana', type: 'note', text: 'x' },
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

describe('new records', () => {
  it('are checked without the id and last change the database gives them', () => {
    const { id: _id, updatedAt: _updatedAt, ...fields } = event;
    expect(parseRecord(NewEvent, { ...fields, type: 'praise', text: 'great' })).toEqual({
      contractorId: ID,
      at: 0,
      type: 'praise',
      text: 'great',
    });
    expect(() => parseRecord(NewEvent, { ...fields, type: 'praise', text: ' ' })).toThrow(/^text: /);
  });
});
