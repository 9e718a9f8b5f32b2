import Papa from 'papaparse';
import type { RecordId } from '../model/ids';
import { NewContractor, NewEvent, type ProfileRecord } from '../model/records';
import { ValidationError } from '../model/validation';
import { formatCount, formatDay } from '../scoring/format';
import { assessRow, buildRosterRow } from '../scoring/roster-row';
import { buildSummary, EMPTY_HISTORY } from '../scoring/summary';
import type { TrackRecordDb } from './db';
import { readSettings } from './settings';
import { refreshSummary } from './summary';
import { newRecord, writeTx } from './tx';

// Spreadsheets: the roster and the history out as CSV, and contractors in from a CSV with its columns
// mapped by the user. Parsing is Papa Parse's (a maintained CSV parser): quotes, commas and line breaks
// inside cells, byte-order marks and odd line endings are its business.

/**
 * A cell as a spreadsheet will read it. A text starting with =, +, -, @, a tab or a carriage return would
 * run as a formula in Excel, LibreOffice or Sheets (CSV injection): it gets a leading apostrophe, which
 * they show as text. Cells with commas, quotes or line breaks are quoted.
 */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as CSV text (CRLF line ends, as spreadsheets expect). */
export function toCsv(header: string[], rows: unknown[][]): string {
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const amounts = (a: Record<string, number>) =>
  Object.entries(a)
    .map(([c, v]) => `${Math.round(v * 100) / 100}${c ? ` ${c}` : ''}`)
    .join(' + ');
const day = (ms: number | undefined) => (ms === undefined ? '' : formatDay(ms));

/** The roster as a spreadsheet: one line per contractor, the columns of the roster and their profiles. */
export async function contractorsCsv(db: TrackRecordDb, now = Date.now()): Promise<string> {
  return db.transaction('r', [db.rosterRows, db.profiles, db.contractors, db.settings], async () => {
    const settings = await readSettings(db);
    const [rows, profiles, contractors] = await Promise.all([
      db.rosterRows.orderBy('sortName').toArray(),
      db.profiles.toArray(),
      db.contractors.toArray(),
    ]);
    const urls = new Map<RecordId, string[]>();
    for (const p of profiles) urls.set(p.contractorId, [...(urls.get(p.contractorId) ?? []), p.url]);
    const tags = new Map(contractors.map((c) => [c.id, c.tags]));
    return toCsv(
      [
        'Name',
        'Platforms',
        'Skill areas',
        'Tags',
        'Status',
        'Verdict',
        'Score',
        'Confidence',
        'Strikes',
        'Open milestones',
        'Next due',
        'Open budget',
        'Paid',
        'Last activity',
        'Profiles',
        'Id',
      ],
      rows.map((r) => {
        const a = assessRow(r, settings, now);
        return [
          r.name,
          r.platforms.join(', '),
          r.skills.join(', '),
          (tags.get(r.id) ?? []).join(', '),
          r.status,
          a.verdict,
          a.score ?? '',
          a.score === null ? '' : a.confidence,
          a.strikes,
          r.openMilestones,
          day(r.nextDueAt),
          amounts(r.openBudget),
          amounts(r.paid),
          day(r.lastActivityAt),
          (urls.get(r.id) ?? []).join(' '),
          r.id,
        ];
      }),
    );
  });
}

/** Every event of everyone, oldest first, with whose it is. */
export async function eventsCsv(db: TrackRecordDb): Promise<string> {
  return db.transaction('r', [db.events, db.contractors], async () => {
    const [events, contractors] = await Promise.all([db.events.toArray(), db.contractors.toArray()]);
    const names = new Map(contractors.map((c) => [c.id, c.name]));
    events.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
    return toCsv(
      [
        'Date',
        'Contractor',
        'Type',
        'Text',
        'Days late',
        'Excuse category',
        'Reward',
        'Amount',
        'Currency',
        'Contractor id',
        'Event id',
      ],
      events.map((e) => [
        new Date(e.at).toISOString(),
        names.get(e.contractorId) ?? '',
        e.type,
        'text' in e ? e.text : '',
        'daysLate' in e ? e.daysLate : '',
        e.type === 'excuse' ? e.category : '',
        e.type === 'reward' ? e.kind : '',
        e.type === 'reward' ? e.amount : '',
        e.type === 'reward' ? e.currency : '',
        e.contractorId,
        e.id,
      ]),
    );
  });
}

/** More columns than any contractor list has: the mapping offers each one, so a file is refused past this. */
const MAX_COLUMNS = 200;
/** No field a column maps to holds more (a note holds 10,000 characters). */
const MAX_CELL = 20_000;

/**
 * A CSV file's lines of cells, the header first. Refused, naming the line, when it is not a table of at
 * least one column, has more columns than any list of contractors, or a cell longer than any field.
 */
export function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new Error('The file is empty.');
  const result = Papa.parse<string[]>(body, { skipEmptyLines: 'greedy' });
  // A file of one column has no delimiter to detect: only broken quoting is fatal.
  const fatal = result.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new Error(`line ${(fatal.row ?? 0) + 1}: ${fatal.message}`);
  if (result.data.length === 0) throw new Error('The file is empty.');
  for (const [i, cells] of result.data.entries()) {
    if (cells.length > MAX_COLUMNS)
      throw new Error(
        `line ${formatCount(i + 1)} has ${formatCount(cells.length)} columns; a list of contractors has at most ${MAX_COLUMNS}`,
      );
    const long = cells.findIndex((cell) => cell.length > MAX_CELL);
    if (long >= 0)
      throw new Error(
        `line ${formatCount(i + 1)}, column ${long + 1}: a text of ${formatCount((cells[long] as string).length)} characters is longer than any field holds`,
      );
  }
  return result.data;
}

