import type { Contractor } from '../model/records';
import type { Assessment } from '../model/summary';
import { VerdictChip } from './VerdictChip';
import { VERDICT_TEXT } from './verdict-labels';

/** Name, verdict and the reasons for it: the top of the popup and the side panel. */
export function ContractorHeader({
  contractor,
  assessment,
}: {
  contractor: Contractor;
  assessment: Assessment;
}) {
  return (
    <header class="stack">
      <div class="spread">
        <h1 title={contractor.name}>{contractor.name}</h1>
        <VerdictChip verdict={assessment.verdict} score={assessment.score} />
      </div>
      <p class="muted">{VERDICT_TEXT[assessment.verdict].advice}</p>
      {assessment.reasons.length > 0 && (
        <ul class="reasons">
          {assessment.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
    </header>
  );
}
