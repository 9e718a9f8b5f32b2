import { useState } from 'preact/hooks';
import { CancelFlow } from '../../components/CancelFlow';
import { cancelPlanOf } from '../../components/cancel-plan';
import { Loaded } from '../../components/Loaded';
import { loadCandidates } from '../../storage/cancel-plan';
import type { ContractorView } from '../../storage/contractors';
import { getDb } from '../../storage/db';
import { cancelAndMoveOn, reinstate, revokeAccess } from '../../storage/history';
import { useLive } from './live';

/**
 * "Cancel and move on" in a page that opens the database itself: a button that opens the whole flow (open
 * from the start once they are dropped: the accesses still to take back, and who is next).
 */
export function CancelSection({ view }: { view: ContractorView }) {
  const dropped = view.assessment.verdict === 'dropped';
  const [open, setOpen] = useState(false);
  const shown = open || dropped;
  return (
    <div class="stack">
      {!dropped && (
        <div class="row">
          <button
            type="button"
            class={view.assessment.verdict === 'cancel' ? 'danger' : ''}
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            Cancel and move on…
          </button>
        </div>
      )}
      {shown && <Flow view={view} />}
    </div>
  );
}

function Flow({ view }: { view: ContractorView }) {
  const db = getDb();
  const id = view.contractor.id;
  const candidates = useLive(() => loadCandidates(db), []);
  return (
    <Loaded live={candidates}>
      {(people) => (
        <CancelFlow
          plan={cancelPlanOf(view, people)}
          onCancel={({ coolOff, reason }) =>
            cancelAndMoveOn(db, id, { coolOff, reason: reason || undefined })
          }
          onRevoke={(accessId) => revokeAccess(db, accessId)}
          onReinstate={() => reinstate(db, id)}
        />
      )}
    </Loaded>
  );
}
