// A milestone's due date in effect, without the schemas: the scoring the popup's first screen runs needs it
// (scoring/facts.ts), and that screen loads no schema library.
import type { Milestone } from './records';

/** The due date in effect for a milestone. */
export function effectiveDueAt(m: Pick<Milestone, 'dueAt' | 'renegotiations'>): number {
  return m.renegotiations.at(-1)?.dueAt ?? m.dueAt;
}
