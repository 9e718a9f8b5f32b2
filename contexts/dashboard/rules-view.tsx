import { useState } from 'preact/hooks';
import { BarChart } from '../../components/Charts';
import { ErrorText } from '../../components/ErrorText';
import { FindingList, RULE_NAMES, recordLink } from '../../components/FindingList';
import type { RecordId } from '../../model/ids';
import { dayOf } from '../../scoring/dates';
import { formatDay, messageOf, money } from '../../scoring/format';
import { formatAmounts } from '../../scoring/roster-query';
import type { Amounts } from '../../scoring/roster-row';
import { searchLinks } from '../../sites/index';
import { getDb } from '../../storage/db';
import { recordReward, revokeAccess } from '../../storage/history';
import { loadOverview, type OpenMilestone, type Overview } from '../../storage/roster';
import { useLive } from '../pages/live';

/** Milestones due within this many days are "upcoming". */
const UPCOMING_DAYS = 14;

const load = async () => ({ overview: await loadOverview(getDb()), now: Date.now() });

/** The five rules at a glance: skill areas, findings with what clears them, milestones, rewards, spend. */
export function RulesView() {
  const data = useLive(load, []);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const attempt = (work: () => Promise<unknown>) => {
    setError(null);
    setBusy(true);
    work()
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  };
  if (data.status === 'loading')
    return (
      <p class="muted loading" role="status">
        Checking everyone against the five rules…
      </p>
    );
  if (data.status === 'failed') return <p class="error">Could not read your records: {data.error}</p>;
  const { overview: o, now } = data.value;
  if (o.names.size === 0)
    return (
      <div class="card empty">
        <p>The rules have nobody to look at yet: track someone, or import your records from the Data view.</p>
      </div>
    );
  const care = o.findings.filter((f) => f.rule === 'care');
  const others = o.findings.filter((f) => f.rule !== 'care' && f.code !== 'skill-area-thin');

  return (
    <div class="stack">
      <ErrorText message={error} />
      <div class="columns">
        <section class="stack block" aria-labelledby="areas">
          <h2 id="areas">Two people per area</h2>
          <SkillAreas overview={o} />
        </section>
        <section class="stack block" aria-labelledby="milestones">
          <h2 id="milestones">Milestones due</h2>
          <Milestones open={o.open} now={now} />
        </section>
      </div>
      <section class="stack block" aria-labelledby="findings">
        <h2 id="findings">What the rules say</h2>
        <FindingList
          findings={others}
          names={o.names}
          skills={new Map(o.areas.map((a) => [a.key, a.name]))}
          accesses={new Map(o.accesses.map((a) => [a.id, a.what]))}
          onRevoke={(id) => attempt(() => revokeAccess(getDb(), id))}
          onThank={(id) => attempt(() => recordReward(getDb(), { contractorId: id, kind: 'thanks' }))}
          busy={busy}
        />
      </section>
      <section class="stack block" aria-labelledby="care">
        <h2 id="care">{RULE_NAMES.care}: rewards due</h2>
        {care.length === 0 ? (
          <p class="muted">No one is due a reward yet.</p>
        ) : (
          <FindingList
            findings={care}
            names={o.names}
            skills={new Map()}
            accesses={new Map()}
            onRevoke={() => undefined}
            onThank={(id) => attempt(() => recordReward(getDb(), { contractorId: id, kind: 'thanks' }))}
            busy={busy}
          />
        )}
      </section>
      <section class="stack block" aria-labelledby="spend">
        <h2 id="spend">Spend</h2>
        <Spend overview={o} />
      </section>
    </div>
  );
}

