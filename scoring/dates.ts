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
