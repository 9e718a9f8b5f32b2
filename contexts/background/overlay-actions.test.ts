import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../model/ids';
import type { SeenProfile } from '../../model/page';
import { DAY_MS } from '../../scoring/dates';
import { loadContractorView, trackProfile } from '../../storage/contractors';
import { TrackRecordDb } from '../../storage/db';
import { grantAccess, recordEvent } from '../../storage/history';
import { readSettings } from '../../storage/settings';
import { overlayActions } from './overlay-actions';

// What the overlay frame may do to the records, through the background: only to whoever the tab's
// page shows, and only with ids of that contractor's.

const NOW = Date.UTC(2026, 0, 12, 12);
const profile = (id: string, name: string): SeenProfile => ({
  platform: 'fiverr',
  id,
  key: `fiverr:${id}`,
  name,
  url: `https://www.fiverr.com/${id}`,
});
const TONI = profile('tonigdesign', 'Toni G.');
const SAM = profile('samwrites', 'Sam W.');

let db: TrackRecordDb;
let shown: SeenProfile | null;
let actions: ReturnType<typeof overlayActions>;
beforeEach(() => {
  db = new TrackRecordDb(`test-${crypto.randomUUID()}`);
  shown = TONI;
  actions = overlayActions({ db, pageShown: async () => shown, now: () => NOW });
});
afterEach(async () => {
  await db.delete();
});

