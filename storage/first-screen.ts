// The popup's first screen, read with the bare IndexedDB API: the contractor behind a profile key and the
// settings their verdict needs, by the tables' keys (two gets and one for the settings), without Dexie or
// any schema, so the popup can draw who this is before the rest of its code has loaded. Reads only; the
// popup proper then opens the database through Dexie as every page does.
import type { Settings } from '../model/settings';
import { defaultSettings } from '../model/settings-defaults';
import type { StoredContractor } from './db';
import { DATABASE_NAME, SCHEMA_VERSION } from './schema-version';

/** What the first screen draws: the contractor as stored (their summary with them) and the settings. */
export type FirstScreenRecords = { contractor: StoredContractor; settings: Settings };

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

/**
 * Opens the database as it is, at whatever version it has, or resolves null: when there is none yet (it is
 * not created here: Dexie creates it with its schema), or when a newer version of the extension wrote it
 * (the popup proper then says the records are read-only). Never upgrades, and gives way to a connection
 * that does.
 */
export function openForFirstScreen(
  factory: IDBFactory = indexedDB,
  name = DATABASE_NAME,
): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let opening: IDBOpenDBRequest;
    try {
      opening = factory.open(name);
    } catch {
      return resolve(null); // No IndexedDB here: the popup proper says why.
    }
    // Only a database that does not exist yet gets here: leave it uncreated.
    opening.onupgradeneeded = () => opening.transaction?.abort();
    opening.onerror = () => resolve(null);
    opening.onblocked = () => resolve(null);
    opening.onsuccess = () => {
      const db = opening.result;
      db.onversionchange = () => db.close();
      if (db.version > SCHEMA_VERSION * 10) {
        db.close();
        resolve(null);
      } else resolve(db);
    };
  });
}

/**
 * Whoever the profile `key` belongs to, with the settings, in one read-only transaction: the profile by
 * its key, then the contractor by id. Null when nobody is tracked there, or the tables are not there
 * (a database older than the popup proper, which upgrades it).
 */
export async function readFirstScreen(db: IDBDatabase, key: string): Promise<FirstScreenRecords | null> {
  const tables = ['profiles', 'contractors', 'settings'];
  if (!tables.every((t) => db.objectStoreNames.contains(t))) return null;
  const tx = db.transaction(tables, 'readonly');
  const [profile, row] = await Promise.all([
    request<{ contractorId?: unknown } | undefined>(tx.objectStore('profiles').get(key)),
    request<(Partial<Settings> & { id: string }) | undefined>(tx.objectStore('settings').get('settings')),
  ]);
  if (typeof profile?.contractorId !== 'string') return null;
  const contractor = await request<StoredContractor | undefined>(
    tx.objectStore('contractors').get(profile.contractorId),
  );
  if (!contractor?.summary) return null;
  // As storage/settings.ts reads them: the stored numbers over the defaults (they were checked when written).
  const { id: _id, ...stored } = row ?? { id: 'settings' };
  return { contractor, settings: { ...defaultSettings, ...stored } };
}
