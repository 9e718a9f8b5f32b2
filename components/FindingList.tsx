import type { RecordId } from '../model/ids';
import type { Finding } from '../scoring/rules';
import { searchLinks } from '../sites/index';
import { isolated } from './bidi';

export const RULE_NAMES: Record<Finding['rule'], string> = {
  1: 'Two people per area',
  2: 'Pay on acceptance',
  3: 'No huge project for one person',
  4: 'Arm’s length',
  5: 'No excuses, no delays',
  care: 'Take care of the good ones',
};

/** Where in a contractor's record each kind of finding is cleared (a section of the detail view). */
const CLEARED_IN: Record<string, { section: string; label: string }> = {
  'paid-before-acceptance': { section: 'engagements', label: 'Review the payment' },
  'paid-not-accepted': { section: 'engagements', label: 'Accept or follow up the work' },
  'big-engagement-without-milestones': { section: 'engagements', label: 'Add milestones' },
  'open-budget-concentrated': { section: 'engagements', label: 'Review their engagements' },
  'many-accesses': { section: 'accesses', label: 'Review accesses' },
  'access-after-cancel': { section: 'accesses', label: 'Review accesses' },
  'access-after-engagement': { section: 'accesses', label: 'Review accesses' },
  'powerful-access': { section: 'accesses', label: 'Review accesses' },
  'strike-limit': { section: 'ending', label: 'Cancel and move on' },
  'repeated-excuse': { section: 'history', label: 'See the excuses' },
  'reward-due': { section: 'record', label: 'Record a bonus or a raise' },
};

/** A contractor's record, opened at a section. */
export const recordLink = (id: RecordId, section?: string) =>
  `#contractor=${encodeURIComponent(id)}${section ? `&section=${section}` : ''}`;

type Props = {
  findings: Finding[];
  names: ReadonlyMap<RecordId, string>;
  /** Skill areas by key (lower case) → as the user wrote them. */
  skills: ReadonlyMap<string, string>;
  /** What each access is, for its "Revoke" button. */
  accesses: ReadonlyMap<RecordId, string>;
  onRevoke: (accessId: RecordId) => void;
  onThank: (contractorId: RecordId) => void;
  busy: boolean;
};

/**
 * What the five rules (and the care rule) say about the roster: each finding links to the record it is
 * about and to what clears it — a marketplace's search, a section of the record, or the action itself.
 */
export function FindingList({ findings, names, skills, accesses, onRevoke, onThank, busy }: Props) {
  if (findings.length === 0) return <p class="muted">All five rules hold. Nothing to act on.</p>;
  return (
    <ul class="plain" aria-label="Findings">
      {findings.map((finding) => {
        const contractors = finding.records.flatMap((r) => (r.kind === 'contractor' ? [r.id] : []));
        const access = finding.records.find((r) => r.kind === 'access')?.id;
        const skill = finding.records.find((r) => r.kind === 'skill')?.id;
        const cleared = CLEARED_IN[finding.code];
        const owner = contractors[0];
        return (
          <li
            key={`${finding.code}:${finding.message}`}
            class="card finding stack"
            data-severity={finding.severity}
          >
            <div class="note-date">
              {RULE_NAMES[finding.rule]} · {finding.severity}
            </div>
            <div>{finding.message}</div>
            <div class="row small">
              {skill !== undefined ? (
                <>
                  <span class="muted">Find more for {isolated(skills.get(skill) ?? skill)}:</span>
                  {searchLinks(skills.get(skill) ?? skill).map((l) => (
                    <a key={l.platform} href={l.url} target="_blank" rel="noreferrer">
                      {l.name}
                    </a>
                  ))}
                </>
              ) : (
                owner !== undefined && <a href={recordLink(owner)}>{names.get(owner) ?? 'Open the record'}</a>
              )}
              {owner !== undefined && cleared && skill === undefined && (
                <a href={recordLink(owner, cleared.section)}>{cleared.label} →</a>
              )}
              {access !== undefined && accesses.has(access) && (
                <button type="button" disabled={busy} onClick={() => onRevoke(access)}>
                  Revoke {accesses.get(access)}
                </button>
              )}
              {finding.code === 'reward-due' && owner !== undefined && (
                <button type="button" disabled={busy} onClick={() => onThank(owner)}>
                  Record a thank-you
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
