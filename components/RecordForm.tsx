import { useState } from 'preact/hooks';
import { type ExcuseCategory, excuseCategoryLabels, type RewardKind } from '../model/records';
import { suggestExcuseCategory } from '../scoring/excuses';
import { dayInputToTimestamp, dayInputValue } from './day-input';
import { ErrorText } from './ErrorText';
import { useAction } from './use-action';

/** What the user can record from the side panel; the page maps each kind to a repository call. */
export type RecordInput =
  | { kind: 'note'; at: number; text: string }
  | { kind: 'on-time'; at: number; text?: string }
  | { kind: 'late'; at: number; daysLate: number; text?: string }
  | { kind: 'missed'; at: number; daysLate: number; text?: string }
  | { kind: 'excuse'; at: number; text: string; category: ExcuseCategory }
  | { kind: 'quality'; at: number; text: string }
  | { kind: 'praise'; at: number; text: string }
  | { kind: 'reward'; at: number; reward: RewardKind; amount?: number; currency?: string; text?: string };

type Kind = RecordInput['kind'];

const KINDS: { value: Kind; label: string }[] = [
  { value: 'note', label: 'Note' },
  { value: 'on-time', label: 'Delivered on time' },
  { value: 'late', label: 'Delivered late' },
  { value: 'missed', label: 'Deadline missed (nothing delivered)' },
  { value: 'excuse', label: 'Excuse' },
  { value: 'quality', label: 'Quality problem / rework' },
  { value: 'praise', label: 'Praise' },
  { value: 'reward', label: 'Reward (bonus, raise, thanks)' },
];

const TEXT_REQUIRED: Kind[] = ['note', 'excuse', 'quality', 'praise'];

type Props = { onRecord: (input: RecordInput) => Promise<string | undefined>; now?: () => number };

/** Records one event. The excuse category is suggested from the text and stays editable. */
export function RecordForm({ onRecord, now = Date.now }: Props) {
  const [kind, setKind] = useState<Kind>('note');
  const [day, setDay] = useState(dayInputValue(now()));
  const [text, setText] = useState('');
  const [daysLate, setDaysLate] = useState('1');
  const [category, setCategory] = useState<ExcuseCategory | null>(null);
  const [reward, setReward] = useState<RewardKind>('thanks');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('USD');
  const [notice, setNotice] = useState<string | null>(null);
  const {
    act,
    pending: busy,
    error,
    setError,
  } = useAction(
    async (input: RecordInput) => setNotice((await onRecord(input)) ?? 'Recorded.'),
    'Not recorded',
  );

  const suggested = suggestExcuseCategory(text);
  const build = (): RecordInput | string => {
    const at = dayInputToTimestamp(day, now());
    if (at === null) return 'Choose the day it happened.';
    const words = text.trim();
    if (TEXT_REQUIRED.includes(kind) && !words) return 'Say what happened.';
    const optionalText = words || undefined;
    const late = Number(daysLate);
    if ((kind === 'late' || kind === 'missed') && !(Number.isInteger(late) && late >= 1))
      return 'Days late is a whole number, 1 or more.';
    switch (kind) {
      case 'note':
      case 'quality':
      case 'praise':
        return { kind, at, text: words };
      case 'excuse':
        return { kind, at, text: words, category: category ?? suggested };
      case 'on-time':
        return { kind, at, text: optionalText };
      case 'late':
      case 'missed':
        return { kind, at, daysLate: late, text: optionalText };
      case 'reward': {
        const value = amount.trim() === '' ? undefined : Number(amount);
        if (value !== undefined && !(value >= 0)) return 'The amount is a positive number.';
        return {
          kind,
          at,
          reward,
          amount: value,
          currency: value === undefined ? undefined : currency,
          text: optionalText,
        };
      }
    }
  };

  const submit = async () => {
    setNotice(null);
    const input = build();
    if (typeof input === 'string') return setError(input);
    if (!(await act(input))) return;
    setText('');
    setCategory(null);
  };

  return (
    <form
      class="stack"
      aria-label="Record an event"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div class="row">
        <label class="grow">
          <span class="muted">What happened</span>
          <select name="kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
            {KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="muted">When</span>
          <input
            type="date"
            name="day"
            value={day}
            max={dayInputValue(now())}
            onInput={(e) => setDay(e.currentTarget.value)}
          />
        </label>
      </div>
      {(kind === 'late' || kind === 'missed') && (
        <label>
          <span class="muted">Days late</span>
          <input
            type="number"
            name="daysLate"
            min={1}
            step={1}
            value={daysLate}
            onInput={(e) => setDaysLate(e.currentTarget.value)}
          />
        </label>
      )}
      {kind === 'reward' && (
        <div class="row">
          <label>
            <span class="muted">Kind</span>
            <select
              name="reward"
              value={reward}
              onChange={(e) => setReward(e.currentTarget.value as RewardKind)}
            >
              <option value="thanks">Thanks</option>
              <option value="bonus">Bonus</option>
              <option value="raise">Raise</option>
            </select>
          </label>
          <label>
            <span class="muted">Amount</span>
            <input
              type="number"
              name="amount"
              min={0}
              step="any"
              value={amount}
              onInput={(e) => setAmount(e.currentTarget.value)}
            />
          </label>
          <label>
            <span class="muted">Currency</span>
            <input
              name="currency"
              maxLength={3}
              value={currency}
              onInput={(e) => setCurrency(e.currentTarget.value.toUpperCase())}
            />
          </label>
        </div>
      )}
      <label>
        <span class="muted">{TEXT_REQUIRED.includes(kind) ? 'Details' : 'Details (optional)'}</span>
        <textarea
          name="text"
          value={text}
          placeholder={kind === 'excuse' ? 'What did they say?' : 'What happened? (Ctrl+Enter to save)'}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void submit();
            }
          }}
        />
      </label>
      {kind === 'excuse' && (
        <label>
          <span class="muted">Category (suggested from the text)</span>
          <select
            name="category"
            value={category ?? suggested}
            onChange={(e) => setCategory(e.currentTarget.value as ExcuseCategory)}
          >
            {Object.entries(excuseCategoryLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      )}
      <ErrorText message={error} />
      {notice && (
        <p class="muted" role="status">
          {notice}
        </p>
      )}
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Recording…' : 'Record'}
        </button>
      </div>
    </form>
  );
}
