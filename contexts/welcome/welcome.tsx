import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ErrorText } from '../../components/ErrorText';
import { Loaded } from '../../components/Loaded';
import { Logo } from '../../components/Logo';
import { useAction } from '../../components/use-action';
import { type Policy, policies } from '../../model/settings';
import { adapters } from '../../sites';
import { getDb } from '../../storage/db';
import { seedDemo } from '../../storage/demo';
import { loadRoster } from '../../storage/roster';
import { readSettings, updateSettings } from '../../storage/settings';
import { useLive } from '../pages/live';

// Opened once, when the extension is installed: what it does, the privacy promise, how strict to be,
// and demo data to try it with — offered, never loaded unasked.

const POLICIES: { value: Exclude<Policy, 'custom'>; name: string; says: string }[] = [
  {
    value: 'strict',
    name: 'Strict (recommended)',
    says: 'No excuses, no delays: one late delivery or excuse in a year, and it is time to move on.',
  },
  {
    value: 'standard',
    name: 'Standard',
    says: 'Two strikes in 180 days; a day of grace after each due date.',
  },
  { value: 'lenient', name: 'Lenient', says: 'Three strikes in 180 days; two days of grace.' },
];

function StrikePolicy() {
  const settings = useLive(() => readSettings(getDb()), []);
  // The choice shows at once; the stored one follows when written.
  const [chosen, setChosen] = useState<Policy | null>(null);
  const { act, error } = useAction((policy: Policy) => updateSettings(getDb(), { policy }), 'Not saved');
  return (
    <Loaded live={settings}>
      {(s) => (
        <fieldset class="stack">
          <legend class="visually-hidden">Strike policy</legend>
          {POLICIES.map((p) => (
            <label key={p.value} class="choice card">
              <input
                type="radio"
                name="policy"
                value={p.value}
                checked={(chosen ?? s.policy) === p.value}
                onChange={() => {
                  setChosen(p.value);
                  void act(p.value);
                }}
              />
              <span>
                <strong>{p.name}</strong> — {p.says}{' '}
                <span class="muted">
                  ({policies[p.value].strikeLimit} in {policies[p.value].strikeWindowDays} days)
                </span>
              </span>
            </label>
          ))}
          {s.policy === 'custom' && <p class="muted">You set your own numbers on the roster page.</p>}
          <ErrorText message={error} />
        </fieldset>
      )}
    </Loaded>
  );
}

function Demo() {
  const roster = useLive(() => loadRoster(getDb()), []);
  const { act, pending, error } = useAction(() => seedDemo(getDb(), Date.now()), 'Not loaded');
  const tracked = roster.status === 'ready' ? roster.value.length : 0;
  return (
    <div class="stack">
      {tracked > 0 ? (
        <p role="status">
          You track {tracked} {tracked === 1 ? 'person' : 'people'}.{' '}
          <a href={browser.runtime.getURL('/dashboard.html')}>Open the roster</a>
        </p>
      ) : (
        <div class="row">
          <button type="button" disabled={pending} onClick={() => void act()}>
            Load demo data
          </button>
          <span class="muted">three invented freelancers with a little history — or start with nobody.</span>
        </div>
      )}
      <ErrorText message={error} />
    </div>
  );
}

export function Welcome() {
  const sites = adapters.map((a) => a.name).join(', ');
  return (
    <div class="stack dashboard welcome">
      <h1 class="row">
        <Logo size={32} /> Track Record is ready
      </h1>
      <p>
        On a freelancer's profile ({sites}), Track Record shows what <em>you</em> know about them: your notes,
        their late deliveries and excuses, a reliability score and a verdict — keep, watch, or cancel and move
        on.
      </p>
      <section class="stack block">
        <h2>What it does</h2>
        <ul>
          <li>
            Record what happened from the profile page in a few keystrokes: delivered late, an excuse, a note.
          </li>
          <li>
            Deadlines speak up: the toolbar counts what is due, and a reminder asks whether it was delivered.
          </li>
          <li>
            When the strikes are in, cancel and move on: it lists the accesses to take back and who is next.
          </li>
        </ul>
      </section>
      <section class="stack block">
        <h2>Your records stay here</h2>
        <p>
          Everything you record stays in this browser. There is no account and no server: Track Record sends
          nothing anywhere, and the marketplace's page cannot read what it shows you. Export a backup from the
          roster page whenever you like.
        </p>
      </section>
      <section class="stack block">
        <h2>How strict should it be?</h2>
        <StrikePolicy />
      </section>
      <section class="stack block">
        <h2>Try it</h2>
        <Demo />
      </section>
    </div>
  );
}
