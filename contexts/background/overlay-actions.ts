import { cancelPlanOf } from '../../components/cancel-plan';
import type { AnswerTo, OverlayRequest } from '../../messages/protocol';
import type { RecordId } from '../../model/ids';
import type { SeenProfile } from '../../model/page';
import { loadCandidates } from '../../storage/cancel-plan';
import { findContractorIdByKey, loadContractorView, trackProfile } from '../../storage/contractors';
import type { TrackRecordDb } from '../../storage/db';
import { keepDraft } from '../../storage/drafts';
import { cancelAndMoveOn, deleteEvent, reinstate, revokeAccess } from '../../storage/history';
import { updateSettings } from '../../storage/settings';
import { writeTx } from '../../storage/tx';
import { record } from '../pages/record';

type Request<T extends OverlayRequest['type']> = Extract<OverlayRequest, { type: T }>;
type Handler<T extends OverlayRequest['type']> = (
  request: Request<T>,
  tabId: number,
) => Promise<AnswerTo<Request<T>>>;

export type OverlayActionsDeps = {
  db: TrackRecordDb;
  /** What the tab's content script says its page shows (null: nothing, or no answer). */
  pageShown(tabId: number): Promise<SeenProfile | null>;
  now?: () => number;
};

const NOT_SHOWN = 'the page no longer shows this freelancer; reload it';

/** A request the background will not carry out, and why, in words for the card. */
class Refused extends Error {}

/**
 * What the overlay frame may do to the records, in the background: capture, undo, fold, cancel and move on,
 * revoke, take back. Each acts only on the contractor tracked behind the key the frame serves, and only
 * while the tab's page shows that key; an id in a request must be that contractor's. Failures come back
 * as `{ error }` in words, never as a thrown error, so the card can say them.
 */
export function overlayActions({ db, pageShown, now = Date.now }: OverlayActionsDeps) {
  async function contractorShown(key: string, tabId: number): Promise<RecordId> {
    const shown = await pageShown(tabId);
    if (shown?.key !== key) throw new Refused(NOT_SHOWN);
    const id = await findContractorIdByKey(db, key);
    if (id === undefined) throw new Refused('nobody is tracked on this page');
    return id;
  }

  async function owned(table: 'events' | 'accesses', id: RecordId, contractorId: RecordId) {
    const row = await db[table].get(id);
    if (row?.contractorId !== contractorId) throw new Refused('that is not on this freelancer’s record');
  }

  const answering =
    <T extends OverlayRequest['type'], A extends object>(
      work: (request: Request<T>, tabId: number) => Promise<A>,
    ) =>
    async (request: Request<T>, tabId: number): Promise<A | { error: string }> => {
      try {
        return await work(request, tabId);
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    };

  const handlers: {
    [T in Exclude<OverlayRequest['type'], 'overlay-track' | 'overlay-open-history'>]: Handler<T>;
  } = {
    // Someone not tracked yet is tracked by what is recorded of them: both in one transaction.
    'overlay-record': answering(async ({ key, input, requestId }, tabId) => {
      const shown = await pageShown(tabId);
      if (shown?.key !== key) throw new Refused(NOT_SHOWN);
      return writeTx(db, async () =>
        record(db, await trackProfile(db, shown, now()), input, now(), requestId),
      );
    }),
    'overlay-undo': answering(async ({ key, eventId }, tabId) => {
      const contractorId = await contractorShown(key, tabId);
      if (!(await db.events.get(eventId))) return {}; // undone already: this was the request again
      await owned('events', eventId, contractorId);
      await deleteEvent(db, eventId, now());
      return {};
    }),
    'overlay-fold': answering(async ({ folded }) => {
      await updateSettings(db, { overlayFolded: folded });
      return {};
    }),
    'overlay-cancel-plan': answering(async ({ key }, tabId) => {
      const id = await contractorShown(key, tabId);
      const at = now();
      const [view, candidates] = await Promise.all([loadContractorView(db, id, at), loadCandidates(db, at)]);
      if (!view) throw new Refused('nobody is tracked on this page');
      return { plan: cancelPlanOf(view, candidates) };
    }),
    'overlay-cancel': answering(async ({ key, coolOff, reason, requestId }, tabId) => {
      await cancelAndMoveOn(
        db,
        await contractorShown(key, tabId),
        { coolOff, reason: reason || undefined, eventId: requestId },
        now(),
      );
      return {};
    }),
    'overlay-revoke': answering(async ({ key, accessId }, tabId) => {
      await owned('accesses', accessId, await contractorShown(key, tabId));
      await revokeAccess(db, accessId, undefined, now());
      return {};
    }),
    // Kept for whoever the page shows, tracked or not: it is the user's own typing.
    'overlay-draft': answering(async ({ key, draft }, tabId) => {
      if ((await pageShown(tabId))?.key !== key) throw new Refused(NOT_SHOWN);
      await keepDraft(db, key, draft, now());
      return {};
    }),
    'overlay-reinstate': answering(async ({ key }, tabId) => {
      await reinstate(db, await contractorShown(key, tabId), now());
      return {};
    }),
  };
  return handlers;
}
