import { useState } from 'preact/hooks';
import { messageOf } from '../scoring/format';
import { ErrorText } from './ErrorText';

/** Shown for a freelancer the user has not tracked yet. */
export function TrackPrompt({ name, onTrack }: { name: string; onTrack: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div class="stack">
      <p>
        You have no history with <strong>{name || 'this freelancer'}</strong> yet.
      </p>
      <ErrorText message={error} />
      <div class="row">
        <button
          type="button"
          class="primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setError(null);
            try {
              await onTrack();
            } catch (e) {
              setError(`Could not start tracking: ${messageOf(e)}`);
            } finally {
              setBusy(false);
            }
          }}
        >
          Track
        </button>
      </div>
    </div>
  );
}
