import {
  Access,
  Contractor,
  Engagement,
  HistoryEvent,
  MetricSnapshot,
  Milestone,
  ProfileRecord,
} from '../model/records';
import { Settings } from '../model/settings';
import { ValidationError } from '../model/validation';
import { z } from '../model/zod';
import { formatCount } from '../scoring/format';
import type { TrackRecordDb } from './db';
import { type NumberedTables, renumber, summarise } from './renumber';
import { allTables } from './tx';

const FORMAT = 'track-record-backup';

/**
 * The backup format's version, which says how records are identified:
 * 1–2. numbered by the browser that wrote them (schema 1–2); mapped to global ids on import (renumber.ts);
 * 3. global ids (model/ids.ts), so a backup merges into any browser's records by id alone.
 */
const BACKUP_VERSION = 3;

/**
 * Files larger than this are refused before they are read. A roster of 10,000 people with 20 events each
 * is about 40 MB; of 100,000 with a million events, about 232 MB, which the roster page checks holding
 * about 3.5 times the file's size in memory at most (bench/results/scale.json): room for that roster
 * and a little more, not for files no roster makes.
 */
export const MAX_BACKUP_BYTES = 300 * 1024 * 1024;
/** Refuses a file too large to import (a backup, or a spreadsheet of contractors), before anything of it is read. */
export function checkBackupSize(
  name: string,
  bytes: number,
  kind: 'backup' | 'spreadsheet' = 'backup',
): void {
  if (bytes > MAX_BACKUP_BYTES)
    throw new Error(
      `${name} is ${megabytes(bytes)}: ${kind}s of up to ${megabytes(MAX_BACKUP_BYTES)} can be imported.${kind === 'backup' ? ' Is it a Track Record backup?' : ''}`,
    );
}

const megabytes = (bytes: number) => `${formatCount(Math.ceil(bytes / (1024 * 1024)))} MB`;

/** No field of any record is longer; a longer string anywhere in a file is refused, wherever it is. */
const MAX_STRING = 20_000;
/** Keys that would reach an object's prototype if a file's records were ever copied key by key. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The record tables of a backup, in the order they are validated and written. */
export const BACKUP_TABLES = [
  'contractors',
  'profiles',
  'engagements',
  'milestones',
  'accesses',
  'events',
  'snapshots',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

const SCHEMAS = {
  contractors: Contractor,
  profiles: ProfileRecord,
  engagements: Engagement,
  milestones: Milestone,
  accesses: Access,
  events: HistoryEvent,
  snapshots: MetricSnapshot,
} satisfies Record<BackupTable, z.ZodType>;

/**
 * A whole database as a file. Summaries and roster rows are left out: they are derived, and recomputed on
 * import, so a hand-edited file cannot carry a verdict its history does not support.
 */
export const Backup = z.object({
  format: z.literal(FORMAT, 'this is not a Track Record backup'),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.number().int().nonnegative(),
  contractors: z.array(Contractor),
  profiles: z.array(ProfileRecord),
  events: z.array(HistoryEvent),
  engagements: z.array(Engagement),
  milestones: z.array(Milestone),
  accesses: z.array(Access),
  snapshots: z.array(MetricSnapshot),
  settings: Settings.optional(),
});
export type Backup = z.infer<typeof Backup>;
/** The records of some contractors: a backup's tables without its envelope and settings. */
export type Records = Pick<Backup, BackupTable>;

/** How many records a backup holds, in every table (what an import writes). */
export function recordCount(records: Record<BackupTable, readonly unknown[]>): number {
  return BACKUP_TABLES.reduce((n, table) => n + records[table].length, 0);
}

/** What every backup starts with, whatever its version. */
const Envelope = z.object({
  format: z.literal(FORMAT, 'this is not a Track Record backup'),
  version: z
    .number()
    .int()
    .min(1)
    .max(BACKUP_VERSION, 'this backup comes from a newer version of Track Record: update the extension'),
  exportedAt: z.number().int().nonnegative(),
});

/** How far a long task is: `done` of `total` steps of the phase it is in. */
export type Progress = (phase: string, done: number, total: number) => void;

export async function exportBackup(db: TrackRecordDb, now = Date.now()): Promise<Backup> {
  return db.transaction('r', allTables(db), async () => {
    const [contractors, profiles, events, engagements, milestones, accesses, snapshots, settings] =
      await Promise.all([
        db.contractors.toArray(),
        db.profiles.toArray(),
        db.events.toArray(),
        db.engagements.toArray(),
        db.milestones.toArray(),
        db.accesses.toArray(),
        db.snapshots.toArray(),
        db.settings.get('settings'),
      ]);
    const { id: _id, ...plainSettings } = settings ?? { id: 'settings' };
    return {
      format: FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now,
      contractors: contractors.map(({ summary: _summary, ...c }) => c),
      profiles,
      events,
      engagements,
      milestones,
      accesses,
      snapshots,
      settings: settings ? (plainSettings as Settings) : undefined,
    };
  });
}

/**
 * A backup as the text of its file: every object's keys in alphabetical order, so the same records give
 * the same bytes however they were written (by the repositories, or by an import).
 */
export function backupText(backup: Backup): string {
  return JSON.stringify(backup, (_key, value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) sorted[key] = (value as Record<string, unknown>)[key];
    return sorted;
  });
}

