import { useState } from 'preact/hooks';
import type { CancelPlan } from '../model/cancel-plan';
import { COOL_OFF_CHOICES, type CoolOff, NEVER_REHIRE } from '../model/cool-off';
import { formatDay, plural } from '../scoring/format';
import { isolated } from './bidi';
import { ErrorText } from './ErrorText';
import { useAction } from './use-action';
import { VerdictChip } from './VerdictChip';

type Props = {
  plan: CancelPlan;
  onCancel: (choice: { coolOff: CoolOff; reason: string }) => Promise<void>;
  onRevoke: (accessId: string) => Promise<void>;
  onReinstate: () => Promise<void>;
};

/**
 * "Cancel and move on", whole: the strikes that led here; the engagements that end, with the open
 * milestones that close and the delivered work not to pay for as it is; the cool-off; the accesses to
 * take back, one click each; and who is next in each skill area — or where to find someone.
 */
export function CancelFlow({ plan, onCancel, onRevoke, onReinstate }: Props) {
  const dropped = plan.droppedUntil !== undefined;
  const { act, pending, error } = useAction((work: () => Promise<void>) => work());
  return (
    <section class="stack cancel-flow" aria-label="Cancel and move on">
      {dropped ? (
        <div class="stack">
          <h2 title={plan.name}>{isolated(plan.name)} is dropped</h2>
          <p>
            {plan.droppedUntil === NEVER_REHIRE
              ? 'You will not rehire them.'
              : `Cool-off until ${formatDay(plan.droppedUntil as number)}.`}{' '}
            <button
              type="button"
              class="link-button"
              disabled={pending}
              onClick={() => void act(onReinstate)}
            >
              Take them back
            </button>
          </p>
        </div>
      ) : (
        <h2 title={plan.name}>Cancel and move on: {isolated(plan.name)}</h2>
      )}
      <div class="stack">
        <h3>The strikes that led here</h3>
        {plan.strikes.length === 0 ? (
          <p class="muted">No strikes in your policy window: this is your own call.</p>
        ) : (
          <ul class="plain">
            {plan.strikes.map((s) => (
              <li key={`${s.headline}${s.day}`}>
                <span class="strike">✕</span> {s.headline} <span class="muted">· {formatDay(s.day)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <Ending plan={plan} dropped={dropped} />
      {!dropped && <CancelForm plan={plan} onCancel={(choice) => act(() => onCancel(choice))} />}
      <ErrorText message={error} />
      <Accesses plan={plan} onRevoke={onRevoke} />
      <NextPeople plan={plan} />
    </section>
  );
}

function Ending({ plan, dropped }: { plan: CancelPlan; dropped: boolean }) {
  return (
    <div class="stack">
      <h3>{dropped ? 'What ended' : 'What ends'}</h3>
      {plan.engagements.length === 0 && <p class="muted">No engagement is running.</p>}
      {plan.engagements.map((e) => (
        <div key={e.title} class="card stack" data-testid="ending">
          <span>
            <strong>{e.title}</strong>{' '}
            <span class="muted">
              {e.closing.length
                ? `— ${dropped ? 'closed' : 'closes'} with nothing more to deliver or pay: ${e.closing.join(', ')}`
                : '— no open milestones'}
            </span>
          </span>
          {e.unaccepted.map((u) => (
            <p key={u.title} class="error">
              "{isolated(u.title)}" ({u.amount}) was delivered on {formatDay(u.deliveredAt)} and not accepted:{' '}
              {u.paid ? 'it was paid before acceptance.' : "don't pay for unaccepted work."}
            </p>
          ))}
        </div>
      ))}
    </div>
  );
}

function CancelForm({
  plan,
  onCancel,
}: {
  plan: CancelPlan;
  onCancel: (choice: { coolOff: CoolOff; reason: string }) => Promise<boolean>;
}) {
  const choices = COOL_OFF_CHOICES.some((c) => c.value === plan.coolOffDays)
    ? COOL_OFF_CHOICES
    : [
        { value: plan.coolOffDays, label: `${plural(plan.coolOffDays, 'day')} (your default)` },
        ...COOL_OFF_CHOICES,
      ];
  const [coolOff, setCoolOff] = useState<CoolOff>(plan.coolOffDays);
  const [reason, setReason] = useState('');
  return (
    <form
      class="stack"
      aria-label="Cancel"
      onSubmit={(e) => {
        e.preventDefault();
        void onCancel({ coolOff, reason: reason.trim() });
      }}
    >
      <fieldset class="row">
        <legend>Cool-off: no rehiring for</legend>
        {choices.map((c) => (
          <label key={c.value} class="choice">
            <input
              type="radio"
              name="coolOff"
              checked={coolOff === c.value}
              onChange={() => setCoolOff(c.value)}
            />
            {c.label}
          </label>
        ))}
      </fieldset>
      <label>
        <span class="muted">Why (optional)</span>
        <input name="reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <div class="row">
        <button type="submit" class="danger">
          Cancel and move on
        </button>
      </div>
    </form>
  );
}

function Accesses({ plan, onRevoke }: { plan: CancelPlan; onRevoke: (accessId: string) => Promise<void> }) {
  const { act, pending, error } = useAction(onRevoke, 'Not revoked');
  return (
    <div class="stack">
      <h3>Take back their accesses</h3>
      {plan.accesses.length === 0 ? (
        <p class="muted">They hold no access you recorded.</p>
      ) : (
        <ul class="plain" aria-label="Accesses to take back">
          {plan.accesses.map((a) => (
            <li key={a.id} class="spread" data-testid="access" data-revoked={a.revokedAt !== undefined}>
              <span>
                <span aria-hidden="true" class={a.revokedAt ? 'gain' : 'muted'}>
                  {a.revokedAt ? '☑' : '☐'}
                </span>{' '}
                {isolated(a.what)} <span class="muted">({a.level})</span>
              </span>
              {a.revokedAt ? (
                <span class="muted">revoked</span>
              ) : (
                <button type="button" disabled={pending} onClick={() => void act(a.id)}>
                  Revoke
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorText message={error} />
    </div>
  );
}

function NextPeople({ plan }: { plan: CancelPlan }) {
  return (
    <div class="stack">
      <h3>Who is next</h3>
      {plan.areas.length === 0 && (
        <p class="muted">
          No skill areas recorded for {isolated(plan.name)}: add them (About, in the full history) to see who
          could take the work over.
        </p>
      )}
      {plan.areas.map((area) => (
        <div key={area.skill} class="stack" data-testid="next-area">
          <strong>{area.skill}</strong>
          {area.people.length > 0 ? (
            <ul class="plain" aria-label={`Next for ${area.skill}`}>
              {area.people.map((p) => (
                <li key={p.name} class="spread" data-testid="next-person">
                  <span>
                    {p.url ? (
                      <a href={p.url} target="_blank" rel="noreferrer">
                        {isolated(p.name)}
                      </a>
                    ) : (
                      isolated(p.name)
                    )}{' '}
                    <span class="muted">
                      {p.site ? `${p.site} · ` : ''}
                      {p.activeEngagements === 0
                        ? 'free now'
                        : `on ${plural(p.activeEngagements, 'engagement')}`}
                    </span>
                  </span>
                  <VerdictChip verdict={p.verdict} score={p.score} />
                </li>
              ))}
            </ul>
          ) : (
            <p>
              No backup for {isolated(area.skill)}: find someone on{' '}
              {area.search.map((s, i) => (
                <span key={s.url}>
                  {i > 0 && ', '}
                  <a href={s.url} target="_blank" rel="noreferrer">
                    {s.name}
                  </a>
                </span>
              ))}
              .
            </p>
          )}
        </div>
      ))}
    </div>
  );
}
