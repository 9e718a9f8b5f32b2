import { NEVER_REHIRE } from '../model/cool-off';
import { excuseCategoryLabels } from '../model/excuses';
import type { Settings } from '../model/settings';
import type { Assessment, Confidence, Fact, Verdict, WhyItem } from '../model/summary';
import { DAY_MS, dayOf } from './dates';
import { repeatedExcuses } from './excuses';
import { formatDay, plural } from './format';

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
export function lateFailure(d: number, s: Settings): number {
  return 1 + Math.min(1, d / s.lateScaleDays);
}

const FOREVER = Number.MAX_SAFE_INTEGER;

/**
 * Score, confidence, strikes, verdict and the "why", from a contractor's facts at `now`.
 * `droppedUntil`: end of the cool-off after "cancel and move on", if any.
 */
export function assess(facts: readonly Fact[], s: Settings, now: number, droppedUntil?: number): Assessment {
  const why: WhyItem[] = [];
  const windowStart = now - s.strikeWindowDays * DAY_MS;
  const today = dayOf(now);
  let nextChangeAt = FOREVER;
  const soonest = (t: number) => {
    if (t > now && t < nextChangeAt) nextChangeAt = t;
  };
  let lastRewardAt = -1;
  for (const f of facts) if (f.kind === 'reward' && f.at <= now) lastRewardAt = Math.max(lastRewardAt, f.at);
  let onTime = 0;
  let onTimeSinceReward = 0;

  const push = (
    f: Fact,
    at: number,
    headline: string,
    outcome: { success?: number; failure?: number; strike?: boolean; daysLate?: number; day?: number },
  ) => {
    const r = recency((now - at) / DAY_MS, s.halfLifeDays);
    const success = outcome.success ?? 0;
    const failure = outcome.failure ?? 0;
    const strike = outcome.strike ?? false;
    const strikeInWindow = strike && at >= windowStart && at <= now;
    if (strike) soonest(at + s.strikeWindowDays * DAY_MS + 1);
    why.push({
      fact: f.kind,
      at,
      eventId: 'eventId' in f ? f.eventId : undefined,
      milestoneId: 'milestoneId' in f ? f.milestoneId : undefined,
      headline,
      day: outcome.day ?? at,
      daysLate: outcome.daysLate,
      recency: r,
      success,
      failure,
      contribution: r * success - r * failure,
      strike,
      strikeInWindow,
    });
  };

  for (const f of facts) {
    switch (f.kind) {
      case 'delivery': {
        const d = f.lateDays - s.graceDays;
        if (d > 0) {
          push(f, f.at, `Delivered late by ${plural(d, 'day')}`, {
            failure: lateFailure(d, s),
            strike: true,
            daysLate: d,
          });
        } else {
          onTime++;
          if (f.at > lastRewardAt) onTimeSinceReward++;
          push(f, f.at, 'Delivered on time', { success: 1, daysLate: 0 });
        }
        break;
      }
      case 'missed': {
        // A recorded "deadline missed" is a miss even within grace; a derived one only past grace.
        const d = f.eventId !== undefined ? Math.max(1, f.lateDays - s.graceDays) : f.lateDays - s.graceDays;
        if (d > 0) {
          const how = f.eventId !== undefined ? 'Deadline missed' : 'Deadline missed, then moved';
          push(f, f.at, `${how}: ${plural(d, 'day')} late`, {
            failure: lateFailure(d, s),
            strike: true,
            daysLate: d,
          });
        }
        break;
      }
      case 'open': {
        const d = today - dayOf(f.dueAt) - s.graceDays;
        if (d > 0) {
          // Live: counted as if delivered now, d = days since due (past grace); it grows every day.
          push(f, now, `Deadline missed, nothing delivered for ${plural(d, 'day')}`, {
            failure: lateFailure(d, s),
            strike: true,
            daysLate: d,
            day: f.dueAt,
          });
          soonest((today + 1) * DAY_MS);
        } else {
          soonest((dayOf(f.dueAt) + s.graceDays + 1) * DAY_MS);
        }
        break;
      }
      case 'excuse':
        push(f, f.at, `Excuse: ${excuseCategoryLabels[f.category]}`, {
          failure: s.excuseWeight,
          strike: true,
        });
        break;
      case 'quality':
        push(f, f.at, 'Quality problem', { failure: s.qualityWeight });
        break;
      case 'reward':
        break;
    }
  }

  const outcomes = why.filter((w) => w.success > 0 || w.failure > 0);
  const S = outcomes.reduce((sum, w) => sum + w.recency * w.success, 0);
  const F = outcomes.reduce((sum, w) => sum + w.recency * w.failure, 0);
  const n = S + F;
  const score = scoreOf(S, F, outcomes.length, s);
  if (outcomes.length > 0) soonest(now + DAY_MS); // recency decays: refresh daily
  const strikes = why.filter((w) => w.strikeInWindow).length;

  const reasons: string[] = [];
  const window = `in the last ${plural(s.strikeWindowDays, 'day')}`;
  let verdict: Verdict;
  if (droppedUntil !== undefined && now < droppedUntil) {
    verdict = 'dropped';
    reasons.push(
      droppedUntil >= NEVER_REHIRE
        ? 'You cancelled and moved on, never to rehire them'
        : `You cancelled and moved on; cool-off until ${formatDay(droppedUntil)}`,
    );
    soonest(droppedUntil);
  } else if (strikes >= s.strikeLimit) {
    verdict = 'cancel';
    reasons.push(`${plural(strikes, 'strike')} ${window} (limit ${s.strikeLimit}): cancel and move on`);
  } else if (strikes > 0 || (score !== null && score < s.watchBelow)) {
    verdict = 'watch';
    if (strikes > 0) reasons.push(`${plural(strikes, 'strike')} ${window} (limit ${s.strikeLimit})`);
    if (score !== null && score < s.watchBelow) reasons.push(`Score ${score} is below ${s.watchBelow}`);
  } else if (outcomes.length >= s.trustedMinOutcomes && score !== null && score >= s.trustedFrom) {
    verdict = 'trusted';
    reasons.push(`Score ${score} from ${plural(outcomes.length, 'outcome')}, no strikes ${window}`);
  } else if (outcomes.length > 0) {
    verdict = 'ok';
    reasons.push(`Score ${score}, no strikes ${window}`);
  } else {
    verdict = 'new';
    reasons.push('No deliveries or deadlines recorded yet');
  }

  return {
    at: now,
    score,
    confidence: confidenceOf(n, s),
    S,
    F,
    n,
    outcomes: outcomes.length,
    strikes,
    strikeLimit: s.strikeLimit,
    strikeWindowDays: s.strikeWindowDays,
    verdict,
    reasons,
    why: why.sort((a, b) => b.at - a.at),
    onTime,
    onTimeSinceReward,
    repeatedExcuses: repeatedExcuses(facts, s, now),
    nextChangeAt,
  };
}

/** "−1.4", "+0.9": a contribution as the "why" shows it. */
export function formatContribution(c: number): string {
  const v = Math.round(c * 10) / 10;
  return `${v < 0 ? '−' : '+'}${Math.abs(v).toFixed(1)}`;
}
