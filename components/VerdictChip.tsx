import type { Verdict } from '../model/verdict';
import { VERDICT_TEXT } from './verdict-labels';

/** The verdict and the score; `short` where the room is tight (the overlay's header), the advice on hover. */
export function VerdictChip({
  verdict,
  score,
  short = false,
}: {
  verdict: Verdict;
  score?: number | null;
  short?: boolean;
}) {
  const { label, short: shortLabel, advice } = VERDICT_TEXT[verdict];
  return (
    <span
      class="chip"
      data-verdict={verdict}
      title={short ? `${label}: ${advice}` : advice}
      data-testid="verdict"
    >
      {short ? shortLabel : label}
      {score != null && <span title="Reliability score out of 100">{score}</span>}
    </span>
  );
}