describe('overlay actions', () => {
  it('records a capture for the freelancer the tab shows, and undoes it', async () => {
    const toni = await trackProfile(db, TONI, NOW - DAY_MS);
    const recorded = await actions['overlay-record'](
      {
        type: 'overlay-record',
        key: TONI.key,
        input: { kind: 'late', at: NOW, daysLate: 3 },
        requestId: newId(NOW),
      },
      7,
    );
    expect(recorded).toEqual({ eventId: expect.any(String) });
    expect((await loadContractorView(db, toni, NOW))?.assessment.verdict).toBe('cancel');
    const undone = await actions['overlay-undo'](
      { type: 'overlay-undo', key: TONI.key, eventId: (recorded as { eventId: string }).eventId },
      7,
    );
    expect(undone).toEqual({});
    expect((await loadContractorView(db, toni, NOW))?.assessment.verdict).toBe('new');
  });

  it('refuses when the page no longer shows that freelancer', async () => {
    await trackProfile(db, TONI, NOW);
    shown = SAM;
    const input = { kind: 'note' as const, at: NOW, text: 'x' };
    const request = { type: 'overlay-record' as const, key: TONI.key, input, requestId: newId(NOW) };
    expect(await actions['overlay-record'](request, 7)).toEqual({
      error: 'the page no longer shows this freelancer; reload it',
    });
    expect(await db.events.count()).toBe(0);
  });

  it('tracks someone new by what is recorded of them, in one step', async () => {
    shown = SAM;
    const input = {
      kind: 'excuse' as const,
      at: NOW,
      text: 'my internet was down',
      category: 'connectivity' as const,
    };
    const request = { type: 'overlay-record' as const, key: SAM.key, input, requestId: newId(NOW) };
    expect(await actions['overlay-record'](request, 7)).toMatchObject({ eventId: request.requestId });
    const [profile] = await db.profiles.toArray();
    expect(profile?.key).toBe(SAM.key);
    const view = await loadContractorView(db, profile?.contractorId ?? '', NOW);
    expect([view?.contractor.name, view?.events.map((e) => e.type)]).toEqual(['Sam W.', ['excuse']]);
  });

  it('writes a request sent again (its answer was lost) once, and undoes it once', async () => {
    const toni = await trackProfile(db, TONI, NOW);
    const request = {
      type: 'overlay-record' as const,
      key: TONI.key,
      input: { kind: 'late' as const, at: NOW, daysLate: 2 },
      requestId: newId(NOW),
    };
    for (let i = 0; i < 3; i++)
      expect(await actions['overlay-record'](request, 7)).toEqual({ eventId: request.requestId });
    expect(await db.events.where({ contractorId: toni }).count()).toBe(1);
    expect((await db.contractors.get(toni))?.summary.counts).toMatchObject({ events: 1, deliveries: 1 });
    const undo = { type: 'overlay-undo' as const, key: TONI.key, eventId: request.requestId };
    expect(await actions['overlay-undo'](undo, 7)).toEqual({});
    expect(await actions['overlay-undo'](undo, 7)).toEqual({});
    expect(await db.events.count()).toBe(0);
    // Another contractor's id is refused, not taken as a repeat.
    const sam = await trackProfile(db, SAM, NOW);
    const samsNote = await recordEvent(db, { contractorId: sam, type: 'note', text: 'Sam’s' }, NOW);
    expect(await actions['overlay-record']({ ...request, requestId: samsNote }, 7)).toEqual({
      error: `id: event ${samsNote} is another contractor's`,
    });
  });

  it('cancels once when the cancel is sent again', async () => {
    const toni = await trackProfile(db, TONI, NOW);
    const cancel = {
      type: 'overlay-cancel' as const,
      key: TONI.key,
      coolOff: 30,
      reason: 'late again',
      requestId: newId(NOW),
    };
    await actions['overlay-cancel'](cancel, 7);
    await actions['overlay-cancel'](cancel, 7);
    const events = await db.events.where({ contractorId: toni }).toArray();
    expect(events.map((e) => [e.id, e.type])).toEqual([[cancel.requestId, 'cancelled']]);
    expect((await db.contractors.get(toni))?.coolOffUntil).toBe(NOW + 30 * DAY_MS);
  });

  it("refuses to undo or revoke what is someone else's", async () => {
    await trackProfile(db, TONI, NOW);
    const sam = await trackProfile(db, SAM, NOW);
    const note = await recordEvent(db, { contractorId: sam, type: 'note', text: 'Sam’s' }, NOW);
    const access = await grantAccess(db, { contractorId: sam, what: 'Drive', level: 'edit' }, NOW);
    const refused = { error: 'that is not on this freelancer’s record' };
    expect(await actions['overlay-undo']({ type: 'overlay-undo', key: TONI.key, eventId: note }, 7)).toEqual(
      refused,
    );
    expect(
      await actions['overlay-revoke']({ type: 'overlay-revoke', key: TONI.key, accessId: access }, 7),
    ).toEqual(refused);
    expect((await loadContractorView(db, sam, NOW))?.events).toHaveLength(2);
  });

  it('gives the cancel plan, cancels with the cool-off chosen, revokes, and takes them back', async () => {
    const toni = await trackProfile(db, TONI, NOW);
    const access = await grantAccess(db, { contractorId: toni, what: 'Figma', level: 'edit' }, NOW);
    const { plan } = (await actions['overlay-cancel-plan'](
      { type: 'overlay-cancel-plan', key: TONI.key },
      7,
    )) as {
      plan: { name: string; accesses: unknown[] };
    };
    expect(plan).toMatchObject({ name: 'Toni G.', accesses: [{ id: access, what: 'Figma' }] });
    await actions['overlay-cancel'](
      { type: 'overlay-cancel', key: TONI.key, coolOff: 'never', reason: '', requestId: newId(NOW) },
      7,
    );
    await actions['overlay-revoke']({ type: 'overlay-revoke', key: TONI.key, accessId: access }, 7);
    const dropped = await loadContractorView(db, toni, NOW);
    expect(dropped?.assessment.verdict).toBe('dropped');
    expect(dropped?.accesses[0]?.revokedAt).toBe(NOW);
    await actions['overlay-reinstate']({ type: 'overlay-reinstate', key: TONI.key }, 7);
    expect((await loadContractorView(db, toni, NOW))?.assessment.verdict).toBe('new');
  });

  it('remembers the folded card for every profile', async () => {
    await actions['overlay-fold']({ type: 'overlay-fold', folded: true }, 7);
    expect((await readSettings(db)).overlayFolded).toBe(true);
  });
});