/** Every record must point at records the file holds: a dangling id would be lost data later. */
function checkReferences(b: Records): void {
  const ids = <T>(rows: T[], id: (row: T) => string) => new Set(rows.map(id));
  const contractors = ids(b.contractors, (c) => c.id);
  const engagements = ids(b.engagements, (e) => e.id);
  const milestones = ids(b.milestones, (m) => m.id);
  const accesses = ids(b.accesses, (a) => a.id);
  const profiles = ids(b.profiles, (p) => p.key);
  const problems: string[] = [];
  const owned = {
    profiles: b.profiles,
    events: b.events,
    engagements: b.engagements,
    milestones: b.milestones,
    accesses: b.accesses,
  };
  for (const [table, rows] of Object.entries(owned)) {
    for (const [i, row] of rows.entries()) {
      if (!contractors.has(row.contractorId))
        problems.push(`${table}.${i}.contractorId: no contractor ${row.contractorId} in the file`);
    }
  }
  for (const [i, m] of b.milestones.entries()) {
    if (!engagements.has(m.engagementId))
      problems.push(`milestones.${i}.engagementId: no engagement ${m.engagementId}`);
  }
  for (const [i, e] of b.events.entries()) {
    if (e.milestoneId !== undefined && !milestones.has(e.milestoneId))
      problems.push(`events.${i}.milestoneId: no milestone ${e.milestoneId}`);
    if (e.engagementId !== undefined && !engagements.has(e.engagementId))
      problems.push(`events.${i}.engagementId: no engagement ${e.engagementId}`);
    if ('accessId' in e && !accesses.has(e.accessId))
      problems.push(`events.${i}.accessId: no access ${e.accessId}`);
  }
  for (const [i, s] of b.snapshots.entries()) {
    if (!profiles.has(s.profileKey)) problems.push(`snapshots.${i}.profileKey: no profile ${s.profileKey}`);
  }
  for (const table of BACKUP_TABLES) {
    const seen = new Set<string>();
    for (const [i, row] of (b[table] as ({ id: string } | { key: string })[]).entries()) {
      const key = 'key' in row ? row.key : row.id;
      if (seen.has(key)) problems.push(`${table}.${i}.${'key' in row ? 'key' : 'id'}: ${key} appears twice`);
      seen.add(key);
    }
  }
  if (problems.length > 0) throw new Error(summarise(problems));
}

/**
 * No record nests deeper than this (the file, a table, a record, a field, a list in it, an item's field):
 * a file nested deeper is refused where it goes deeper, before anything walks it further.
 */
const MAX_DEPTH = 8;
/** No list inside a record is longer (skill areas and tags hold 50 at most; renegotiations a few). */
const MAX_LIST_IN_RECORD = 1000;

/** A path to name in a message: its first steps, however deep it goes. */
const shortPath = (path: string) => (path.length > 120 ? `${path.slice(0, 120)}…` : path);

/**
 * Refuses, naming where, any key that could reach a prototype, any string longer than a record could
 * hold, any nesting deeper than a record's and any list inside a record longer than one holds — also
 * in fields the schemas would drop silently. Depth is bounded first, so that the walk is too.
 */
