import { LineChart } from '../../components/Charts';
import { metricDrop, metricOverTime, onTimeOverTime, scoreOverTime } from '../../scoring/trends';
import { siteName } from '../../sites/index';
import type { ContractorView } from '../../storage/contractors';
import { loadMetricHistory } from '../../storage/contractors';
import { getDb } from '../../storage/db';
import { useLive } from './live';

/**
 * A contractor over time: their score and on-time rate from what you recorded, and the platform metrics
 * the extension noted on each visit to their profiles, with a fall since you hired them flagged.
 */
export function ContractorTrends({ view }: { view: ContractorView }) {
  const { summary, settings, contractor, profiles } = view;
  const now = view.assessment.at;
  const snapshots = useLive(
    () =>
      Promise.all(
        profiles.map(async (p) => ({ profile: p, snapshots: await loadMetricHistory(getDb(), p.key) })),
      ),
    [profiles.map((p) => p.key).join(' ')],
  );
  const score = scoreOverTime(summary.facts, settings, now);
  const onTime = onTimeOverTime(summary.facts, settings, now);
  const hiredAt = Math.min(contractor.createdAt, ...view.engagements.map((e) => e.startedAt));
  const platforms = snapshots.status === 'ready' ? snapshots.value.filter((s) => s.snapshots.length > 0) : [];
  if (score.length === 0 && platforms.length === 0) return null;
  return (
    <section class="stack block" id="trends">
      <h3>Over time</h3>
      <div class="columns">
        <LineChart
          title="Score and on-time deliveries"
          min={0}
          max={100}
          series={[
            { label: 'Score', points: score, className: 'series-a' },
            { label: 'On time, last 90 days (%)', points: onTime, className: 'series-b' },
          ]}
        />
        {platforms.map(({ profile, snapshots }) => {
          const jobSuccess = metricOverTime(snapshots, 'jobSuccess');
          const rating = metricOverTime(snapshots, 'rating');
          const drops = [
            metricDrop(jobSuccess, 'jobSuccess', hiredAt),
            metricDrop(rating, 'rating', hiredAt),
          ].filter((d): d is string => d !== null);
          return (
            <div key={profile.key} class="stack">
              {jobSuccess.length > 0 && (
                <LineChart
                  title={`${siteName(profile.platform)}: Job Success`}
                  min={Math.min(80, ...jobSuccess.map((p) => p[1] ?? 100))}
                  max={100}
                  unit="%"
                  series={[{ label: 'Job Success', points: jobSuccess, className: 'series-a' }]}
                />
              )}
              {rating.length > 0 && (
                <LineChart
                  title={`${siteName(profile.platform)}: rating`}
                  min={Math.min(4, ...rating.map((p) => p[1] ?? 5))}
                  max={5}
                  series={[{ label: 'Rating', points: rating, className: 'series-b' }]}
                />
              )}
              {drops.map((d) => (
                <p key={d} class="warn-text" role="note">
                  ⚠ {d}.
                </p>
              ))}
              <p class="muted small">
                {snapshots.length} {snapshots.length === 1 ? 'visit' : 'visits'} recorded on{' '}
                {siteName(profile.platform)}.
              </p>
            </div>
          );
        })}
      </div>
    </section>
  );
}
