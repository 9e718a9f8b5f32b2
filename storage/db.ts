import { type DBCore, Dexie, type EntityTable, type Table } from 'dexie';
import type { CaptureDraft } from '../model/capture';
import type {
  Access,
  Contractor,
  Engagement,
  HistoryEvent,
  MetricSnapshot,
  Milestone,
  ProfileRecord,
} from '../model/records';
import type { Settings } from '../model/settings';
import type { StoredSummary } from '../model/summary';
import type { RosterRow } from '../scoring/roster-row';
import { buildRosterRows, copyBackFromV3, RENUMBERED_TABLES, renumberToV3, upgradeToV2 } from './migrations';
import { DATABASE_NAME, SCHEMA_VERSION } from './schema-version';

export { SCHEMA_VERSION };

/** A contractor as stored: the record and its summary, written with every change to their history. */
export type StoredContractor = Contractor & { summary: StoredSummary };
export type SettingsRow = Settings & { id: 'settings' };
/** A capture typed in the overlay and not recorded yet, by the profile it is about. */
export type DraftRow = { key: string; draft: CaptureDraft; savedAt: number };

/** Thrown by every write when the database was written by a newer version of the extension. */
export class ReadOnlyDatabaseError extends Error {
  override name = 'ReadOnlyDatabaseError';
}

/**
 * Thrown by a write the browser refused for want of space (IndexedDB's QuotaExceededError, however Dexie
 * wraps it): the transaction was rolled back, so nothing of it was written. Its message says what to do;
 * deleting needs no space, so deleting contractors works while storage is full.
 */
export class StorageFullError extends Error {
  override name = 'StorageFullError';
  constructor(cause?: unknown) {
    super(
      'Storage is full: the browser refused to save this, and nothing was changed. Export a backup (Roster → Data & settings), then make room: delete contractors you no longer need from the roster, or free space on this computer’s disk.',
      { cause },
    );
  }
}

/** Whether an error is, or wraps, the browser's refusal for want of space. */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError' || e.name === 'StorageFullError') return true;
  // Dexie: an AbortError with the transaction's error inside; a BulkError with each request's.
  const within = [e.inner, e.cause, ...(Array.isArray(e.failures) ? e.failures : [])];
  return within.some((inner) => isQuotaError(inner, depth + 1));
}

export type NewerSchema = { installed: number; supported: number; message: string };

/**
 * The one database, in the extension's origin. Opened by the background and by extension pages;
 * never by a content script (it would open the marketplace's IndexedDB instead).
 *
 * Versions (a schema change is a new version with an upgrade; older declarations stay):
 * 1. the foundation: contractors, profiles, notes.
 * 2. history (events of every kind), engagements, milestones, accesses, metric snapshots, settings;
 *    contractors gain skills, tags and status.
 * 3–4. ids unique across browsers (model/ids.ts) instead of auto-increment numbers; records gain
 *    `updatedAt`; snapshots drop their contractorId (their profile says whose they are); the summary keeps
 *    only what history determines. IndexedDB cannot change a store's key, so version 3 copies every
 *    renumbered table into a temporary one with its new ids and deletes the old, and version 4 recreates
 *    the tables under their names and copies back. Both run in the one upgrade transaction: all or nothing.
 *
 * 5. roster rows: one small derived record per contractor, for the roster.
 * 6. drafts: what was being typed in an overlay's capture, by profile key (not part of backups).
 *
 * A database written by a newer version (a downgrade of the extension): Dexie 4 opens it at its installed
 * version instead of failing with VersionError. We then set `newerSchema` (the UI shows its message) and
 * refuse every write with a `ReadOnlyDatabaseError`, so older code never corrupts newer data. Reads
 * keep working for the tables this version knows.
 */
export class TrackRecordDb extends Dexie {
  contractors!: EntityTable<StoredContractor, 'id'>;
  profiles!: EntityTable<ProfileRecord, 'key'>;
  events!: EntityTable<HistoryEvent, 'id'>;
  engagements!: EntityTable<Engagement, 'id'>;
  milestones!: EntityTable<Milestone, 'id'>;
  accesses!: EntityTable<Access, 'id'>;
  snapshots!: EntityTable<MetricSnapshot, 'id'>;
  settings!: Table<SettingsRow, 'settings'>;
  rosterRows!: EntityTable<RosterRow, 'id'>;
  drafts!: EntityTable<DraftRow, 'key'>;

  /** Set once open when the database on disk is newer than this code: it is then read-only. */
  newerSchema: NewerSchema | undefined;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      contractors: '++id, name',
      profiles: 'key, contractorId',
      events: '++id, contractorId, [contractorId+at]',
    });
    this.version(2)
      .stores({
        contractors: '++id, name, *skills, status, summary.verdict, summary.nextChangeAt',
        profiles: 'key, contractorId',
        events: '++id, contractorId, [contractorId+at], [contractorId+type], milestoneId',
        engagements: '++id, contractorId, status, skill',
        milestones: '++id, engagementId, contractorId',
        accesses: '++id, contractorId, engagementId',
        snapshots: '++id, [profileKey+at], contractorId',
        settings: 'id',
      })
      .upgrade((tx) => upgradeToV2(tx));
    this.version(3)
      .stores(
        Object.fromEntries(
          RENUMBERED_TABLES.flatMap((table) => [
            [table, null],
            [`${table}_v3`, 'id'],
          ]),
        ),
      )
      .upgrade((tx) => renumberToV3(tx));
    this.version(4)
      .stores({
        contractors: 'id, legacyId',
        events: 'id, contractorId, [contractorId+at]',
        engagements: 'id, contractorId',
        milestones: 'id, contractorId',
        accesses: 'id, contractorId',
        snapshots: 'id, [profileKey+at]',
        ...Object.fromEntries(RENUMBERED_TABLES.map((table) => [`${table}_v3`, null])),
      })
      .upgrade((tx) => copyBackFromV3(tx));
    this.version(5)
      .stores({ rosterRows: 'id, sortName' })
      .upgrade((tx) => buildRosterRows(tx));
    this.version(6).stores({ drafts: 'key' });

    this.on(
      'ready',
      (vip) => {
        const installed = vip.backendDB().version / 10;
        this.newerSchema =
          installed > SCHEMA_VERSION
            ? {
                installed,
                supported: SCHEMA_VERSION,
                message: `Your Track Record data was saved by a newer version of the extension (data version ${installed}; this one reads version ${SCHEMA_VERSION}). You can look at it, but changes are disabled until you update the extension.`,
              }
            : undefined;
      },
      true,
    );
    this.use({
      stack: 'dbcore',
      name: 'refuse-writes-to-newer-schema',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          return {
            ...table,
            mutate: (req) =>
              this.newerSchema
                ? Promise.reject(new ReadOnlyDatabaseError(this.newerSchema.message))
                : table.mutate(req),
          };
        },
      }),
    });
  }

  /** True when the database is newer than this code (see `newerSchema`). */
  get readOnly(): boolean {
    return this.newerSchema !== undefined;
  }
}

let shared: TrackRecordDb | undefined;

/** The database this context uses, opened on first use. */
export function getDb(): TrackRecordDb {
  shared ??= new TrackRecordDb();
  return shared;
}
