import { useState } from 'preact/hooks';
import type { RecordId } from '../model/ids';
import { type Engagement, effectiveDueAt, type Milestone } from '../model/records';
import { formatDay, money } from '../scoring/format';
import { dayInputToDueDate, dayInputValue } from './day-input';
import { ErrorText } from './ErrorText';
import { useAction } from './use-action';

export type EngagementActions = {
  onCreate: (input: { title: string; skill?: string; budget?: number; currency?: string }) => Promise<void>;
  onSetStatus: (engagementId: RecordId, status: Engagement['status'], reason?: string) => Promise<void>;
  onAddMilestone: (input: {
    engagementId: RecordId;
    amount: number;
    dueAt: number;
    title?: string;
  }) => Promise<void>;
  onDeliver: (milestoneId: RecordId) => Promise<void>;
  onAccept: (milestoneId: RecordId) => Promise<void>;
  onPay: (milestoneId: RecordId) => Promise<void>;
  onRenegotiate: (milestoneId: RecordId, dueAt: number, reason?: string) => Promise<void>;
};

type Props = EngagementActions & { engagements: Engagement[]; milestones: Milestone[] };

/** Work given to a contractor, split into milestones that are delivered, accepted, then paid (rules 2 and 3). */
export function EngagementList({ engagements, milestones, ...actions }: Props) {
  const { act: run, error } = useAction((work: () => Promise<void>) => work());
  const ordered = [...engagements].sort((a, b) => b.startedAt - a.startedAt);
  return (
    <div class="stack">
      <ErrorText message={error} />
      {ordered.length === 0 && <p class="muted">No engagements recorded.</p>}
      {ordered.map((e) => (
        <article key={e.id} class="card stack" aria-label={e.title}>
          <div class="spread">
            <strong>{e.title}</strong>
            <span class="muted">
              {[e.skill, e.budget === undefined ? '' : money(e.budget, e.currency), e.status]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </div>
          <ul class="plain">
            {milestones
              .filter((m) => m.engagementId === e.id)
              .sort((a, b) => effectiveDueAt(a) - effectiveDueAt(b))
              .map((m) => (
                <MilestoneRow
                  key={m.id}
                  milestone={m}
                  open={e.status === 'active'}
                  run={run}
                  actions={actions}
                />
              ))}
          </ul>
          {e.status === 'active' && (
            <>
              <MilestoneForm onAdd={(input) => actions.onAddMilestone({ engagementId: e.id, ...input })} />
              <div class="row">
                <button type="button" onClick={() => void run(() => actions.onSetStatus(e.id, 'completed'))}>
                  Mark completed
                </button>
              </div>
            </>
          )}
        </article>
      ))}
      <EngagementForm onCreate={actions.onCreate} />
    </div>
  );
}

/**
 * A milestone and what can be done with it next. On an engagement that ended (completed or cancelled)
 * its milestones are closed: nothing more is delivered or moved, and only accepted work is paid; work
 * delivered and not accepted is flagged.
 */
function MilestoneRow({
  milestone: m,
  open,
  run,
  actions,
}: {
  milestone: Milestone;
  /** Whether its engagement still runs. */
  open: boolean;
  run: (work: () => Promise<void>) => Promise<boolean>;
  actions: EngagementActions;
}) {
  const [moving, setMoving] = useState(false);
  const [day, setDay] = useState(dayInputValue(effectiveDueAt(m)));
  const [reason, setReason] = useState('');
  const state = [
    m.deliveredAt && `delivered ${formatDay(m.deliveredAt)}`,
    m.acceptedAt && `accepted ${formatDay(m.acceptedAt)}`,
    m.paidAt && `paid ${formatDay(m.paidAt)}`,
  ].filter(Boolean);
  return (
    <li class="stack milestone" data-testid="milestone">
      <div class="spread">
        <span>
          {m.title || 'Milestone'} · {money(m.amount, m.currency)} · due {formatDay(effectiveDueAt(m))}
          {m.renegotiations.length > 0 && <span class="muted"> (moved {m.renegotiations.length}×)</span>}
        </span>
        <span class="muted">{state.join(', ') || (open ? 'open' : 'closed')}</span>
      </div>
      {!open && m.deliveredAt !== undefined && m.acceptedAt === undefined && m.paidAt === undefined && (
        <p class="error">Delivered but not accepted: don't pay for unaccepted work.</p>
      )}
      <div class="row">
        {open && m.deliveredAt === undefined && (
          <>
            <button type="button" onClick={() => void run(() => actions.onDeliver(m.id))}>
              Delivered today
            </button>
            <button type="button" onClick={() => setMoving(!moving)} aria-expanded={moving}>
              Move due date
            </button>
          </>
        )}
        {m.deliveredAt !== undefined && m.acceptedAt === undefined && (
          <button type="button" onClick={() => void run(() => actions.onAccept(m.id))}>
            Accept
          </button>
        )}
        {m.paidAt === undefined && (open || m.acceptedAt !== undefined) && (
          <button
            type="button"
            class={m.acceptedAt === undefined ? 'warn' : ''}
            title={m.acceptedAt === undefined ? 'Rule 2: pay on acceptance, never before' : undefined}
            onClick={() => void run(() => actions.onPay(m.id))}
          >
            {m.acceptedAt === undefined ? 'Pay (before acceptance!)' : 'Paid'}
          </button>
        )}
      </div>
      {moving && (
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            const dueAt = dayInputToDueDate(day);
            if (dueAt === null) return;
            void run(() => actions.onRenegotiate(m.id, dueAt, reason.trim() || undefined)).then(
              (moved) => moved && setMoving(false),
            );
          }}
        >
          <input
            type="date"
            aria-label="New due date"
            value={day}
            onInput={(e) => setDay(e.currentTarget.value)}
          />
          <input
            class="grow"
            aria-label="Why it moved"
            placeholder="Why it moved"
            value={reason}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
          <button type="submit">Move</button>
        </form>
      )}
    </li>
  );
}

