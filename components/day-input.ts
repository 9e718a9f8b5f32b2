/**
 * `<input type="date">` speaks local calendar days ("2026-11-27"). An event entered for today keeps the
 * current time; an earlier day is placed at local noon, so it stays on that day in any time zone near it.
 */
const pad = (n: number) => String(n).padStart(2, '0');

export function dayInputValue(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The moment to record for a day chosen in a date input, never after `now`; null if unreadable. */
export function dayInputToTimestamp(value: string, now: number): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  if (value === dayInputValue(now)) return now;
  const noon = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12).getTime();
  return Number.isNaN(noon) ? null : Math.min(noon, now);
}

/** A due date chosen in a date input (it may be in the future): local noon of that day; null if unreadable. */
export function dayInputToDueDate(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const noon = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12).getTime();
  return Number.isNaN(noon) ? null : noon;
}
