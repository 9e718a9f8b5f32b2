import { Dexie } from 'dexie';
import { newId, type RecordId } from '../model/ids';
import type { SeenProfile } from '../model/page';
import {
  type Access,
  Contractor,
  type ContractorStatus,
  type Engagement,
  type HistoryEvent,
  type Milestone,
  NewContractor,
  type ProfileRecord,
} from '../model/records';
import type { Settings } from '../model/settings';
import type { Assessment, StoredSummary } from '../model/summary';
import { parseRecord } from '../model/validation';
import { dayOf } from '../scoring/dates';
import { buildRosterRow } from '../scoring/roster-row';
import { assessStored, buildSummary, EMPTY_HISTORY } from '../scoring/summary';
import type { StoredContractor, TrackRecordDb } from './db';
import { recordEvent } from './history';
import { readSettings } from './settings';
import { refreshSummary } from './summary';
import { newRecord, requireContractor, writeTx } from './tx';

/** Everything a surface shows about the contractor behind one profile. */
export type ContractorView = {
  contractor: StoredContractor;
  profiles: ProfileRecord[];
  /** Every kind of event, newest first. */
  events: HistoryEvent[];
  engagements: Engagement[];
  milestones: Milestone[];
  accesses: Access[];
  /** The stored summary (facts, counts, last activity). */
  summary: StoredSummary;
  /** Score, confidence, strikes, verdict, reasons and "why" at read time, from the stored facts. */
  assessment: Assessment;
  settings: Settings;
};

export async function findContractorIdByKey(db: TrackRecordDb, key: string): Promise<RecordId | undefined> {
  return (await db.profiles.get(key))?.contractorId;
}

/**
 * The contractor a link names: by id, or by the number they had before ids became global (`#contractor=12`
 * in a bookmark from then).
 */
export async function contractorIdFromLink(db: TrackRecordDb, linked: string): Promise<RecordId | undefined> {
  if (!/^\d+$/.test(linked)) return linked;
  return (await db.contractors.where('legacyId').equals(Number(linked)).first())?.id;
}

/**
 * A contractor's view. Every read goes through an index by contractor; the score and verdict come from the
 * stored summary's facts (recomputed for `now`), never from a scan of history.
 */
export async function loadContractorView(
  db: TrackRecordDb,
  contractorId: RecordId,
  now = Date.now(),
): Promise<ContractorView | undefined> {
  return db.transaction(
    'r',
    [db.contractors, db.profiles, db.events, db.engagements, db.milestones, db.accesses, db.settings],
    async () => {
      const contractor = await db.contractors.get(contractorId);
      if (!contractor) return undefined;
      const [profiles, events, engagements, milestones, accesses, settings] = await Promise.all([
        db.profiles.where({ contractorId }).toArray(),
        db.events
          .where('[contractorId+at]')
          .between([contractorId, Dexie.minKey], [contractorId, Dexie.maxKey])
          .reverse()
          .toArray(),
        db.engagements.where({ contractorId }).toArray(),
        db.milestones.where({ contractorId }).toArray(),
        db.accesses.where({ contractorId }).toArray(),
        readSettings(db),
      ]);
      const { summary } = contractor;
      const assessment = assessStored(summary, settings, now);
      return {
        contractor,
        profiles,
        events,
        engagements,
        milestones,
        accesses,
        summary,
        assessment,
        settings,
      };
    },
  );
}

/** The view for whoever a profile key belongs to, or undefined when nobody is tracked there. */
export async function loadViewByKey(
  db: TrackRecordDb,
  key: string,
  now = Date.now(),
): Promise<ContractorView | undefined> {
  const contractorId = await findContractorIdByKey(db, key);
  return contractorId === undefined ? undefined : loadContractorView(db, contractorId, now);
}

