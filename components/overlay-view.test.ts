import { describe, expect, it } from 'vitest';
import { OverlayView } from '../model/overlay-view';
import type { HistoryEvent } from '../model/records';
import type { Assessment } from '../model/summary';
import { overlayViewOf } from './overlay-view';

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
  why: [{ eventId: 'e3', headline: 'Delivered late by 3 days', day: 300 }],
} as unknown as Assessment;

describe("the overlay's card", () => {
  it('holds what the card shows: name, verdict, score, reasons and the latest three events in words', () => {
    const view = overlayViewOf({ contractor: { name: 'Dana Demo' }, events, assessment });
    expect(view).toEqual({
      name: 'Dana Demo',
      verdict: 'cancel',
      score: 41,
      confidence: 'medium',
      reasons: ['2 strikes in 365 days (limit 1): cancel and move on'],
      events: [
        { type: 'note', headline: 'Note', at: 400, text: 'Sent the files' },
        { type: 'delivered', headline: 'Delivered late by 3 days', at: 300 },
        { type: 'excuse', headline: 'Excuse: internet / power / equipment', at: 200, text: 'Power cut' },
      ],
      moreEvents: 1,
    });
    expect(OverlayView.safeParse(view).success).toBe(true);
  });

  it('says when the records are read-only', () => {
    const view = overlayViewOf(
      { contractor: { name: 'Dana Demo' }, events: [], assessment },
      'Saved by a newer version',
    );
    expect(view).toMatchObject({ events: [], moreEvents: 0, readOnly: 'Saved by a newer version' });
  });
});
