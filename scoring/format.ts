// The one way each kind of value is written, on every surface and in every message: days as the model
// counts them (UTC calendar days, so a due date reads the same in every time zone), counts, and money.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "12 Mar 2025": the UTC day of a timestamp, without depending on the runtime's locale data. */
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

/** "1,200 USD": an amount in its currency (none: the bare number). */
export function money(amount: number, currency?: string): string {
  const rounded = Math.round(amount * 100) / 100;
  return `${rounded.toLocaleString('en')}${currency ? ` ${currency}` : ''}`;
}