function MilestoneForm({
  onAdd,
}: {
  onAdd: (input: { amount: number; dueAt: number; title?: string }) => Promise<void>;
}) {
  const [title, setTitle] = useState('');
  const [amount, setAmount] = useState('');
  const [day, setDay] = useState('');
  const { act, pending, error, setError } = useAction(onAdd);
  return (
    <form
      class="row"
      aria-label="Add a milestone"
      onSubmit={async (e) => {
        e.preventDefault();
        const value = Number(amount);
        const dueAt = dayInputToDueDate(day);
        if (!(amount.trim() !== '' && value >= 0)) return setError('Give the milestone an amount.');
        if (dueAt === null) return setError('Give the milestone a due date.');
        if (!(await act({ amount: value, dueAt, title: title.trim() || undefined }))) return;
        setTitle('');
        setAmount('');
        setDay('');
      }}
    >
      <input
        class="grow"
        aria-label="Milestone"
        placeholder="Milestone"
        value={title}
        onInput={(e) => setTitle(e.currentTarget.value)}
      />
      <input
        type="number"
        min={0}
        step="any"
        aria-label="Amount"
        placeholder="Amount"
        value={amount}
        onInput={(e) => setAmount(e.currentTarget.value)}
      />
      <input type="date" aria-label="Due date" value={day} onInput={(e) => setDay(e.currentTarget.value)} />
      <button type="submit" disabled={pending}>
        Add milestone
      </button>
      <ErrorText message={error} />
    </form>
  );
}

function EngagementForm({ onCreate }: { onCreate: EngagementActions['onCreate'] }) {
  const [title, setTitle] = useState('');
  const [skill, setSkill] = useState('');
  const [budget, setBudget] = useState('');
  const [currency, setCurrency] = useState('USD');
  const { act, pending, error, setError } = useAction(onCreate);
  return (
    <form
      class="stack card"
      aria-label="New engagement"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!title.trim()) return setError('Give the engagement a title.');
        const value = budget.trim() === '' ? undefined : Number(budget);
        if (value !== undefined && !(value >= 0)) return setError('The budget is a positive number.');
        const saved = await act({
          title: title.trim(),
          skill: skill.trim() || undefined,
          budget: value,
          currency: value === undefined ? undefined : currency,
        });
        if (!saved) return;
        setTitle('');
        setSkill('');
        setBudget('');
      }}
    >
      <strong>New engagement</strong>
      <div class="row">
        <input
          class="grow"
          aria-label="Title"
          placeholder="Title"
          value={title}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
        <input
          aria-label="Skill area"
          placeholder="Skill area"
          value={skill}
          onInput={(e) => setSkill(e.currentTarget.value)}
        />
      </div>
      <div class="row">
        <input
          type="number"
          min={0}
          step="any"
          aria-label="Budget"
          placeholder="Budget"
          value={budget}
          onInput={(e) => setBudget(e.currentTarget.value)}
        />
        <input
          aria-label="Currency"
          maxLength={3}
          value={currency}
          onInput={(e) => setCurrency(e.currentTarget.value.toUpperCase())}
        />
        <button type="submit" disabled={pending}>
          Start engagement
        </button>
      </div>
      <ErrorText message={error} />
    </form>
  );
}
