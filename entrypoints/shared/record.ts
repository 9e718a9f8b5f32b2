import type { RecordInput } from '../../components/RecordForm';
import type { RecordId } from '../../model/ids';
import type { TrackRecordDb } from '../../storage/db';
import {
  recordDeadlineMissed,
  recordDelivery,
  recordEvent,
  recordExcuse,
  recordPraise,
  recordQualityProblem,
  recordReward,
} from '../../storage/history';

/** Writes what the record form produced; answers with a notice worth showing, if any. */
export async function record(
  db: TrackRecordDb,
  contractorId: RecordId,
  input: RecordInput,
): Promise<string | undefined> {
  const base = { contractorId, at: input.at };
  switch (input.kind) {
    case 'note':
      await recordEvent(db, { ...base, type: 'note', text: input.text });
      return undefined;
    case 'on-time':
      await recordDelivery(db, { ...base, daysLate: 0, text: input.text });
      return undefined;
    case 'late':
      await recordDelivery(db, { ...base, daysLate: input.daysLate, text: input.text });
      return undefined;
    case 'missed':
      await recordDeadlineMissed(db, { ...base, daysLate: input.daysLate, text: input.text });
      return undefined;
    case 'excuse': {
      const { repeated } = await recordExcuse(db, { ...base, text: input.text, category: input.category });
      return repeated?.message;
    }
    case 'quality':
      await recordQualityProblem(db, { ...base, text: input.text });
      return undefined;
    case 'praise':
      await recordPraise(db, { ...base, text: input.text });
      return undefined;
    case 'reward':
      await recordReward(db, {
        ...base,
        kind: input.reward,
        amount: input.amount,
        currency: input.currency,
        text: input.text,
      });
      return undefined;
  }
}
