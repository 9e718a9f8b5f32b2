import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../model/records';
import { defaultSettings } from '../model/settings';
import { assess } from '../scoring/score';
import { eventHeadline, headlinesFrom } from './event-labels';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 27, 12);
const base = { contractorId: '1', at: now - 2 * DAY, updatedAt: now };

describe('event headlines', () => {
  it('name each kind of event in words', () => {
    const events: HistoryEvent[] = [
      { ...base, id: '1', type: 'note', text: 'hi' },
      { ...base, id: '2', type: 'delivered', daysLate: 1 },
      { ...base, id: '3', type: 'deadline-missed', daysLate: 4 },
      { ...base, id: '4', type: 'excuse', text: 'wifi', category: 'connectivity' },
      { ...base, id: '5', type: 'reward', kind: 'bonus', amount: 50, currency: 'EUR' },
    ];
    expect(events.map(eventHeadline)).toEqual([
      'Note',
      'Delivered 1 day late',
      'Deadline missed by 4 days',
      'Excuse: internet / power / equipment',
      'Reward: bonus of 50 EUR',
    ]);
  });

  it('take a delivery’s lateness from the score, which knows grace days and milestones', () => {
    const assessment = assess(
      [{ kind: 'delivery', at: now - 2 * DAY, lateDays: 3, eventId: '7' }],
      defaultSettings,
      now,
    );
    expect(headlinesFrom(assessment).get('7')).toBe('Delivered late by 3 days');
  });
});
