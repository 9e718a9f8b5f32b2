import { type ExcuseCategory, excuseCategoryLabels } from '../model/excuses';
import type { RecordId } from '../model/ids';
import type { Settings } from '../model/settings';
import type { Fact, RepeatedExcuse } from '../model/summary';
import { DAY_MS } from './dates';
import { ordinal } from './format';

/** Keyword patterns per category, most specific first (ties go to the earlier category). */
const patterns: [ExcuseCategory, RegExp[]][] = [
  [
    'almost-done',
    [
      /\b(almost|nearly|mostly|just about) (done|finished|ready|there|complete)/,
      /\b(final|last) (touches|details|fixes|bits)\b/,
      /\bjust (need|needs|have) (to|a|one)\b/,
      /\b9\d ?%/,
      /\bfew more (hours|minutes)\b/,
    ],
  ],
  [
    'illness',
    [
      /\b(sick|ill|illness|unwell|fever|flu|covid|cold|migraine|hospital|doctor|surgery|injur\w*|health|food poisoning)\b/,
    ],
  ],
  [
    'family',
    [
      /\b(family|wife|husband|kids?|child(ren)?|son|daughter|mother|mom|mum|father|dad|parents?|wedding|funeral|baby|relative|grandm\w+|grandf\w+)\b/,
    ],
  ],
  [
    'connectivity',
    [
      /\b(internet|wi-?fi|connection|network|isp|power|electricity|outage|blackout|load ?shedding)\b/,
      /\b(vpn|server|site|power|electricity|internet) (was|is|went|were|are) (down|out)\b/,
      /\b(laptop|computer|pc|hard ?drive|disk|equipment|keyboard|monitor|phone)\b.*\b(broke|broken|crash\w*|died|dead|stolen|failed|repair)\b/,
      /\b(broke|broken|crash\w*|died|stolen|failed)\b.*\b(laptop|computer|pc|hard ?drive|disk|equipment)\b/,
    ],
  ],
  [
    'overload',
    [
      /\b(another|other) (client|project|job|work|deadline)s?\b/,
      /\b(busy|swamped|overloaded|overwhelmed|workload|too much work|backlog)\b/,
    ],
  ],
  [
    'unclear-requirements',
    [
      /\b(unclear|not clear|requirements?|spec(ification)?s?|brief|scope|misunderst\w*|confus\w*|didn'?t understand|did not understand)\b/,
    ],
  ],
];

/** A category suggested from an excuse's text; the user can always change it. */
export function suggestExcuseCategory(text: string): ExcuseCategory {
  return matchExcuseCategory(text) ?? 'other';
}

/** The category whose words the text uses most, or null when it uses none of them. */
export function matchExcuseCategory(text: string): ExcuseCategory | null {
  const t = text.toLowerCase();
  let best: ExcuseCategory | null = null;
  let bestHits = 0;
  for (const [category, regexes] of patterns) {
    const hits = regexes.filter((r) => r.test(t)).length;
    if (hits > bestHits) {
      best = category;
      bestHits = hits;
    }
  }
  return best;
}

/**
 * Excuse categories given at least `excuseRepeatFrom` times within the `excuseRepeatWindowDays` before
 * `now`, e.g. "third 'internet / power / equipment' excuse in 60 days".
 */
export function repeatedExcuses(facts: readonly Fact[], settings: Settings, now: number): RepeatedExcuse[] {
  const windowDays = settings.excuseRepeatWindowDays;
  const from = now - windowDays * DAY_MS;
  const byCategory = new Map<ExcuseCategory, RecordId[]>();
  for (const f of facts) {
    if (f.kind !== 'excuse' || f.at > now || f.at < from) continue;
    byCategory.set(f.category, [...(byCategory.get(f.category) ?? []), f.eventId]);
  }
  const out: RepeatedExcuse[] = [];
  for (const [category, eventIds] of byCategory) {
    if (eventIds.length < settings.excuseRepeatFrom) continue;
    out.push({
      category,
      count: eventIds.length,
      windowDays,
      eventIds,
      message: `${ordinal(eventIds.length)} '${excuseCategoryLabels[category]}' excuse in ${windowDays} days`,
    });
  }
  return out.sort((a, b) => b.count - a.count);
}