/** What a column of the file may hold. */
export const CSV_FIELDS = ['name', 'skills', 'tags', 'profiles', 'notes'] as const;
type CsvField = (typeof CSV_FIELDS)[number];
export type CsvMapping = Partial<Record<CsvField, number>>;

const GUESSES: Record<CsvField, RegExp> = {
  name: /^(full ?)?name|contractor|freelancer/i,
  skills: /skill|area|expertise/i,
  tags: /tag|label/i,
  profiles: /profile|url|link|address|website/i,
  notes: /note|comment|remark/i,
};

/** The mapping a header suggests: each field to the first column whose title looks like it. */
export function guessMapping(header: readonly string[]): CsvMapping {
  const mapping: CsvMapping = {};
  const used = new Set<number>();
  for (const field of CSV_FIELDS) {
    const i = header.findIndex((h, col) => !used.has(col) && GUESSES[field].test(h.trim()));
    if (i >= 0) {
      mapping[field] = i;
      used.add(i);
    }
  }
  return mapping;
}

/** A profile address as the extension keys it (from the site adapters), or null when it is no address. */
export type ProfileOf = (url: string) => Pick<ProfileRecord, 'platform' | 'id' | 'key' | 'url'> | null;

/** One contractor as a line of the file says, checked. */
export type CsvContractor = {
  line: number;
  name: string;
  skills: string[];
  tags: string[];
  profiles: ReturnType<ProfileOf>[];
  note?: string;
};

const list = (cell: string | undefined) =>
  (cell ?? '')
    .split(/[;,|\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The file's contractors under a mapping, every line checked as the records it makes (a message names the
 * line and the field at fault). All or nothing: one bad line refuses the file.
 */
export function csvContractors(
  table: string[][],
  mapping: CsvMapping,
  profileOf: ProfileOf,
): CsvContractor[] {
  if (mapping.name === undefined) throw new Error('Choose the column that holds the names.');
  const problems: string[] = [];
  const out: CsvContractor[] = [];
  for (const [i, cells] of table.slice(1).entries()) {
    const line = i + 2;
    const cell = (field: CsvField) =>
      mapping[field] === undefined ? undefined : cells[mapping[field] as number];
    const input = {
      name: cell('name') ?? '',
      createdAt: 0,
      skills: list(cell('skills')),
      tags: list(cell('tags')),
    };
    const checked = NewContractor.safeParse(input);
    if (!checked.success) {
      problems.push(`line ${line}, ${new ValidationError(checked.error.issues).message}`);
      continue;
    }
    const profiles = (cell('profiles') ?? '').split(/[\s,;|]+/).filter(Boolean);
    const resolved = profiles.map(profileOf);
    const bad = profiles.find((_, k) => resolved[k] === null);
    if (bad) problems.push(`line ${line}, profiles: "${bad.slice(0, 80)}" is not a web address`);
    const note = cell('notes')?.trim();
    if (
      note &&
      !NewEvent.safeParse({ contractorId: '0'.repeat(26), at: 0, type: 'note', text: note }).success
    )
      problems.push(`line ${line}, notes: a note of ${formatCount(note.length)} characters is too long`);
    out.push({
      line,
      name: checked.data.name,
      skills: checked.data.skills,
      tags: checked.data.tags,
      profiles: resolved,
      note: note || undefined,
    });
  }
  if (problems.length > 0)
    throw new Error(
      problems.slice(0, 5).join('; ') + (problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''),
    );
  if (out.length === 0) throw new Error('The file has a header but no contractors under it.');
  return out;
}

/**
 * Adds the file's contractors, in one transaction. A line whose profile is already tracked adds its skill
 * areas, tags and note to that contractor instead of tracking them twice. Returns how many were added and
 * how many updated.
 */
export async function importCsvContractors(
  db: TrackRecordDb,
  contractors: CsvContractor[],
  now = Date.now(),
): Promise<{ added: number; updated: number }> {
  return writeTx(db, async () => {
    let added = 0;
    let updated = 0;
    for (const c of contractors) {
      const profiles = c.profiles.filter((p) => p !== null);
      const known = (await db.profiles.bulkGet(profiles.map((p) => p.key))).find((p) => p !== undefined);
      let id: RecordId;
      if (known) {
        id = known.contractorId;
        const existing = await db.contractors.get(id);
        if (!existing) throw new Error(`line ${c.line}: profile ${known.key} belongs to no contractor`);
        const merged = (a: string[], b: string[]) => [
          ...new Map([...a, ...b].map((x) => [x.toLowerCase(), x])).values(),
        ];
        await db.contractors.put({
          ...existing,
          skills: merged(existing.skills, c.skills),
          tags: merged(existing.tags, c.tags),
          updatedAt: now,
        });
        updated++;
      } else {
        const record = newRecord(
          NewContractor,
          { name: c.name, skills: c.skills, tags: c.tags, createdAt: now },
          now,
        );
        const summary = buildSummary(record, EMPTY_HISTORY);
        await db.contractors.add({ ...record, summary });
        await db.rosterRows.add(buildRosterRow(record, summary, EMPTY_HISTORY, []));
        id = record.id;
        added++;
      }
      for (const p of profiles)
        if (!(await db.profiles.get(p.key)))
          await db.profiles.add({ ...p, contractorId: id, name: c.name, lastSeenAt: now, updatedAt: now });
      if (c.note)
        await db.events.add(
          newRecord(NewEvent, { contractorId: id, type: 'note', at: now, text: c.note }, now),
        );
      await refreshSummary(db, id);
    }
    return { added, updated };
  });
}
