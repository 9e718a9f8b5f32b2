import { formatCount } from '../scoring/format';
/** Long work in progress: what is being done, and how far it is. */
export function ProgressBar({ phase, done, total }: { phase: string; done: number; total: number }) {
  const percent = total > 0 ? Math.min(100, Math.round((100 * done) / total)) : 0;
  return (
    <div class="progress stack">
      <div class="spread">
        <span>{phase}…</span>
        <span class="muted">
          {total > 0 ? `${formatCount(done)} of ${formatCount(total)} · ${percent}%` : ''}
        </span>
      </div>
      <div
        class="progress-track"
        role="progressbar"
        aria-label={phase}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div class="progress-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
