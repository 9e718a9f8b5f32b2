import type { Assessment } from '../model/summary';
import { formatDay } from '../scoring/format';
import { formatContribution } from '../scoring/score';

/** Every outcome behind the score and what it contributed, newest first. */
export function WhyList({ assessment }: { assessment: Assessment }) {
  if (assessment.why.length === 0)
    return <p class="muted">No deliveries, deadlines or excuses yet: no score.</p>;
  return (
    <div class="stack">
      <p class="muted">
        Score {assessment.score ?? '—'} · confidence {assessment.confidence} · {assessment.strikes} of{' '}
        {assessment.strikeLimit} strikes in {assessment.strikeWindowDays} days
      </p>
      <ul class="plain why" aria-label="Why this score">
        {assessment.why.map((item) => (
          <li key={`${item.fact}:${item.at}:${item.eventId ?? item.milestoneId ?? ''}`} class="spread">
            <span>
              {item.headline}{' '}
              <span class="muted">
                · {item.fact === 'open' ? 'due ' : ''}
                {formatDay(item.day)}
              </span>
              {item.strikeInWindow && <strong class="strike"> · strike</strong>}
            </span>
            <span class={item.contribution < 0 ? 'loss' : 'gain'}>
              {formatContribution(item.contribution)}
            </span>
          </li>
        ))}
      </ul>
      {assessment.repeatedExcuses.map((r) => (
        <p key={r.category} class="error" role="note">
          {r.message}
        </p>
      ))}
    </div>
  );
}
