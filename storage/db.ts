import { Dexie, type EntityTable } from 'dexie';
import type { Contractor, NoteEvent, ProfileRecord } from '../model/records';

/**
 * The one database, in the extension's origin. Opened by the background and by extension pages;
 * never by a content script (it would open the marketplace's IndexedDB instead).
 */
export class TrackRecordDb extends Dexie {
  contractors!: EntityTable<Contractor, 'id'>;
  profiles!: EntityTable<ProfileRecord, 'key'>;
  events!: EntityTable<NoteEvent, 'id'>;

  constructor(name = 'track-record') {
    super(name);
    this.version(1).stores({
      contractors: '++id, name',
      profiles: 'key, contractorId',
      events: '++id, contractorId, [contractorId+at]',
    });
  }
}

let shared: TrackRecordDb | undefined;

/** The database this context uses, opened on first use. */
export function getDb(): TrackRecordDb {
  shared ??= new TrackRecordDb();
  return shared;
}
