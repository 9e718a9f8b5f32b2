import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SeenProfile } from '../model/page';
import { assess } from '../scoring/score';
import { loadViewByKey, trackProfile } from './contractors';
import { TrackRecordDb } from './db';
import { addMilestone, createEngagement } from './engagements';
import { openForFirstScreen, readFirstScreen } from './first-screen';
import { recordDelivery, recordExcuse } from './history';
import { SCHEMA_VERSION } from './schema-version';
import { updateSettings } from './settings';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1);
const rachel: SeenProfile = {
  platform: 'upwork',
  id: '~011cfba3bd0cf44f8d',
  key: 'upwork:~011cfba3bd0cf44f8d',
  name: 'Rachel W.',
  url: 'https://www.upwork.com/freelancers/~011cfba3bd0cf44f8d',
};

let name: string;
let db: TrackRecordDb;
beforeEach(() => {
  name = `first-screen-${crypto.randomUUID()}`;
  db = new TrackRecordDb(name);
});
afterEach(async () => {
  await db.delete();
});

/** What the first screen reads for `key`, through its own connection, closed afterwards. */
async function firstScreenOf(key: string) {
  const raw = await openForFirstScreen(indexedDB, name);
  if (!raw) return 'no database';
  try {
    return await readFirstScreen(raw, key);
  } finally {
    raw.close();
  }
}

describe("the popup's first screen, read without Dexie", () => {
  it('reads what the popup proper reads: the contractor, their summary, the settings, the same verdict', async () => {
    const id = await trackProfile(db, rachel, NOW - 90 * DAY);
    await recordDelivery(db, { contractorId: id, at: NOW - 60 * DAY, daysLate: 0 }, NOW - 60 * DAY);
    await recordDelivery(db, { contractorId: id, at: NOW - 30 * DAY, daysLate: 4 }, NOW - 30 * DAY);
    await recordExcuse(db, { contractorId: id, at: NOW - 20 * DAY, text: 'my internet is down' }, NOW);
    const engagement = await createEngagement(
      db,
      { contractorId: id, title: 'Site', startedAt: NOW - 50 * DAY },
      NOW - 50 * DAY,
    );
    await addMilestone(
      db,
      { engagementId: engagement, amount: 500, title: 'Launch', dueAt: NOW - 3 * DAY },
      NOW,
    );
    await updateSettings(db, { policy: 'lenient' });
    await trackProfile(db, { ...rachel, id: 'someone-else', key: 'upwork:someone-else', name: 'Other' }, NOW);

    const view = await loadViewByKey(db, rachel.key, NOW);
    const first = await firstScreenOf(rachel.key);
    if (!view || !first || first === 'no database') throw new Error('nobody read');
    expect(first.contractor).toEqual(view.contractor);
    expect(first.settings).toEqual(view.settings);
    const { facts, droppedUntil } = first.contractor.summary;
    const assessment = assess(facts, first.settings, NOW, droppedUntil);
    expect(assessment).toEqual(view.assessment);
    // Not a vacuous agreement: the history and the lenient policy are in it.
    expect(assessment).toMatchObject({ strikes: 3, strikeLimit: 3, verdict: 'cancel' });
    expect(assessment.reasons).not.toEqual([]);
  });

  it('reads the default settings when none were saved, as the popup proper does', async () => {
    await trackProfile(db, rachel, NOW);
    const view = await loadViewByKey(db, rachel.key, NOW);
    const first = await firstScreenOf(rachel.key);
    expect(first).toMatchObject({ settings: view?.settings, contractor: { name: 'Rachel W.' } });
    expect(view?.settings.policy).toBe('strict');
  });

  it('finds nobody for a profile not tracked', async () => {
    await trackProfile(db, rachel, NOW);
    expect(await firstScreenOf('upwork:nobody')).toBeNull();
  });

  it('leaves a database that is not there uncreated, for Dexie to create with its schema', async () => {
    expect(await firstScreenOf(rachel.key)).toBe('no database');
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
  });

  it('draws nothing from a database a newer version of the extension wrote', async () => {
    await trackProfile(db, rachel, NOW);
    db.close();
    const future = new Dexie(name);
    future.version(SCHEMA_VERSION + 1).stores({ invoices: 'id' });
    await future.open();
    future.close();
    expect(await firstScreenOf(rachel.key)).toBe('no database');
  });

  it('gives way to a connection that upgrades the database', async () => {
    await trackProfile(db, rachel, NOW);
    db.close();
    const raw = await openForFirstScreen(indexedDB, name);
    expect(raw).not.toBeNull();
    const upgrade = new Dexie(name);
    upgrade.version(SCHEMA_VERSION + 1).stores({ invoices: 'id' });
    await upgrade.open(); // would wait for ever if the first screen's connection stayed open
    expect(upgrade.verno).toBe(SCHEMA_VERSION + 1);
    upgrade.close();
  });
});
