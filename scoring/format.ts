// The one way each kind of value is written, on every surface and in every message: days as the model
// counts them (UTC calendar days, so a due date reads the same in every time zone), counts, and money.
import { dayOf } from './dates';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "12 Mar 2025": the UTC day of a timestamp, without depending on the runtime's locale data. Short forms
 * where the context gives the rest: `day` "12 Mar" (a date near today), `month` "Mar 2025" (a long axis).
 */
export function formatDay(ms: number, form: 'full' | 'day' | 'month' = 'full'): string {
  const d = new Date(ms);
  const month = MONTHS[d.getUTCMonth()];
  if (form === 'day') return `${d.getUTCDate()} ${month}`;
  if (form === 'month') return `${month} ${d.getUTCFullYear()}`;
  return `${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
}

/** "12 Mar" within half a year of `now`, the full day further off. */
export function formatDayNear(ms: number, now: number): string {
  return formatDay(ms, Math.abs(ms - now) < 180 * 86_400_000 ? 'day' : 'full');
}

/** "10,000": a count, with thousands grouped. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** "due in 2 days", "due today", "4 days overdue": a due date seen from `now`, in whole UTC days. */
export function dueWords(dueAt: number, now: number): string {
  const days = dayOf(dueAt) - dayOf(now);
  if (days > 1) return `due in ${days} days`;
  if (days === 1) return 'due tomorrow';
  if (days === 0) return 'due today';
  return `${plural(-days, 'day')} overdue`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
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

/** "1,200 USD": an amount in its currency (none: the bare number). */
export function money(amount: number, currency?: string): string {
  const rounded = Math.round(amount * 100) / 100;
  return `${formatCount(rounded)}${currency ? ` ${currency}` : ''}`;
}

/** "3.2 MB": a size on disk in the unit that keeps it short (1 KB = 1,024 bytes, as browsers count). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return plural(Math.round(bytes), 'byte');
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return `${formatCount(shown)} ${units[unit]}`;
}

/** What went wrong, in words, from anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
