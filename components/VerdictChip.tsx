import type { Verdict } from '../model/verdict';
import { VERDICT_TEXT } from './verdict-labels';

export function VerdictChip({ verdict, score }: { verdict: Verdict; score?: number | null }) {
  const { label, advice } = VERDICT_TEXT[verdict];
  return (
    <span class="chip" data-verdict={verdict} title={advice} data-testid="verdict">
      {label}
      {score != null && <span title="Reliability score out of 100">{score}</span>}
    </span>
  );
}
