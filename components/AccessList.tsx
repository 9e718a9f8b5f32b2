import { useState } from 'preact/hooks';
import type { RecordId } from '../model/ids';
import type { Access, AccessLevel } from '../model/records';
import { formatDay } from '../scoring/format';
import { ErrorText } from './ErrorText';
import { useAction } from './use-action';

const LEVELS: AccessLevel[] = ['view', 'edit', 'admin', 'billing', 'owner'];

type Props = {
  accesses: Access[];
  onGrant: (what: string, level: AccessLevel) => Promise<void>;
  onRevoke: (accessId: RecordId) => Promise<void>;
};

/** Rule 4, arm's length: what each contractor can reach, and taking it back. */
export function AccessList({ accesses, onGrant, onRevoke }: Props) {
  const [what, setWhat] = useState('');
  const [level, setLevel] = useState<AccessLevel>('edit');
  const { act: run, error, setError } = useAction((work: () => Promise<void>) => work());
  const active = accesses.filter((a) => a.revokedAt === undefined);
  return (
    <div class="stack">
      {active.length === 0 ? (
        <p class="muted">They hold no access you recorded.</p>
      ) : (
        <ul class="plain" aria-label="Active accesses">
          {active.map((a) => (
            <li key={a.id} class="card spread">
              <span>
                <strong>{a.what}</strong>{' '}
                <span class="muted">
                  ({a.level}, since {formatDay(a.grantedAt)})
                </span>
              </span>
              <button type="button" onClick={() => void run(() => onRevoke(a.id))}>
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="row"
        aria-label="Record an access"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!what.trim()) return setError('Say what the access is to, e.g. "WordPress admin".');
          if (await run(() => onGrant(what.trim(), level))) setWhat('');
        }}
      >
        <input
          class="grow"
          name="what"
          placeholder="Access to… (e.g. Google Drive folder)"
          value={what}
          onInput={(e) => setWhat(e.currentTarget.value)}
        />
        <select name="level" value={level} onChange={(e) => setLevel(e.currentTarget.value as AccessLevel)}>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
        <button type="submit">Grant</button>
      </form>
      <ErrorText message={error} />
    </div>
  );
}
