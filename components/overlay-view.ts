import { OVERLAY_EVENTS, OVERLAY_MILESTONES, OVERLAY_STRIKES, type OverlayView } from '../model/overlay-view';
import type { Contractor, Engagement, HistoryEvent, Milestone } from '../model/records';
import type { Settings } from '../model/settings';
import type { Assessment } from '../model/summary';
import { openMilestones } from '../scoring/deadlines';
import { careDue } from '../scoring/rules';
import { eventHeadline, headlinesFrom } from './event-labels';
import { strikesOf } from './strikes';

/** The overlay's card for a contractor, worked out where the records are (the background). */
export function overlayViewOf(
  view: {
    contractor: Pick<Contractor, 'name'>;
    events: HistoryEvent[];
    engagements: Engagement[];
    milestones: Milestone[];
    assessment: Assessment;
    settings: Settings;
  },
  readOnly?: string,
): OverlayView {
  const { contractor, events, assessment } = view;
  const headlines = headlinesFrom(assessment);
  const care = careDue(contractor.name, assessment, view.settings);
  const struck = new Set(assessment.why.filter((w) => w.strikeInWindow).map((w) => w.eventId));
  const latest = events.filter((e) => !struck.has(e.id));
  return {
    name: contractor.name,
    verdict: assessment.verdict,
    score: assessment.score,
    confidence: assessment.confidence,
    reasons: assessment.reasons.slice(0, 5),
    // The strikes are listed apart: the latest events are what else happened.
    events: latest.slice(0, OVERLAY_EVENTS).map((event) => ({
      type: event.type,
      headline: headlines.get(event.id) ?? eventHeadline(event),
      at: event.at,
      ...('text' in event && event.text ? { text: event.text } : {}),
    })),
    moreEvents: Math.max(0, latest.length - OVERLAY_EVENTS),
    strikes: strikesOf(assessment, view.milestones).slice(0, OVERLAY_STRIKES),
    milestones: openMilestones(view.milestones, view.engagements)
      .slice(0, OVERLAY_MILESTONES)
      .map(({ milestone, engagement, dueAt }) => ({
        id: milestone.id,
        title: milestone.title || 'Milestone',
        engagement: engagement.title,
        dueAt,
      })),
    ...(care ? { care } : {}),
    ...(readOnly ? { readOnly } : {}),
  };
}
