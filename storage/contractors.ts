import { Dexie } from 'dexie';
import type { SeenProfile } from '../model/page';
import { type Contractor, NoteEvent, type ProfileRecord } from '../model/records';
import type { TrackRecordDb } from './db';

/** Everything a surface shows about the contractor behind one profile. */
export type ContractorView = {
  contractor: Contractor;
  profiles: ProfileRecord[];
  /** Newest first. */
  events: NoteEvent[];
};

export async function findContractorIdByKey(db: TrackRecordDb, key: string): Promise<number | undefined> {
  return (await db.profiles.get(key))?.contractorId;
}

export async function loadContractorView(
  db: TrackRecordDb,
  contractorId: number,
): Promise<ContractorView | undefined> {
  return db.transaction('r', db.contractors, db.profiles, db.events, async () => {
    const contractor = await db.contractors.get(contractorId);
    if (!contractor) return undefined;
    const profiles = await db.profiles.where({ contractorId }).toArray();
    const events = await db.events
      .where('[contractorId+at]')
      .between([contractorId, Dexie.minKey], [contractorId, Dexie.maxKey])
      .reverse()
      .toArray();
    return { contractor, profiles, events };
  });
}

/** The view for whoever a profile key belongs to, or undefined when nobody is tracked there. */
export async function loadViewByKey(db: TrackRecordDb, key: string): Promise<ContractorView | undefined> {
  const contractorId = await findContractorIdByKey(db, key);
  return contractorId === undefined ? undefined : loadContractorView(db, contractorId);
}

/** Starts tracking the freelancer on a profile. Tracking a tracked profile returns its contractor. */
export async function trackProfile(db: TrackRecordDb, seen: SeenProfile, now = Date.now()): Promise<number> {
  return db.transaction('rw', db.contractors, db.profiles, async () => {
    const existing = await db.profiles.get(seen.key);
    if (existing) return existing.contractorId;
    const contractorId = await db.contractors.add({
      name: seen.name.trim() || seen.id,
      createdAt: now,
    } as Contractor);
    await db.profiles.add(profileFrom(seen, contractorId, now));
    return contractorId;
  });
}

/** Refreshes what a tracked profile last showed. Untracked profiles leave no trace. */
export async function recordPageSeen(
  db: TrackRecordDb,
  seen: SeenProfile,
  now = Date.now(),
): Promise<boolean> {
  return db.transaction('rw', db.profiles, async () => {
    const existing = await db.profiles.get(seen.key);
    if (!existing) return false;
    await db.profiles.put(profileFrom(seen, existing.contractorId, now));
    return true;
  });
}

export async function addNote(db: TrackRecordDb, contractorId: number, text: string, now = Date.now()) {
  const note = NoteEvent.omit({ id: true }).parse({ contractorId, type: 'note', at: now, text });
  return db.transaction('rw', db.contractors, db.events, async () => {
    if (!(await db.contractors.get(contractorId))) throw new Error(`No contractor #${contractorId}`);
    return db.events.add(note as NoteEvent);
  });
}

function profileFrom(seen: SeenProfile, contractorId: number, now: number): ProfileRecord {
  const { platform, id, key, name, title, url, metrics } = seen;
  return { key, platform, id, contractorId, name, title, url, metrics, lastSeenAt: now };
}
