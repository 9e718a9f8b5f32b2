import { useState } from 'preact/hooks';
import type { Contractor } from '../model/records';
import { formatDay } from '../scoring/format';
import { ErrorText } from './ErrorText';
import { useAction } from './use-action';

type Props = {
  contractor: Pick<Contractor, 'name' | 'status' | 'coolOffUntil'>;
  onCancel: (reason: string) => Promise<void>;
  onReinstate: () => Promise<void>;
};

/** Rule 5's last step, "cancel and move on", asked twice; taking it back is one click. */
export function CancelPanel({ contractor, onCancel, onReinstate }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const { act, pending, error } = useAction((work: () => Promise<void>) => work());
  const run = async (work: () => Promise<void>) => {
    if (!(await act(work))) return;
    setConfirming(false);
    setReason('');
  };

  if (contractor.status === 'dropped') {
    return (
      <div class="stack">
        <p>
          You cancelled {contractor.name}
          {contractor.coolOffUntil ? `; the cool-off runs until ${formatDay(contractor.coolOffUntil)}` : ''}.
        </p>
        <div class="row">
          <button type="button" onClick={() => void run(onReinstate)}>
            Take them back
          </button>
        </div>
        <ErrorText message={error} />
      </div>
    );
  }
  return (
    <div class="stack">
      {!confirming ? (
        <div class="row">
          <button type="button" class="danger" onClick={() => setConfirming(true)}>
            Cancel and move on…
          </button>
        </div>
      ) : (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => onCancel(reason.trim()));
          }}
        >
          <label class="stack">
            <span>Why are you ending the work with {contractor.name}?</span>
            <input name="reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <p class="muted">Their active engagements are cancelled. Revoke their accesses next.</p>
          <div class="row">
            <button type="submit" class="danger" disabled={pending}>
              Cancel and move on
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep them
            </button>
          </div>
        </form>
      )}
      <ErrorText message={error} />
    </div>
  );
}