/** Starts tracking the freelancer on a profile. Tracking a tracked profile returns its contractor. */
export async function trackProfile(
  db: TrackRecordDb,
  seen: SeenProfile,
  now = Date.now(),
): Promise<RecordId> {
  return writeTx(db, async () => {
    const existing = await db.profiles.get(seen.key);
    if (existing) return existing.contractorId;
    // A page may show a longer name than a contractor's may be (300 characters against 200): cut, not refused.
    const name = [...(seen.name.trim() || seen.id)].slice(0, 200).join('').trim();
    const contractorId = await createContractor(db, { name }, now);
    await db.profiles.add(profileFrom(seen, contractorId, now));
    await addSnapshot(db, seen, now);
    await refreshSummary(db, contractorId);
    return contractorId;
  });
}

/** Adds a contractor with no profile (e.g. someone hired off-platform). */
export async function createContractor(
  db: TrackRecordDb,
  input: { name: string; skills?: string[]; tags?: string[]; drives?: string },
  now = Date.now(),
): Promise<RecordId> {
  const record = newRecord(NewContractor, { createdAt: now, ...input }, now);
  return writeTx(db, async () => {
    const summary = buildSummary(record, EMPTY_HISTORY);
    await db.contractors.add({ ...record, summary });
    await db.rosterRows.add(buildRosterRow(record, summary, EMPTY_HISTORY, []));
    return record.id;
  });
}

/** Edits a contractor's name, skill areas, tags, "what drives them" or status. */
export async function updateContractor(
  db: TrackRecordDb,
  contractorId: RecordId,
  patch: Partial<{
    name: string;
    skills: string[];
    tags: string[];
    drives: string;
    status: ContractorStatus;
  }>,
  now = Date.now(),
) {
  return writeTx(db, async () => {
    const { summary, ...current } = await requireContractor(db, contractorId);
    const next = parseRecord(Contractor, { ...current, ...patch, updatedAt: now });
    if (next.status !== 'dropped') next.coolOffUntil = undefined;
    await db.contractors.put({ ...next, summary });
    await refreshSummary(db, contractorId);
  });
}

/**
 * Refreshes what a tracked profile last showed (name, title, location, address) and keeps a snapshot of
 * its public metrics at most once a (UTC) day. Untracked profiles leave no trace.
 */
export async function recordPageSeen(
  db: TrackRecordDb,
  seen: SeenProfile,
  now = Date.now(),
): Promise<boolean> {
  return writeTx(db, async () => {
    const existing = await db.profiles.get(seen.key);
    if (!existing) return false;
    await db.profiles.put(profileFrom(seen, existing.contractorId, now));
    await addSnapshot(db, seen, now);
    // The roster searches profiles' names, titles and addresses: its row follows when one changed.
    const searched = (p: { name: string; title?: string; url: string }) =>
      [p.name, p.title, p.url].join('\n');
    if (searched(existing) !== searched(seen)) await refreshSummary(db, existing.contractorId);
    return true;
  });
}

async function addSnapshot(db: TrackRecordDb, seen: SeenProfile, now: number) {
  if (!seen.metrics || Object.values(seen.metrics).every((v) => v === undefined)) return;
  const last = await db.snapshots
    .where('[profileKey+at]')
    .between([seen.key, Dexie.minKey], [seen.key, Dexie.maxKey])
    .last();
  if (last && dayOf(last.at) === dayOf(now)) return;
  await db.snapshots.add({ id: newId(now), profileKey: seen.key, at: now, metrics: seen.metrics });
}

/** The public metrics a profile showed over time, oldest first. */
export async function loadMetricHistory(db: TrackRecordDb, key: string) {
  return db.snapshots.where('[profileKey+at]').between([key, Dexie.minKey], [key, Dexie.maxKey]).toArray();
}

export async function addNote(
  db: TrackRecordDb,
  contractorId: RecordId,
  text: string,
  now = Date.now(),
): Promise<RecordId> {
  return recordEvent(db, { contractorId, type: 'note', text }, now);
}

// ── Linking, unlinking and merging ────────────────────────────────────────────────────────────────

/**
 * Attaches a profile to a contractor. A profile tracked under someone else moves (its metric snapshots
 * follow it, being keyed by profile); that other contractor is deleted only when nothing else is left of
 * them.
 */
