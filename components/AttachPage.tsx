import { useState } from 'preact/hooks';
import type { RecordId } from '../model/ids';
import { messageOf } from '../scoring/format';
import { ErrorText } from './ErrorText';

/** Whom a page is attached to: a new contractor by that name, or someone already tracked. */
export type AttachChoice = { kind: 'new'; name: string } | { kind: 'existing'; contractorId: RecordId };

type Props = {
  /** The page's address, as shown to the user. */
  address: string;
  /** Prefilled name for a new contractor (the page's title). */
  defaultName: string;
  /** Everyone already tracked, to attach the page to one of them instead. */
  contractors: { id: RecordId; name: string }[];
  onAttach: (choice: AttachChoice) => Promise<void>;
};

const NEW = 'new';

/** "Track this page": attaches a page no adapter reads to a new or an existing contractor. */
export function AttachPage({ address, defaultName, contractors, onAttach }: Props) {
  const [target, setTarget] = useState(NEW);
  const [name, setName] = useState(defaultName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const attach = async () => {
    if (target === NEW && !name.trim()) {
      setError('Give the contractor a name.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onAttach(
        target === NEW ? { kind: 'new', name: name.trim() } : { kind: 'existing', contractorId: target },
      );
    } catch (e) {
      setError(`Could not track this page: ${messageOf(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="stack"
      aria-label="Track this page"
      onSubmit={(e) => {
        e.preventDefault();
        void attach();
      }}
    >
      <p>
        Track Record does not know this page: <span class="note-text muted">{address}</span>
      </p>
      {contractors.length > 0 && (
        <label class="stack">
          <span class="muted">Contractor</span>
          <select value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
            <option value={NEW}>Someone new</option>
            {contractors.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {target === NEW && (
        <label class="stack">
          <span class="muted">Name</span>
          <input name="name" value={name} maxLength={200} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
      )}
      <ErrorText message={error} />
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          Track this page
        </button>
      </div>
    </form>
  );
}
