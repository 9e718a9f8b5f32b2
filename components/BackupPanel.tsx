import { formatCount } from '../scoring/format';
import { isolated } from './bidi';

type Count = { added: number; changed: number };
/** What a merge would do (storage/backup.ts `MergeResult`, as this view needs it). */
type MergePreview = {
  counts: { contractors: Count; events: Count; engagements: Count; profiles: Count } & Record<string, Count>;
  folded: { name: string; into: string }[];
  addedNames: string[];
  changedNames: string[];
};

/** A checked backup file, before anything of it is written. */
export type CheckedFile = { name: string; contractors: number; rows: number; merge: MergePreview };

const n = formatCount;

/** What importing a checked file will do, merged or replacing, and the buttons that do it. */
export function ImportReview({
  file,
  current,
  onMerge,
  onReplace,
  onCancel,
}: {
  file: CheckedFile;
  current: number;
  onMerge: () => void;
  onReplace: () => void;
  onCancel: () => void;
}) {
  const { counts, folded, addedNames, changedNames } = file.merge;
  const added = Object.values(counts).reduce((s, c) => s + c.added, 0);
  const changed = Object.values(counts).reduce((s, c) => s + c.changed, 0);
  const names = (list: string[]) =>
    `${list.slice(0, 5).map(isolated).join(', ')}${list.length > 5 ? ` and ${n(list.length - 5)} more` : ''}`;
  return (
    <div class="card stack" role="alertdialog" aria-label="Confirm import">
      <p>
        <strong>{file.name}</strong> holds {file.contractors} contractors ({n(file.rows)} records). You have{' '}
        {n(current)} now.
      </p>
      <div class="columns">
        <div class="stack">
          <h3>Merge</h3>
          {added + changed === 0 ? (
            <p class="muted">Merging changes nothing: you already have everything in this file.</p>
          ) : (
            <ul class="reasons">
              <li>
                adds {n(counts.contractors.added)} contractors
                {addedNames.length > 0 && <span class="muted"> ({names(addedNames)})</span>}
              </li>
              {counts.contractors.changed > 0 && (
                <li>
                  updates {n(counts.contractors.changed)} with newer copies{' '}
                  <span class="muted">({names(changedNames)})</span>
                </li>
              )}
              {folded.length > 0 && (
                <li>
                  {n(folded.length)} already tracked here under another record join it, by their profile:{' '}
                  <span class="muted">
                    {names(folded.map((f) => `${isolated(f.name)} → ${isolated(f.into)}`))}
                  </span>
                </li>
              )}
              <li>
                adds {n(counts.events.added)} events, {n(counts.engagements.added)} engagements,{' '}
                {n(counts.profiles.added)} profiles; updates {n(changed - counts.contractors.changed)} other
                records
              </li>
            </ul>
          )}
          <p class="muted small">
            Nothing of yours is deleted; where a record is in both, the newer copy wins.
          </p>
        </div>
        <div class="stack">
          <h3>Replace</h3>
          <p>
            Your {n(current)} contractors are replaced by the file's {n(file.contractors)}.
          </p>
          <p class="muted small">A backup of your records now is downloaded first, and you can undo.</p>
        </div>
      </div>
      <div class="row">
        <button type="button" class="primary" onClick={onMerge} disabled={added + changed === 0}>
          Merge into my records
        </button>
        <button type="button" class="danger" onClick={onReplace}>
          Replace my records
        </button>
        <button type="button" onClick={onCancel}>
          Keep my records
        </button>
      </div>
    </div>
  );
}