export async function linkProfile(
  db: TrackRecordDb,
  contractorId: RecordId,
  seen: SeenProfile,
  now = Date.now(),
) {
  return writeTx(db, async () => {
    await requireContractor(db, contractorId);
    const existing = await db.profiles.get(seen.key);
    await db.profiles.put(profileFrom(seen, contractorId, now));
    if (existing && existing.contractorId !== contractorId) await deleteIfEmpty(db, existing.contractorId);
    await addSnapshot(db, seen, now);
    await refreshSummary(db, contractorId);
  });
}

/**
 * Detaches a profile from its contractor: it becomes a new contractor of its own (named as the profile),
 * while the history stays with the original contractor. Returns the new contractor's id.
 */
export async function unlinkProfile(db: TrackRecordDb, key: string, now = Date.now()): Promise<RecordId> {
  return writeTx(db, async () => {
    const profile = await db.profiles.get(key);
    if (!profile) throw new Error(`No profile ${key}`);
    const id = await createContractor(db, { name: profile.name.trim() || profile.id }, now);
    await db.profiles.put({ ...profile, contractorId: id, updatedAt: now });
    await refreshSummary(db, id);
    await refreshSummary(db, profile.contractorId);
    return id;
  });
}

/**
 * Merges `fromId` into `intoId`: every profile, event, engagement, milestone and access moves; skill areas
 * and tags are united, notes on what drives them joined; a cancel on either side stands (the later
 * cool-off wins). `fromId` is then deleted and the summary recomputed.
 */
export async function mergeContractors(
  db: TrackRecordDb,
  intoId: RecordId,
  fromId: RecordId,
  now = Date.now(),
) {
  if (intoId === fromId) throw new Error('Cannot merge a contractor into itself');
  return writeTx(db, async () => {
    const into = await requireContractor(db, intoId);
    const from = await requireContractor(db, fromId);
    const moved = { contractorId: intoId, updatedAt: now };
    await db.profiles.where({ contractorId: fromId }).modify(moved);
    await db.events.where({ contractorId: fromId }).modify(moved);
    await db.engagements.where({ contractorId: fromId }).modify(moved);
    await db.milestones.where({ contractorId: fromId }).modify(moved);
    await db.accesses.where({ contractorId: fromId }).modify(moved);
    const uniq = (xs: string[]) => [...new Map(xs.map((x) => [x.toLowerCase(), x])).values()];
    const dropped = [into, from].filter((c) => c.status === 'dropped');
    const coolOff = dropped.map((c) => c.coolOffUntil ?? 0);
    await db.contractors.put({
      ...into,
      skills: uniq([...into.skills, ...from.skills]),
      tags: uniq([...into.tags, ...from.tags]),
      drives: [into.drives, from.drives].filter(Boolean).join('\n') || undefined,
      status: dropped.length ? 'dropped' : into.status,
      coolOffUntil: dropped.length ? Math.max(...coolOff) : undefined,
      createdAt: Math.min(into.createdAt, from.createdAt),
      updatedAt: now,
    });
    await db.contractors.delete(fromId);
    await db.rosterRows.delete(fromId);
    await refreshSummary(db, intoId);
  });
}

async function deleteIfEmpty(db: TrackRecordDb, contractorId: RecordId) {
  const left = await Promise.all([
    db.profiles.where({ contractorId }).count(),
    db.events.where({ contractorId }).count(),
    db.engagements.where({ contractorId }).count(),
    db.accesses.where({ contractorId }).count(),
  ]);
  if (left.every((n) => n === 0)) {
    await db.contractors.delete(contractorId);
    await db.rosterRows.delete(contractorId);
  } else await refreshSummary(db, contractorId);
}

function profileFrom(seen: SeenProfile, contractorId: RecordId, now: number): ProfileRecord {
  const { platform, id, key, name, title, location, url, metrics } = seen;
  return {
    key,
    platform,
    id,
    contractorId,
    name,
    title,
    location,
    url,
    metrics,
    lastSeenAt: now,
    updatedAt: now,
  };
}
