import { useState } from 'preact/hooks';
import type { RecordId } from '../model/ids';
import type { PlatformMetrics } from '../model/page';
import type { Contractor, ProfileRecord } from '../model/records';
import { formatDay, messageOf } from '../scoring/format';
import { siteName } from '../sites';
import { isolated } from './bidi';
import { ErrorText } from './ErrorText';

function metricsText(m: PlatformMetrics | undefined): string {
  if (!m) return '';
  return [
    m.rating !== undefined && `★ ${m.rating}${m.reviews !== undefined ? ` (${m.reviews})` : ''}`,
    m.jobSuccess !== undefined && `${m.jobSuccess}% job success`,
    m.level,
    m.rate,
  ]
    .filter(Boolean)
    .join(' · ');
}

type Props = {
  profiles: ProfileRecord[];
  /** Other contractors this one could absorb. */
  others: Pick<Contractor, 'id' | 'name'>[];
  onUnlink: (key: string) => Promise<void>;
  onMerge: (fromId: RecordId) => Promise<void>;
  name: string;
};

/** A contractor's identities on the marketplaces: separate one, or merge another contractor in. */
export function ProfileList({ profiles, others, onUnlink, onMerge, name }: Props) {
  const [mergeFrom, setMergeFrom] = useState<RecordId | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = (work: Promise<void>) => {
    setError(null);
    work.catch((e: unknown) => setError(messageOf(e)));
  };
  const candidate = others.find((o) => o.id === mergeFrom);
  return (
    <div class="stack">
      {profiles.length === 0 && <p class="muted">No marketplace profile is linked.</p>}
      <ul class="plain" aria-label="Profiles">
        {profiles.map((p) => (
          <li key={p.key} class="card stack">
            <div class="spread">
              <a href={p.url} target="_blank" rel="noreferrer">
                {siteName(p.platform)}: {p.name || p.id}
              </a>
              <span class="note-date">seen {formatDay(p.lastSeenAt)}</span>
            </div>
            {(p.title || p.metrics) && (
              <div class="muted">{[p.title, metricsText(p.metrics)].filter(Boolean).join(' · ')}</div>
            )}
            {profiles.length > 1 && (
              <div class="row">
                <button type="button" onClick={() => run(onUnlink(p.key))}>
                  Separate into a contractor of its own
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 && (
        <div class="stack">
          <label>
            <span class="muted">
              The same person tracked twice? Merge another contractor into {isolated(name)}:
            </span>
            <select
              name="merge"
              value={mergeFrom ?? ''}
              onChange={(e) => setMergeFrom(e.currentTarget.value || null)}
            >
              <option value="">Choose…</option>
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
          {candidate && (
            <p class="row" aria-live="polite">
              <span>
                Move all of {isolated(candidate.name)}'s profiles and history to {isolated(name)}?
              </span>
              <button
                type="button"
                class="primary"
                onClick={() => run(onMerge(candidate.id).then(() => setMergeFrom(null)))}
              >
                Merge
              </button>
            </p>
          )}
        </div>
      )}
      <ErrorText message={error} />
    </div>
  );
}
