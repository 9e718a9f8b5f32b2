import type { ExcuseCategory } from '../model/excuses';
import { matchExcuseCategory } from './excuses';

/**
 * What a note seems to record instead: a late delivery, a missed deadline or an excuse. A note leaves
 * the verdict as it is, so the surfaces offer to record it as what it reads like. `days` when the note
 * says how many.
 */
export type NoteReading =
  | { kind: 'late'; days?: number }
  | { kind: 'missed'; days?: number }
  | { kind: 'excuse'; category: ExcuseCategory };

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};
const COUNT = `(?<count>\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})`;
const UNIT = '(?<unit>days?|weeks?)';
/** "3 days late", "two weeks overdue", "a day past the deadline", "late by 4 days". */
const DAYS_LATE = [
  new RegExp(`\\b${COUNT}[ -]${UNIT}( too)? (late|overdue|behind|past (the )?(deadline|due date))\\b`),
  new RegExp(`\\b(late|overdue|behind) by ${COUNT} ${UNIT}`),
];
const LATE = /\b(late|overdue|behind schedule|past (the )?(deadline|due date))\b/;
const DELIVERED =
  /\b(deliver(ed|s)?|sent|submitted|handed (it )?(in|over)|shipped|uploaded|finished|completed|turned in|got (it|the \w+))\b/;
const MISSED =
  /\b(missed|blew|not (yet )?delivered|nothing (delivered|yet|arrived)|still (not|no|nothing|waiting)|(hasn'?t|has not|didn'?t|did not|never) (deliver|sent|send|submit|show))/;
/** Words an excuse is made of, besides its category's own. */
const EXCUSE = [
  /\b(sorry|apologi[sz]\w*|excuse)\b/,
  /\b(need(s|ed)?|ask(s|ed)? for) (more|extra) time\b/,
  /\b(extension|postpone\w*|push(ed)? (it |the \w+ )?back)\b/,
  /\b(couldn'?t|could not|wasn'?t able|was unable|unable to|can'?t make it|because of|due to)\b/,
  /\b(said|says|claim(s|ed)?|told me)\b.*\b(because|was|were|had|has)\b/,
];

function daysIn(match: RegExpMatchArray): number | undefined {
  const { count = '', unit = '' } = match.groups ?? {};
  const n = /^\d+$/.test(count) ? Number(count) : NUMBER_WORDS[count];
  return n === undefined ? undefined : unit.startsWith('week') ? n * 7 : n;
}

/** What the note's text reads like, or null when it reads like a plain note. */
export function readNote(text: string): NoteReading | null {
  const t = text.toLowerCase();
  const missed = MISSED.test(t);
  const delivered = DELIVERED.test(t) && !missed;
  for (const pattern of DAYS_LATE) {
    const match = t.match(pattern);
    if (match) return { kind: delivered ? 'late' : 'missed', days: daysIn(match) };
  }
  if (missed && /\b(deadline|due|delivery|deliver\w*)\b/.test(t)) return { kind: 'missed' };
  if (delivered && LATE.test(t)) return { kind: 'late' };
  const category = matchExcuseCategory(t);
  const excuse = EXCUSE.some((r) => r.test(t));
  // Notes speak of briefs and scope all the time: only an excuse's own words make those an excuse.
  if (category && (category !== 'unclear-requirements' || excuse)) return { kind: 'excuse', category };
  return excuse ? { kind: 'excuse', category: category ?? 'other' } : null;
}