function checkShape(value: unknown, path: string, depth = 0): void {
  if (typeof value === 'string') {
    if (value.length > MAX_STRING)
      throw new Error(
        `${shortPath(path)}: a text of ${formatCount(value.length)} characters is longer than any field holds`,
      );
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (depth >= MAX_DEPTH)
    throw new Error(
      `${shortPath(path)}: nested deeper than any record is, so this is not a Track Record backup`,
    );
  if (Array.isArray(value)) {
    // Depth 1 is a table (as long as it needs); deeper, a list inside a record.
    if (depth > 1 && value.length > MAX_LIST_IN_RECORD)
      throw new Error(
        `${shortPath(path)}: a list of ${formatCount(value.length)} items is longer than any record holds`,
      );
    for (let i = 0; i < value.length; i++) checkShape(value[i], `${path}.${i}`, depth + 1);
    return;
  }
  for (const key of Object.keys(value)) {
    const at = path ? `${path}.${key}` : key;
    if (UNSAFE_KEYS.has(key))
      throw new Error(`${shortPath(at)}: the key "${key.slice(0, 40)}" is not allowed`);
    checkShape((value as Record<string, unknown>)[key], at, depth + 1);
  }
}

/** Rows validated per step: small enough for the page to show progress between steps. */
const SLICE = 5000;

/**
 * Reads a backup file's text in steps (each yields its progress): the whole file is validated before
 * anything is written. A backup of an earlier version has its records numbered by the browser that wrote
 * it: they get global ids here.
 */
function* parseSteps(text: string): Generator<[string, number, number], Backup> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const where = e instanceof SyntaxError ? ` (${e.message})` : '';
    throw new Error(
      `This file is not JSON (it may be cut short or damaged), so it is not a Track Record backup${where}.`,
    );
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    throw new Error('This file is not a Track Record backup.');
  checkShape(json, '');
  const envelope = Envelope.safeParse(json);
  if (!envelope.success) throw new ValidationError(envelope.error.issues);
  const { version, exportedAt } = envelope.data;
  const file = json as Record<string, unknown>;
  const current = version === BACKUP_VERSION ? file : withGlobalIds(file, exportedAt);

  const issues: z.core.$ZodIssue[] = [];
  const tables = {} as Records;
  const total = BACKUP_TABLES.reduce((n, t) => n + (Array.isArray(current[t]) ? current[t].length : 0), 0);
  let done = 0;
  for (const table of BACKUP_TABLES) {
    const rows = current[table];
    if (!Array.isArray(rows)) {
      issues.push({ code: 'custom', path: [table], message: 'expected a list of records', input: rows });
      continue;
    }
    const schema = z.array(SCHEMAS[table]);
    const valid: unknown[] = [];
    for (let start = 0; start < rows.length && issues.length < 20; start += SLICE) {
      const result = schema.safeParse(rows.slice(start, start + SLICE));
      if (result.success) valid.push(...result.data);
      else
        for (const issue of result.error.issues)
          issues.push({ ...issue, path: [table, start + Number(issue.path[0]), ...issue.path.slice(1)] });
      done += Math.min(SLICE, rows.length - start);
      yield ['Checking the file', done, total];
    }
    (tables as Record<string, unknown[]>)[table] = valid;
  }
  const settings = current.settings === undefined ? undefined : Settings.safeParse(current.settings);
  if (settings && !settings.success)
    issues.push(...settings.error.issues.map((i) => ({ ...i, path: ['settings', ...i.path] })));
  if (issues.length > 0) throw new ValidationError(issues);
  checkReferences(tables);
  return {
    format: FORMAT,
    version: BACKUP_VERSION,
    exportedAt,
    ...tables,
    settings: settings?.data,
  };
}

/** Reads a backup file's text at once (see `readBackup`, which shows progress). */
export function parseBackup(text: string): Backup {
  const steps = parseSteps(text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Lets the page draw (a progress bar) between two steps of long work. */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Reads a backup file's text, reporting progress and letting the page draw between steps. */
export async function readBackup(text: string, onProgress?: Progress): Promise<Backup> {
  const steps = parseSteps(text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress?.(...step.value);
    await yieldToPage();
  }
}

/**
 * A backup of version 1–2 as version 3: its numbers mapped to global ids (see renumber.ts). Its records
 * changed last when it was exported, at the latest.
 */
function withGlobalIds(old: Record<string, unknown>, exportedAt: number): Record<string, unknown> {
  const table = (name: keyof NumberedTables) => {
    const rows = old[name] ?? [];
    if (!Array.isArray(rows)) throw new Error(`${name}: expected a list`);
    return rows as Record<string, unknown>[];
  };
  const tables = renumber(
    {
      contractors: table('contractors'),
      profiles: table('profiles'),
      events: table('events'),
      engagements: table('engagements'),
      milestones: table('milestones'),
      accesses: table('accesses'),
      snapshots: table('snapshots'),
    },
    `backup-${exportedAt}`,
    exportedAt,
  );
  return { ...old, ...tables, version: BACKUP_VERSION };
}
