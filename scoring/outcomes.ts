// The numbers of the reliability model, shared by the full assessment (score.ts, with its "why") and the
// roster's quick one (row-assessment.ts). Free of schemas, so the roster's first screen can load it alone.
import type { Settings } from '../model/settings';
import type { Confidence, Fact, Verdict } from '../model/summary';
import { dayOf } from './dates';

/** Recency weight of an outcome `ageDays` old: r = 0.5^(age / halfLife). Future outcomes weigh 1. */
export function recency(ageDays: number, halfLifeDays: number): number {
  return 0.5 ** (Math.max(0, ageDays) / halfLifeDays);
}

/** Score = round(100 × (2 + S) / (3 + S + F)) with the defaults; null without outcomes. */
export function scoreOf(S: number, F: number, outcomes: number, s: Settings): number | null {
  if (outcomes === 0) return null;
  return Math.round((100 * (s.priorSuccess + S)) / (s.priorTotal + S + F));
}

export function confidenceOf(n: number, s: Settings): Confidence {
  if (n < s.confidenceMedium) return 'low';
  if (n < s.confidenceHigh) return 'medium';
  return 'high';
}

/** Failure weight of something `d` days late past grace: 1 + min(1, d / 7). */
function lateFailure(d: number, s: Settings): number {
  return 1 + Math.min(1, d / s.lateScaleDays);
}

/** What one fact counts for: when, its unweighted success and failure, whether it is a strike. */
export type Outcome = { at: number; success: number; failure: number; strike: boolean; daysLate: number };

/**
 * The outcome of one fact at `now`, or null for a fact that is none (a reward, a deadline not passed yet,
 * a derived miss within grace). `time` is the fact's time (an open milestone's due date); `recorded`: a
 * "deadline missed" the user recorded (a miss even within grace) rather than one derived from a
 * renegotiation. The one rule shared by the full assessment and the roster's quick one.
 */
export function outcomeOf(
  kind: Fact['kind'],
  time: number,
  lateDays: number,
  recorded: boolean,
  s: Settings,
  now: number,
): Outcome | null {
  switch (kind) {
    case 'delivery': {
      const d = lateDays - s.graceDays;
      return d > 0
        ? { at: time, success: 0, failure: lateFailure(d, s), strike: true, daysLate: d }
        : { at: time, success: 1, failure: 0, strike: false, daysLate: 0 };
    }
    case 'missed': {
      const d = recorded ? Math.max(1, lateDays - s.graceDays) : lateDays - s.graceDays;
      return d > 0 ? { at: time, success: 0, failure: lateFailure(d, s), strike: true, daysLate: d } : null;
    }
    case 'open': {
      // Live: counted as if delivered now, d = days since due (past grace); it grows every day.
      const d = dayOf(now) - dayOf(time) - s.graceDays;
      return d > 0 ? { at: now, success: 0, failure: lateFailure(d, s), strike: true, daysLate: d } : null;
    }
    case 'excuse':
      return { at: time, success: 0, failure: s.excuseWeight, strike: true, daysLate: 0 };
    case 'quality':
      return { at: time, success: 0, failure: s.qualityWeight, strike: false, daysLate: 0 };
    case 'reward':
      return null;
  }
}

/** The verdict, first that holds: dropped → cancel → watch → trusted → ok → new. */
export function verdictOf(
  a: { dropped: boolean; strikes: number; score: number | null; outcomes: number },
  s: Settings,
): Verdict {
  if (a.dropped) return 'dropped';
  if (a.strikes >= s.strikeLimit) return 'cancel';
  if (a.strikes > 0 || (a.score !== null && a.score < s.watchBelow)) return 'watch';
  if (a.outcomes >= s.trustedMinOutcomes && a.score !== null && a.score >= s.trustedFrom) return 'trusted';
  return a.outcomes > 0 ? 'ok' : 'new';
}
