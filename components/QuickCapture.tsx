import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CAPTURE_KINDS, Capture, CaptureDraft, Recorded } from '../model/capture';
import { type ExcuseCategory, excuseCategoryLabels } from '../model/excuses';
import { suggestExcuseCategory } from '../scoring/excuses';
import { dueWords, plural } from '../scoring/format';
import { type NoteReading, readNote } from '../scoring/note-reading';
import { isolated } from './bidi';
import { dayInputToTimestamp, dayInputValue } from './day-input';
import { ErrorText } from './ErrorText';
import { useAction } from './use-action';

/** An open milestone as the capture offers its outcomes. */
export type DueMilestone = { id: string; title: string; engagement: string; dueAt: number };

type Kind = (typeof CAPTURE_KINDS)[number];

const KINDS: { kind: Kind; label: string; title: string }[] = [
  { kind: 'on-time', label: 'On time', title: 'Delivered on time' },
  { kind: 'late', label: 'Late', title: 'Delivered late' },
  { kind: 'missed', label: 'Missed', title: 'Deadline missed, nothing delivered' },
  { kind: 'excuse', label: 'Excuse', title: 'An excuse (its category is suggested)' },
  { kind: 'quality', label: 'Quality', title: 'A quality problem or rework' },
  { kind: 'praise', label: 'Praise', title: 'Praise' },
  { kind: 'note', label: 'Note', title: 'A private note' },
];

const TEXT_KINDS: Kind[] = ['excuse', 'quality', 'praise', 'note'];
const PROMPTS: Record<Kind, string> = {
  'on-time': 'Delivered on time',
  late: 'Delivered late',
  missed: 'Deadline missed, nothing delivered',
  excuse: 'What did they say?',
  quality: 'What was wrong?',
  praise: 'What went well?',
  note: 'Note',
};

/** What a capture is called once recorded ("Delivered 3 days late"), for the line that offers its undo. */
function headlineOf(input: Capture, milestones: DueMilestone[]): string {
  switch (input.kind) {
    case 'on-time':
      return 'Delivered on time';
    case 'late':
      return `Delivered ${plural(input.daysLate, 'day')} late`;
    case 'missed':
      return `Deadline missed by ${plural(input.daysLate, 'day')}`;
    case 'excuse':
      return `Excuse: ${excuseCategoryLabels[input.category]}`;
    case 'quality':
      return 'Quality problem';
    case 'praise':
      return 'Praise';
    case 'note':
      return 'Note';
    case 'reward':
      return `Reward: ${input.reward}`;
    case 'milestone-delivered':
      return `"${isolated(milestones.find((m) => m.id === input.milestoneId)?.title ?? 'Milestone')}" delivered`;
  }
}

const READINGS: Record<NoteReading['kind'], string> = {
  late: 'a late delivery',
  missed: 'a missed deadline',
  excuse: 'an excuse',
};

type Props = {
  onRecord: (input: Capture) => Promise<Recorded>;
  onUndo: (eventId: string) => Promise<void>;
  /** Open milestones, each with its one-click outcomes. */
  milestones?: DueMilestone[];
  now?: () => number;
  /** What was being typed here before and not recorded: the form opens with it. */
  draft?: CaptureDraft;
  /** Hears what is being typed, as it changes (null: nothing worth keeping, or recorded). */
  onDraft?: (draft: CaptureDraft | null) => void;
};

/** The form's fields as a draft, when there is something in them worth keeping. */
function draftOf(
  open: { kind: Kind; milestone?: DueMilestone } | null,
  fields: { text: string; days: string; day: string; category: ExcuseCategory | null },
): CaptureDraft | null {
  if (!open || (!fields.text.trim() && !fields.days)) return null;
  const { text, days, day, category } = fields;
  return {
    kind: open.kind,
    text,
    days,
    day,
    category: category ?? undefined,
    milestoneId: open.milestone?.id,
  };
}

/**
 * Records what happened in as few actions as it takes: a kind (one click), what the kind needs (the days
 * late, or the words said), Enter. Dated today unless changed; each capture can be undone. A note that
 * reads like a delay or an excuse offers to be recorded as one. Escape closes an open form.
 */
