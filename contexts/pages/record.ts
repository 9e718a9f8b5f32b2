import type { Capture, Recorded } from '../../model/capture';
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

/**
 * Writes a quick capture for a contractor: the event it made (to undo it) and a notice worth showing.
 * `id`: the event's id, when the asker chose it so that asking again writes it once.
 */
export async function record(
  db: TrackRecordDb,
  contractorId: RecordId,
  input: Capture,
  now = Date.now(),
  id?: RecordId,
): Promise<Recorded> {
  const written = (eventId: RecordId) => ({ eventId });
  if (input.kind === 'milestone-delivered')
    return written(await recordDelivery(db, { contractorId, milestoneId: input.milestoneId, id }, now));
  const base = { contractorId, at: input.at, id };
  switch (input.kind) {
    case 'note':
      return written(await recordEvent(db, { ...base, type: 'note', text: input.text }, now));
    case 'on-time':
      return written(await recordDelivery(db, { ...base, daysLate: 0, text: input.text }, now));
    case 'late':
      return written(await recordDelivery(db, { ...base, daysLate: input.daysLate, text: input.text }, now));
    case 'missed':
      return written(
        await recordDeadlineMissed(db, { ...base, daysLate: input.daysLate, text: input.text }, now),
      );
    case 'excuse': {
      const { id, repeated } = await recordExcuse(
        db,
        { ...base, text: input.text, category: input.category, milestoneId: input.milestoneId },
        now,
      );
      return { eventId: id, notice: repeated?.message };
    }
    case 'quality':
      return written(await recordQualityProblem(db, { ...base, text: input.text }, now));
    case 'praise':
      return written(await recordPraise(db, { ...base, text: input.text }, now));
    case 'reward':
      return written(
        await recordReward(
          db,
          { ...base, kind: input.reward, amount: input.amount, currency: input.currency, text: input.text },
          now,
        ),
      );
  }
}
