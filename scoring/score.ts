import { NEVER_REHIRE } from '../model/cool-off';
import { excuseCategoryLabels } from '../model/excuses';
import type { Settings } from '../model/settings';
import type { Assessment, Fact, WhyItem } from '../model/summary';
import { DAY_MS, dayOf } from './dates';
import { repeatedExcuses } from './excuses';
import { factTime } from './facts';
import { formatDay, plural } from './format';
import { confidenceOf, type Outcome, outcomeOf, recency, scoreOf, verdictOf } from './outcomes';

const FOREVER = Number.MAX_SAFE_INTEGER;

/** What a fact was, in words; the surfaces write the day next to it. */
function headlineOf(f: Fact, d: number): string {
  switch (f.kind) {
    case 'delivery':
      return d > 0 ? `Delivered late by ${plural(d, 'day')}` : 'Delivered on time';
    case 'missed':
      return `${f.eventId !== undefined ? 'Deadline missed' : 'Deadline missed, then moved'}: ${plural(d, 'day')} late`;
    case 'open':
      return `Deadline missed, nothing delivered for ${plural(d, 'day')}`;
    case 'excuse':
      return `Excuse: ${excuseCategoryLabels[f.category]}`;
    case 'quality':
      return 'Quality problem';
    case 'reward':
      return '';
  }
}

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

  const push = (f: Fact, at: number, headline: string, outcome: Outcome) => {
    const r = recency((now - at) / DAY_MS, s.halfLifeDays);
    const { success, failure, strike } = outcome;
    const strikeInWindow = strike && at >= windowStart && at <= now;
    if (strike) soonest(at + s.strikeWindowDays * DAY_MS + 1);
    why.push({
      fact: f.kind,
      at,
      eventId: 'eventId' in f ? f.eventId : undefined,
      milestoneId: 'milestoneId' in f ? f.milestoneId : undefined,
      headline,
      // The day a line is dated by: for a deadline still open, its due day.
      day: f.kind === 'open' ? f.dueAt : at,
      daysLate: failure > 0 && outcome.daysLate === 0 ? undefined : outcome.daysLate,
      recency: r,
      success,
      failure,
      contribution: r * success - r * failure,
      strike,
      strikeInWindow,
    });
  };

  for (const f of facts) {
    const recorded = 'eventId' in f && f.eventId !== undefined;
    const o = outcomeOf(f.kind, factTime(f), 'lateDays' in f ? f.lateDays : 0, recorded, s, now);
    if (f.kind === 'open') {
      const d = today - dayOf(f.dueAt) - s.graceDays;
      soonest(d > 0 ? (today + 1) * DAY_MS : (dayOf(f.dueAt) + s.graceDays + 1) * DAY_MS);
    }
    if (!o) continue;
    if (o.success > 0) {
      onTime++;
      if (o.at > lastRewardAt) onTimeSinceReward++;
    }
    push(f, o.at, headlineOf(f, o.daysLate), o);
  }

  const outcomes = why.filter((w) => w.success > 0 || w.failure > 0);
  const S = outcomes.reduce((sum, w) => sum + w.recency * w.success, 0);
  const F = outcomes.reduce((sum, w) => sum + w.recency * w.failure, 0);
  const n = S + F;
  const score = scoreOf(S, F, outcomes.length, s);
  if (outcomes.length > 0) soonest(now + DAY_MS); // recency decays: refresh daily
  const strikes = why.filter((w) => w.strikeInWindow).length;

  const dropped = droppedUntil !== undefined && now < droppedUntil;
  const verdict = verdictOf({ dropped, strikes, score, outcomes: outcomes.length }, s);
  const reasons: string[] = [];
  const window = `in the last ${plural(s.strikeWindowDays, 'day')}`;
  if (dropped) {
    reasons.push(
      droppedUntil >= NEVER_REHIRE
        ? 'You cancelled and moved on, never to rehire them'
        : `You cancelled and moved on; cool-off until ${formatDay(droppedUntil)}`,
    );
    soonest(droppedUntil);
  } else if (verdict === 'cancel') {
    reasons.push(`${plural(strikes, 'strike')} ${window} (limit ${s.strikeLimit}): cancel and move on`);
  } else if (verdict === 'watch') {
    if (strikes > 0) reasons.push(`${plural(strikes, 'strike')} ${window} (limit ${s.strikeLimit})`);
    if (score !== null && score < s.watchBelow) reasons.push(`Score ${score} is below ${s.watchBelow}`);
  } else if (verdict === 'trusted') {
    reasons.push(`Score ${score} from ${plural(outcomes.length, 'outcome')}, no strikes ${window}`);
  } else if (verdict === 'ok') {
    reasons.push(`Score ${score}, no strikes ${window}`);
  } else {
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
