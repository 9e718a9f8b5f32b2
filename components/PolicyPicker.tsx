import { useState } from 'preact/hooks';
import type { Policy, Settings } from '../model/settings';
import { ErrorText } from './ErrorText';
import { useAction } from './use-action';

const POLICIES: { value: Exclude<Policy, 'custom'>; label: string }[] = [
  { value: 'strict', label: 'Strict — 1 strike in 365 days, no grace (no excuses, no delays)' },
  { value: 'standard', label: 'Standard — 2 strikes in 180 days, 1 day of grace' },
  { value: 'lenient', label: 'Lenient — 3 strikes in 180 days, 2 days of grace' },
];

type Numbers = Pick<Settings, 'strikeLimit' | 'strikeWindowDays' | 'graceDays' | 'coolOffDays'>;
const FIELDS: { key: keyof Numbers; label: string; min: number }[] = [
  { key: 'strikeLimit', label: 'Strikes before "cancel and move on"', min: 1 },
  { key: 'strikeWindowDays', label: 'Counted over (days)', min: 1 },
  { key: 'graceDays', label: 'Grace after a due date (days)', min: 0 },
  { key: 'coolOffDays', label: 'Cool-off after cancelling (days)', min: 0 },
];

type Props = {
  settings: Settings;
  onPolicy: (policy: Policy) => void;
  /** Changing the numbers by hand makes the policy custom; every verdict is recomputed. */
  onNumbers: (numbers: Numbers) => Promise<void>;
};

/** How strict the verdict is: a named policy, or your own numbers. */
export function PolicyPicker({ settings, onPolicy, onNumbers }: Props) {
  const [draft, setDraft] = useState<Record<keyof Numbers, string> | null>(null);
  const { act, pending, error, setError } = useAction(onNumbers);
  const current = Object.fromEntries(FIELDS.map((f) => [f.key, String(settings[f.key])])) as Record<
    keyof Numbers,
    string
  >;
  const values = draft ?? current;

  return (
    <div class="stack">
      <label>
        <span>Strike policy</span>
        <select value={settings.policy} onChange={(e) => onPolicy(e.currentTarget.value as Policy)}>
          {POLICIES.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
          {settings.policy === 'custom' && (
            <option value="custom">
              Custom — {settings.strikeLimit} strikes in {settings.strikeWindowDays} days,{' '}
              {settings.graceDays} days of grace
            </option>
          )}
        </select>
      </label>
      <form
        class="row"
        aria-label="Your own numbers"
        onSubmit={async (e) => {
          e.preventDefault();
          const numbers = Object.fromEntries(FIELDS.map((f) => [f.key, Number(values[f.key])])) as Numbers;
          const wrong = FIELDS.find((f) => !Number.isInteger(numbers[f.key]) || numbers[f.key] < f.min);
          if (wrong) return setError(`${wrong.label}: a whole number, at least ${wrong.min}.`);
          if (await act(numbers)) setDraft(null);
        }}
      >
        {FIELDS.map((f) => (
          <label key={f.key}>
            <span class="muted">{f.label}</span>
            <input
              type="number"
              min={f.min}
              step={1}
              value={values[f.key]}
              onInput={(e) => setDraft({ ...values, [f.key]: e.currentTarget.value })}
            />
          </label>
        ))}
        <button type="submit" disabled={draft === null || pending}>
          Apply
        </button>
      </form>
      <ErrorText message={error} />
    </div>
  );
}
