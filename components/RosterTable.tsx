import type { Contractor } from '../model/records';
import type { Assessment, StoredSummary } from '../model/summary';
import { formatDay } from '../scoring/format';
import { VerdictChip } from './VerdictChip';

export type RosterRow = Contractor & { summary: StoredSummary; assessment: Assessment };

/** Everyone the user tracks, most urgent verdict first. */
export function RosterTable({ rows }: { rows: RosterRow[] }) {
  return (
    <table class="roster">
      <thead>
        <tr>
          <th scope="col">Contractor</th>
          <th scope="col">Verdict</th>
          <th scope="col">Strikes</th>
          <th scope="col">Skills</th>
          <th scope="col">Last activity</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-testid="roster-row">
            <th scope="row">
              <a href={`#contractor=${row.id}`}>{row.name}</a>
            </th>
            <td>
              <VerdictChip verdict={row.assessment.verdict} score={row.assessment.score} />
            </td>
            <td>
              {row.assessment.strikes} / {row.assessment.strikeLimit}
            </td>
            <td>{row.skills.join(', ') || <span class="muted">—</span>}</td>
            <td>
              {row.summary.lastActivityAt ? (
                formatDay(row.summary.lastActivityAt)
              ) : (
                <span class="muted">—</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
