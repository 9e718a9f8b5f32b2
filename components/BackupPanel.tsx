import { useState } from 'preact/hooks';
import { messageOf } from './ErrorText';

type Props = {
  /** The backup as text, and a file name for it. */
  onExport: () => Promise<{ name: string; text: string }>;
  /** Validates a file's text; answers how many contractors it holds, or throws saying what is wrong. */
  onCheck: (text: string) => Promise<number>;
  /** Replaces everything with the file's content; the previous content can be put back with `onUndo`. */
  onImport: (text: string) => Promise<void>;
  onUndo: (() => Promise<void>) | null;
  /** How many contractors there are now. */
  current: number;
};

/** Export to a file, and import from one: checked whole first, confirmed, and undoable. */
export function BackupPanel({ onExport, onCheck, onImport, onUndo, current }: Props) {
  const [pending, setPending] = useState<{ text: string; count: number; name: string } | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const fail = (e: unknown) => setMessage({ error: true, text: messageOf(e) });

  const download = async () => {
    setMessage(null);
    try {
      const { name, text } = await onExport();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      link.download = name;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (e) {
      fail(e);
    }
  };

  const choose = async (file: File | undefined) => {
    setMessage(null);
    setPending(null);
    if (!file) return;
    try {
      const text = await file.text();
      setPending({ text, count: await onCheck(text), name: file.name });
    } catch (e) {
      setMessage({
        error: true,
        text: `${file.name} cannot be imported: ${messageOf(e)}`,
      });
    }
  };

  return (
    <div class="stack">
      <div class="row">
        <button type="button" onClick={() => void download()}>
          Export a backup
        </button>
        <label class="button">
          Import a backup…
          <input
            type="file"
            accept="application/json,.json"
            class="visually-hidden"
            onChange={(e) => void choose(e.currentTarget.files?.[0])}
          />
        </label>
        {onUndo && (
          <button
            type="button"
            onClick={() =>
              onUndo().then(
                () => setMessage({ error: false, text: 'Import undone: your previous records are back.' }),
                fail,
              )
            }
          >
            Undo import
          </button>
        )}
      </div>
      {pending && (
        <div class="card stack" role="alertdialog" aria-label="Confirm import">
          <p>
            {pending.name} holds {pending.count} contractors. Importing replaces all your records ({current}{' '}
            contractors now).
          </p>
          <div class="row">
            <button
              type="button"
              class="danger"
              onClick={() =>
                onImport(pending.text).then(() => {
                  setPending(null);
                  setMessage({ error: false, text: `Imported ${pending.count} contractors.` });
                }, fail)
              }
            >
              Replace my records
            </button>
            <button type="button" onClick={() => setPending(null)}>
              Keep my records
            </button>
          </div>
        </div>
      )}
      {message && (
        <p class={message.error ? 'error' : 'muted'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
