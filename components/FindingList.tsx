import type { Finding } from '../scoring/rules';

const RULE_NAMES: Record<Finding['rule'], string> = {
  1: 'Two people per area',
  2: 'Pay on acceptance',
  3: 'No huge project for one person',
  4: 'Arm’s length',
  5: 'No excuses, no delays',
  care: 'Take care of the good ones',
};

/** What the five rules (and the care rule) say about the roster. */
export function FindingList({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return <p class="muted">All five rules hold. Nothing to act on.</p>;
  return (
    <ul class="plain" aria-label="Findings">
      {findings.map((finding) => (
        <li key={`${finding.code}:${finding.message}`} class="card finding" data-severity={finding.severity}>
          <div class="note-date">
            {RULE_NAMES[finding.rule]} · {finding.severity}
          </div>
          <div>{finding.message}</div>
        </li>
      ))}
    </ul>
  );
}
