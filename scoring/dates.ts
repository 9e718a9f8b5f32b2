/** Days are UTC calendar days: a due date "12 March" is any moment of that UTC day. */
export const DAY_MS = 86_400_000;

/** The UTC calendar day of a timestamp, as a day number. */
export function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** Whole calendar days from `from`'s day to `to`'s day (negative when `to` is earlier). */
export function daysBetween(from: number, to: number): number {
  return dayOf(to) - dayOf(from);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "12 Mar 2025" (UTC), without depending on the runtime's locale data. */
export function formatDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function ordinal(n: number): string {
  const words = [
    'first',
    'second',
    'third',
    'fourth',
    'fifth',
    'sixth',
    'seventh',
    'eighth',
    'ninth',
    'tenth',
  ];
  return words[n - 1] ?? `${n}th`;
}