function SkillAreas({ overview: o }: { overview: Overview }) {
  if (o.areas.length === 0) return <p class="muted">No skill areas yet: add them to your contractors.</p>;
  const wanted = o.settings.provenPerSkill;
  return (
    <ul class="plain areas" aria-label="Skill areas">
      {o.areas.map((a) => {
        const short = a.proven.length < wanted;
        return (
          <li key={a.key} class="card stack" data-short={short || undefined}>
            <div class="spread">
              <strong>{a.name}</strong>
              <span class={short ? 'strike' : 'good'}>
                {a.proven.length} of {wanted} proven
              </span>
            </div>
            <div class="small">
              {a.proven.length > 0 ? (
                a.proven.map((c, i) => (
                  <span key={c.id}>
                    {i > 0 && ', '}
                    <a href={recordLink(c.id)}>{c.name}</a>
                  </span>
                ))
              ) : (
                <span class="muted">
                  No one proven{a.all.length > 0 ? ` (${a.all.length} on trial)` : ''}.
                </span>
              )}
            </div>
            {short && (
              <div class="row small">
                <span class="muted">Find more:</span>
                {searchLinks(a.name).map((l) => (
                  <a key={l.platform} href={l.url} target="_blank" rel="noreferrer">
                    {l.name}
                  </a>
                ))}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function Milestones({ open, now }: { open: OpenMilestone[]; now: number }) {
  const today = dayOf(now);
  const due = open.filter((m) => dayOf(m.dueAt) <= today + UPCOMING_DAYS);
  if (due.length === 0)
    return (
      <p class="muted">
        Nothing due in the next {UPCOMING_DAYS} days{open.length ? '' : ', and no open milestones'}.
      </p>
    );
  return (
    <ul class="plain" aria-label="Milestones due">
      {due.slice(0, 50).map((m) => {
        const days = dayOf(m.dueAt) - today;
        const when =
          days < 0
            ? `${-days} ${days === -1 ? 'day' : 'days'} overdue`
            : days === 0
              ? 'due today'
              : `due in ${days} ${days === 1 ? 'day' : 'days'}`;
        return (
          <li key={m.milestone.id} class="row milestone-due" data-overdue={days < 0 || undefined}>
            <span class={days < 0 ? 'strike' : days <= 2 ? 'warn-text' : 'muted'}>{when}</span>
            <a href={recordLink(m.contractor.id, 'engagements')}>{m.contractor.name}</a>
            <span class="clip grow">
              {m.engagement.title}
              {m.milestone.title ? ` — ${m.milestone.title}` : ''}
            </span>
            <span class="muted small">{formatDay(m.dueAt)}</span>
          </li>
        );
      })}
      {due.length > 50 && <li class="muted">and {due.length - 50} more</li>}
    </ul>
  );
}

/** The biggest amounts, in the currency with the most spend (others noted beside). */
function bars<T>(items: T[], amounts: (t: T) => Amounts, label: (t: T) => string, href?: (t: T) => string) {
  const totals = new Map<string, number>();
  for (const t of items)
    for (const [c, v] of Object.entries(amounts(t))) totals.set(c, (totals.get(c) ?? 0) + v);
  const currency = [...totals].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (currency === undefined) return { currency: '', bars: [] };
  return {
    currency,
    bars: items
      .filter((t) => (amounts(t)[currency] ?? 0) > 0)
      .sort((a, b) => (amounts(b)[currency] ?? 0) - (amounts(a)[currency] ?? 0))
      .slice(0, 8)
      .map((t) => {
        const { [currency]: _main, ...rest } = amounts(t);
        const other = formatAmounts(rest);
        return {
          label: label(t),
          value: amounts(t)[currency] ?? 0,
          note: other ? `+ ${other}` : undefined,
          href: href?.(t),
        };
      }),
  };
}

function Spend({ overview: o }: { overview: Overview }) {
  const people = bars(
    o.spendByContractor,
    (s) => s.paid,
    (s) => s.name,
    (s) => recordLink(s.id as RecordId),
  );
  const skills = bars(
    o.spendBySkill,
    (s) => s.paid,
    (s) => s.skill,
  );
  if (people.bars.length === 0)
    return <p class="muted">Nothing paid yet: payments you record on milestones and bonuses show here.</p>;
  const inCurrency = (c: string) => (v: number) => money(Math.round(v), c || undefined);
  return (
    <div class="columns">
      <BarChart
        title={`Paid per contractor (top ${people.bars.length})`}
        bars={people.bars}
        format={inCurrency(people.currency)}
      />
      <BarChart title="Paid per skill area" bars={skills.bars} format={inCurrency(skills.currency)} />
    </div>
  );
}
