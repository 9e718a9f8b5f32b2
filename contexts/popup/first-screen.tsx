import { ContractorHeader } from '../../components/ContractorHeader';
import { assess } from '../../scoring/score';
import type { FirstScreenRecords } from '../../storage/first-screen';

/** Who this is and the verdict, with its reasons, from the records the first screen read. */
export function FirstHeader({ records, now = Date.now() }: { records: FirstScreenRecords; now?: number }) {
  const { contractor, settings } = records;
  const { facts, droppedUntil } = contractor.summary;
  return <ContractorHeader contractor={contractor} assessment={assess(facts, settings, now, droppedUntil)} />;
}

/** The popup's first screen, drawn before the rest of the popup has loaded, which then takes its place. */
export function FirstScreen({ records }: { records: FirstScreenRecords }) {
  return (
    <div class="stack popup" aria-busy="true">
      <div class="stack">
        <FirstHeader records={records} />
      </div>
    </div>
  );
}
