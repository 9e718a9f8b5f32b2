import type { Policy, Settings } from '../model/settings';

const POLICIES: { value: Exclude<Policy, 'custom'>; label: string }[] = [
  { value: 'strict', label: 'Strict — 1 strike in 365 days, no grace (no excuses, no delays)' },
  { value: 'standard', label: 'Standard — 2 strikes in 180 days, 1 day of grace' },
  { value: 'lenient', label: 'Lenient — 3 strikes in 180 days, 2 days of grace' },
];

/** Chooses how strict the verdict is; every verdict is recomputed when it changes. */
export function PolicyPicker({
  settings,
  onChange,
}: {
  settings: Settings;
  onChange: (policy: Policy) => void;
}) {
  return (
    <label class="stack">
      <span>Strike policy</span>
      <select value={settings.policy} onChange={(e) => onChange(e.currentTarget.value as Policy)}>
        {POLICIES.map((p) => (
          <option key={p.value} value={p.value}>
            {p.label}
          </option>
        ))}
        {settings.policy === 'custom' && (
          <option value="custom">
            Custom — {settings.strikeLimit} strikes in {settings.strikeWindowDays} days, {settings.graceDays}{' '}
            days of grace
          </option>
        )}
      </select>
    </label>
  );
}
