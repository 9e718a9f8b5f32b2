import { describe, expect, it } from 'vitest';
import { OverlayView } from '../model/overlay-view';
import type { Engagement, HistoryEvent, Milestone } from '../model/records';
import { defaultSettings } from '../model/settings';
import type { Assessment } from '../model/summary';
import { overlayViewOf } from './overlay-view';

const M1 = '01JH0000000000000000000001';
const M2 = '01JH0000000000000000000002';
const base = { contractorId: 'dana', updatedAt: 0 };
const events: HistoryEvent[] = [
  { ...base, id: 'e4', at: 400, type: 'note', text: 'Sent the files' },
  { ...base, id: 'e3', at: 300, type: 'delivered', daysLate: 3 },
  { ...base, id: 'e2', at: 200, type: 'excuse', text: 'Power cut', category: 'connectivity' },
  { ...base, id: 'e1', at: 100, type: 'praise', text: 'Great logo' },
];
const assessment = {
  verdict: 'cancel',
  score: 41,
  confidence: 'medium',
  reasons: ['2 strikes in 365 days (limit 1): cancel and move on'],
  why: [
    { eventId: 'e3', headline: 'Delivered late by 3 days', day: 300, strikeInWindow: true },
    {
      milestoneId: M1,
      headline: 'Deadline missed, nothing delivered for 4 days',
      day: 250,
      strikeInWindow: true,
    },
  ],
} as unknown as Assessment;
const engagements: Engagement[] = [
  { id: 'g1', contractorId: 'dana', title: 'Brand refresh', startedAt: 0, status: 'active', updatedAt: 0 },
];
const milestone = (id: string, title: string, dueAt: number): Milestone => ({
  id,
  engagementId: 'g1',
  contractorId: 'dana',
  title,
  amount: 100,
  dueAt,
  renegotiations: [],
  updatedAt: 0,
});
const milestones = [milestone(M2, 'Website', 500), milestone(M1, 'Logo v2', 250)];
const base2 = { engagements, milestones, settings: defaultSettings };

describe("the overlay's card", () => {
  it('holds what the card shows: name, verdict, score, reasons and the latest two other events in words', () => {
    const view = overlayViewOf({ contractor: { name: 'Dana Demo' }, events, assessment, ...base2 });
    expect(view).toMatchObject({
      name: 'Dana Demo',
      verdict: 'cancel',
      score: 41,
      confidence: 'medium',
      reasons: ['2 strikes in 365 days (limit 1): cancel and move on'],
      // The late delivery is a strike, listed with the strikes.
      events: [
        { type: 'note', headline: 'Note', at: 400, text: 'Sent the files' },
        { type: 'excuse', headline: 'Excuse: internet / power / equipment', at: 200, text: 'Power cut' },
      ],
      moreEvents: 1,
    });
    expect(OverlayView.safeParse(view).success).toBe(true);
  });

  it('says why a red verdict is red: its strikes, a missed milestone named by its title', () => {
    const view = overlayViewOf({ contractor: { name: 'Dana Demo' }, events: [], assessment, ...base2 });
    expect(view.strikes).toEqual([
      { headline: 'Delivered late by 3 days', day: 300 },
      { headline: 'Logo v2 — Deadline missed, nothing delivered for 4 days', day: 250 },
    ]);
  });

  it('lists the open milestones, soonest due first, and none of an engagement that ended', () => {
    const view = overlayViewOf({ contractor: { name: 'Dana Demo' }, events, assessment, ...base2 });
    expect(view.milestones).toEqual([
      { id: M1, title: 'Logo v2', engagement: 'Brand refresh', dueAt: 250 },
      { id: M2, title: 'Website', engagement: 'Brand refresh', dueAt: 500 },
    ]);
    const ended = overlayViewOf({
      contractor: { name: 'Dana Demo' },
      events,
      assessment,
      ...base2,
      engagements: [{ ...(engagements[0] as Engagement), status: 'cancelled' }],
    });
    expect(ended.milestones).toEqual([]);
  });

  it('carries the care rule when it asks to reward them', () => {
    const trusted = { ...assessment, verdict: 'trusted', onTimeSinceReward: 5, why: [] } as Assessment;
    const view = overlayViewOf({ contractor: { name: 'Sam' }, events, assessment: trusted, ...base2 });
    expect(view.care).toMatch(/^Sam delivered on time 5 times since the last reward/);
    const fresh = overlayViewOf({
      contractor: { name: 'Sam' },
      events,
      assessment: { ...trusted, onTimeSinceReward: 4 },
      ...base2,
    });
    expect(fresh.care).toBeUndefined();
  });

  it('says when the records are read-only', () => {
    const view = overlayViewOf(
      { contractor: { name: 'Dana Demo' }, events: [], assessment, ...base2 },
      'Saved by a newer version',
    );
    expect(view).toMatchObject({ events: [], moreEvents: 0, readOnly: 'Saved by a newer version' });
  });
});