export function QuickCapture({ onRecord, onUndo, milestones = [], now = Date.now, draft, onDraft }: Props) {
  const [open, setOpen] = useState<{ kind: Kind; milestone?: DueMilestone } | null>(() =>
    draft ? { kind: draft.kind, milestone: milestones.find((m) => m.id === draft.milestoneId) } : null,
  );
  const [text, setText] = useState(draft?.text ?? '');
  const [days, setDays] = useState(draft?.days ?? '');
  const [day, setDay] = useState(() => draft?.day || dayInputValue(now()));
  const [category, setCategory] = useState<ExcuseCategory | null>(draft?.category ?? null);
  /** The form came back with what was typed before: said, with a way to drop it. */
  const [restored, setRestored] = useState(draft !== undefined);
  const kept = JSON.stringify(draftOf(open, { text, days, day, category }));
  useEffect(() => onDraft?.(JSON.parse(kept)), [kept]);
  const [done, setDone] = useState<(Recorded & { headline: string; undone?: boolean }) | null>(null);
  const bar = useRef<HTMLFieldSetElement>(null);
  const form = useRef<HTMLFormElement>(null);
  // A form opens with its first field focused, so a capture is: a click, what it needs, Enter. (Before the
  // next paint: a key pressed right after the click lands in the field.)
  // A form restored from a draft is not focused: the page was just opened, and its focus is the page's.
  const restoredAtStart = useRef(draft !== undefined);
  useLayoutEffect(() => {
    if (restoredAtStart.current) {
      restoredAtStart.current = false;
      return;
    }
    if (open) form.current?.querySelector<HTMLElement>('[data-first]')?.focus();
  }, [open]);
  const { act, pending, error, setError } = useAction(async (input: Capture) => {
    const recorded = await onRecord(input);
    setDone({ headline: headlineOf(input, milestones), ...recorded });
  }, 'Not recorded');
  const undo = useAction(onUndo, 'Not undone');

  /** Focus goes back to the capture's buttons: the overlay keeps it after an action. */
  const refocus = (kind?: Kind) =>
    (bar.current?.querySelector<HTMLElement>(`[data-kind="${kind ?? 'on-time'}"]`) ?? bar.current)?.focus();

  const start = (kind: Kind, milestone?: DueMilestone, keepText = false) => {
    setRestored(false);
    setOpen({ kind, milestone });
    setError(null);
    if (!keepText) setText('');
    setDays('');
    setCategory(null);
    setDay(dayInputValue(now()));
  };
  const close = () => {
    const kind = open?.kind;
    setRestored(false);
    setOpen(null);
    setText('');
    setDays('');
    refocus(kind);
  };

  const run = async (input: Capture) => {
    if (!(await act(input))) return;
    const kind = open?.kind;
    setRestored(false);
    setOpen(null);
    setText('');
    setDays('');
    refocus(kind);
  };

  const submit = (as?: NoteReading) => {
    if (!open) return;
    const at = dayInputToTimestamp(day, now());
    if (at === null) return setError('Choose the day it happened.');
    const words = text.trim();
    const kind = as?.kind ?? open.kind;
    if (TEXT_KINDS.includes(kind) && !words) return setError('Say what happened.');
    const late = as && as.kind !== 'excuse' ? (as.days ?? Number.NaN) : Number(days);
    if ((kind === 'late' || kind === 'missed') && !(Number.isInteger(late) && late >= 1)) {
      if (as) return start(kind, undefined, true); // how many days: the user says
      return setError('Days late: a whole number, 1 or more.');
    }
    const optional = words || undefined;
    switch (kind) {
      case 'on-time':
        return run({ kind, at, text: optional });
      case 'late':
      case 'missed':
        return run({ kind, at, daysLate: late, text: optional });
      case 'excuse':
        return run({
          kind,
          at,
          text: words,
          category: as?.kind === 'excuse' ? as.category : (category ?? suggestExcuseCategory(words)),
          milestoneId: open.milestone?.id,
        });
      default:
        return run({ kind, at, text: words });
    }
  };

  const reading = open?.kind === 'note' ? readNote(text) : null;
  const kind = open?.kind;

  return (
    <div class="stack capture">
      {milestones.length > 0 && (
        <ul class="plain" aria-label="Open milestones">
          {milestones.map((m) => {
            const overdue = dueWords(m.dueAt, now()).endsWith('overdue');
            return (
              <li key={m.id} class="milestone-due" data-testid="open-milestone">
                <span>
                  <strong>{m.title}</strong>{' '}
                  <span class={overdue ? 'error' : 'muted'}>{dueWords(m.dueAt, now())}</span>
                </span>
                <span class="row">
                  <button
                    type="button"
                    disabled={pending}
                    onClick={() => void run({ kind: 'milestone-delivered', milestoneId: m.id })}
                  >
                    Delivered today
                  </button>
                  <button type="button" onClick={() => start('excuse', m)}>
                    Excuse…
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <fieldset class="row capture-bar" ref={bar} tabIndex={-1}>
        <legend class="visually-hidden">Record what happened</legend>
        {KINDS.map((k) => (
          <button
            key={k.kind}
            type="button"
            data-kind={k.kind}
            title={k.title}
            aria-pressed={kind === k.kind}
            onClick={() => (kind === k.kind ? close() : start(k.kind))}
          >
            {k.label}
          </button>
        ))}
      </fieldset>
      {open && kind && (
        <form
          ref={form}
          class="stack card"
          aria-label={`Record: ${KINDS.find((k) => k.kind === kind)?.title}`}
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            close();
          }}
        >
          {restored && (
            <p class="hint" role="status">
              Kept from before: what you were typing here, not recorded yet.{' '}
              <button type="button" class="link-button" onClick={close}>
                Discard it
              </button>
            </p>
          )}
          {open.milestone && (
            <span class="muted">
              For "{isolated(open.milestone.title)}" ({isolated(open.milestone.engagement)})
            </span>
          )}
          {kind === 'late' || kind === 'missed' ? (
            <label class="row">
              <span>{kind === 'late' ? 'Delivered' : 'Deadline missed by'}</span>
              <input
                class="days"
                type="number"
                name="daysLate"
                aria-label="Days late"
                min={1}
                step={1}
                data-first
                value={days}
                onInput={(e) => setDays(e.currentTarget.value)}
              />
              <span>{kind === 'late' ? 'days late' : 'days, nothing delivered'}</span>
            </label>
          ) : kind === 'on-time' ? (
            <span>Delivered on time</span>
          ) : (
            <textarea
              name="text"
              aria-label={PROMPTS[kind]}
              placeholder={`${PROMPTS[kind]} (Enter records, Shift+Enter: new line)`}
              data-first
              value={text}
              onInput={(e) => setText(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' || e.shiftKey) return;
                e.preventDefault();
                submit();
              }}
            />
          )}
          {kind === 'excuse' && (
            <label class="row">
              <span class="muted">Category</span>
              <select
                name="category"
                value={category ?? suggestExcuseCategory(text)}
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
          {reading && (
            <p class="hint" role="status">
              This reads like {READINGS[reading.kind]}
              {reading.kind !== 'excuse' && reading.days ? ` (${plural(reading.days, 'day')})` : ''}.{' '}
              <button type="button" class="link-button" onClick={() => submit(reading)}>
                Record it as {READINGS[reading.kind]}
              </button>
            </p>
          )}
          <div class="row">
            <label class="row">
              <span class="muted">When</span>
              <input
                type="date"
                name="day"
                aria-label="When"
                value={day}
                max={dayInputValue(now())}
                onInput={(e) => setDay(e.currentTarget.value)}
              />
            </label>
            <button
              type="submit"
              class="primary"
              disabled={pending}
              data-first={kind === 'on-time' || undefined}
            >
              {pending ? 'Recording…' : 'Record'}
            </button>
            <button type="button" class="link" onClick={close}>
              Cancel
            </button>
          </div>
          <ErrorText message={error} />
        </form>
      )}
      {!open && <ErrorText message={error} />}
      {done && (
        <p class="done" role="status">
          {done.undone ? 'Undone' : 'Recorded'}: {done.headline}.{done.notice ? ` ${done.notice}.` : ''}{' '}
          {!done.undone && (
            <button
              type="button"
              class="link-button"
              disabled={undo.pending}
              onClick={async () => {
                if (!(await undo.act(done.eventId))) return;
                setDone({ ...done, undone: true });
                refocus();
              }}
            >
              Undo
            </button>
          )}
        </p>
      )}
      <ErrorText message={undo.error} />
    </div>
  );
}
