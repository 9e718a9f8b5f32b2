import { OVERLAY_EVENTS, type OverlayView } from '../model/overlay-view';
import type { Contractor, HistoryEvent } from '../model/records';
import type { Assessment } from '../model/summary';
import { eventHeadline, headlinesFrom } from './event-labels';

/** The overlay's card for a contractor, worked out where the records are (the background). */
export function overlayViewOf(
  {
    contractor,
    events,
    assessment,
  }: { contractor: Pick<Contractor, 'name'>; events: HistoryEvent[]; assessment: Assessment },
  readOnly?: string,
): OverlayView {
  const headlines = headlinesFrom(assessment);
  return {
    name: contractor.name,
    verdict: assessment.verdict,
    score: assessment.score,
    confidence: assessment.confidence,
    reasons: assessment.reasons.slice(0, 5),
    events: events.slice(0, OVERLAY_EVENTS).map((event) => ({
      type: event.type,
      headline: headlines.get(event.id) ?? eventHeadline(event),
      at: event.at,
      ...('text' in event && event.text ? { text: event.text } : {}),
    })),
    moreEvents: Math.max(0, events.length - OVERLAY_EVENTS),
    ...(readOnly ? { readOnly } : {}),
  };
}
