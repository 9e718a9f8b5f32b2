import { useState } from 'preact/hooks';
import { ErrorText } from './ErrorText';
import { useAction } from './use-action';

/** A note box: Ctrl/⌘+Enter saves; the text stays put if saving fails. */
export function NoteForm({ onSave }: { onSave: (text: string) => Promise<void> }) {
  const [text, setText] = useState('');
  const { act, pending: saving, error, setError } = useAction(onSave, 'Not saved');

  const save = async () => {
    if (!text.trim()) return setError('Write something first.');
    if (await act(text.trim())) setText('');
  };

  return (
    <form
      class="stack"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label class="stack">
        <span class="muted">New note</span>
        <textarea
          name="note"
          value={text}
          placeholder="What happened? (Ctrl+Enter to save)"
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void save();
            }
          }}
        />
      </label>
      <ErrorText message={error} />
      <div class="row">
        <button type="submit" class="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Add note'}
        </button>
      </div>
    </form>
  );
}
