// The database's name and the schema version this code writes, without Dexie: the popup's first screen
// reads the database with the bare IndexedDB API and must know both (storage/first-screen.ts).

export const DATABASE_NAME = 'track-record';

/** The schema version this code writes (Dexie stores it times ten as IndexedDB's version). */
export const SCHEMA_VERSION = 6;
