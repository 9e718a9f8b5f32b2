import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../model/ids';
import type { SeenProfile } from '../model/page';
import { addNote, loadViewByKey, recordPageSeen, trackProfile } from './contractors';
import { TrackRecordDb } from './db';

const rachel: SeenProfile = {
  platform: 'upwork',
  id: '~011cfba3bd0cf44f8d',
  key: 'upwork:~011cfba3bd0cf44f8d',
  name: 'Rachel W.',
  title: 'Software Engineer',
  url: 'https://www.upwork.com/freelancers/~011cfba3bd0cf44f8d',
};

let db: TrackRecordDb;
beforeEach(() => {
  db = new TrackRecordDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('contractor repository', () => {
  it('knows nobody until a profile is tracked', async () => {
    expect(await loadViewByKey(db, rachel.key)).toBeUndefined();
    expect(await recordPageSeen(db, rachel)).toBe(false);
    expect(await db.profiles.count()).toBe(0);
  });

  it('tracks a profile once, however often it is asked', async () => {
    const first = await trackProfile(db, rachel);
    const second = await trackProfile(db, rachel);
    expect(second).toBe(first);
    const view = await loadViewByKey(db, rachel.key);
    expect(view?.contractor.name).toBe('Rachel W.');
    expect(view?.profiles.map((p) => p.key)).toEqual([rachel.key]);
  });

  it('lists notes newest first', async () => {
    const id = await trackProfile(db, rachel);
    await addNote(db, id, 'Kick-off call went well', 1000);
    await addNote(db, id, 'Asked for the repo access', 2000);
    const view = await loadViewByKey(db, rachel.key);
    expect(view?.events.map((e) => e.text)).toEqual(['Asked for the repo access', 'Kick-off call went well']);
  });

  it('refuses an empty note and a note for nobody', async () => {
    const id = await trackProfile(db, rachel);
    await expect(addNote(db, id, '   ')).rejects.toThrow(/empty/);
    await expect(addNote(db, newId(), 'hello')).rejects.toThrow(/No contractor/);
  });

  it('refreshes what a tracked profile last showed', async () => {
    await trackProfile(db, rachel, 1);
    await recordPageSeen(db, { ...rachel, title: 'Staff Engineer' }, 5);
    const [profile] = (await loadViewByKey(db, rachel.key))?.profiles ?? [];
    expect(profile).toMatchObject({ title: 'Staff Engineer', lastSeenAt: 5 });
  });
});
