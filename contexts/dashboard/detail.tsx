import { useEffect } from 'preact/hooks';
import { contractorIdFromLink, loadContractorView } from '../../storage/contractors';
import { getDb } from '../../storage/db';
import { ContractorDetail } from '../pages/contractor-detail';
import { useLive } from '../pages/live';
import { rosterLink } from './address';

/** `#contractor=<id>` (or the number an old link carries) opens one contractor's record. */
export function Detail({ id }: { id: string }) {
  const view = useLive(async () => {
    const contractorId = await contractorIdFromLink(getDb(), id);
    return contractorId === undefined ? undefined : loadContractorView(getDb(), contractorId);
  }, [id]);
  const ready = view.status === 'ready' && view.value !== undefined;
  // A link to a section ("#contractor=…&section=accesses") scrolls to it once the record is drawn.
  useEffect(() => {
    const section = new URLSearchParams(location.hash.slice(1)).get('section');
    if (ready && section) document.getElementById(section)?.scrollIntoView({ block: 'start' });
  }, [ready, id]);
  return (
    <div class="stack">
      <a href={rosterLink()}>← Roster</a>
      {view.status === 'loading' && (
        <p class="muted loading" role="status">
          Loading…
        </p>
      )}
      {view.status === 'failed' && <p class="error">Could not read your records: {view.error}</p>}
      {view.status === 'ready' &&
        (view.value ? (
          <ContractorDetail view={view.value} />
        ) : (
          <div class="card empty">
            <p>No such contractor (any more): they may have been deleted or merged into someone else.</p>
          </div>
        ))}
    </div>
  );
}
