import { useState } from 'preact/hooks';
import type { Contractor } from '../model/records';
import { ErrorText } from './ErrorText';
import { useAction } from './use-action';

export type AboutPatch = { name: string; skills: string[]; tags: string[]; drives?: string };

const list = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

/** Who they are to you: skill areas (rule 1 counts proven people per area), tags, what drives them. */
export function ContractorAbout({
  contractor,
  onSave,
}: {
  contractor: Pick<Contractor, 'name' | 'skills' | 'tags' | 'drives'>;
  onSave: (patch: AboutPatch) => Promise<void>;
}) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(contractor.name);
  const [skills, setSkills] = useState(contractor.skills.join(', '));
  const [tags, setTags] = useState(contractor.tags.join(', '));
  const [drives, setDrives] = useState(contractor.drives ?? '');
  const { act, pending, error, setError } = useAction(onSave);

  if (!editing) {
    return (
      <div class="stack">
        <p>
          <span class="muted">Skill areas:</span> {contractor.skills.join(', ') || '—'}
          <br />
          <span class="muted">Tags:</span> {contractor.tags.join(', ') || '—'}
          <br />
          <span class="muted">What drives them:</span> {contractor.drives || '—'}
        </p>
        <div class="row">
          <button
            type="button"
            onClick={() => {
              setName(contractor.name);
              setSkills(contractor.skills.join(', '));
              setTags(contractor.tags.join(', '));
              setDrives(contractor.drives ?? '');
              setEditing(true);
            }}
          >
            Edit
          </button>
        </div>
      </div>
    );
  }
  return (
    <form
      class="stack"
      aria-label="About this contractor"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!name.trim()) return setError('A contractor needs a name.');
        const patch = {
          name: name.trim(),
          skills: list(skills),
          tags: list(tags),
          drives: drives.trim() || undefined,
        };
        if (await act(patch)) setEditing(false);
      }}
    >
      <label>
        <span class="muted">Name</span>
        <input name="name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        <span class="muted">Skill areas (comma separated)</span>
        <input name="skills" value={skills} onInput={(e) => setSkills(e.currentTarget.value)} />
      </label>
      <label>
        <span class="muted">Tags (comma separated)</span>
        <input name="tags" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      </label>
      <label>
        <span class="muted">What drives them</span>
        <textarea name="drives" value={drives} onInput={(e) => setDrives(e.currentTarget.value)} />
      </label>
      <ErrorText message={error} />
      <div class="row">
        <button type="submit" class="primary" disabled={pending}>
          Save
        </button>
        <button type="button" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
