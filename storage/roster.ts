import type { RecordId } from '../model/ids';
import { type Access, type Engagement, effectiveDueAt, type Milestone } from '../model/records';
import type { Settings } from '../model/settings';
import type { ShownRow } from '../scoring/roster-query';
import { type Amounts, assessRow, type RosterRow } from '../scoring/roster-row';
import { checkRoster, type Finding, type SkillArea, skillAreas } from '../scoring/rules';
import { assessStored } from '../scoring/summary';
import type { StoredContractor, TrackRecordDb } from './db';
import { readSettings } from './settings';

/** Every contractor with their assessment at `now` (from stored facts). */
export async function loadRoster(db: TrackRecordDb, now = Date.now()) {
  return db.transaction('r', db.contractors, db.settings, async () => {
    const settings = await readSettings(db);
    return (await db.contractors.toArray()).map((c) => withAssessment(c, settings, now));
  });
}

function withAssessment(c: StoredContractor, settings: Settings, now: number) {
  return { ...c, assessment: assessStored(c.summary, settings, now) };
}

/** The five rules and the care rule over the whole roster. */
export async function loadRosterFindings(db: TrackRecordDb, now = Date.now()): Promise<Finding[]> {
  return (await loadOverview(db, now)).findings;
}

/** An open milestone on the roster's calendar: whose, of which engagement, due when (in effect). */
export type OpenMilestone = {
  milestone: Milestone;
  dueAt: number;
  engagement: Engagement;
  contractor: { id: RecordId; name: string };
};

/** What the rules view shows: findings, skill areas, every open milestone, and spend. */
export type Overview = {
  findings: Finding[];
  areas: SkillArea[];
  settings: Settings;
  /** Open milestones of active engagements, earliest due first. */
  open: OpenMilestone[];
  /** Paid (milestones and bonuses) per contractor and per skill area, by currency. */
  spendByContractor: { id: RecordId; name: string; paid: Amounts }[];
  spendBySkill: { skill: string; paid: Amounts }[];
  names: Map<RecordId, string>;
  accesses: Access[];
};

/** The whole roster against the five rules and the care rule, with what the rules view draws. */
export async function loadOverview(db: TrackRecordDb, now = Date.now()): Promise<Overview> {
  return db.transaction(
    'r',
    [db.contractors, db.engagements, db.milestones, db.accesses, db.events, db.settings, db.rosterRows],
    async () => {
      const settings = await readSettings(db);
      const [contractors, engagements, milestones, accesses, rewards, rows] = await Promise.all([
        db.contractors.toArray(),
        db.engagements.toArray(),
        db.milestones.toArray(),
        db.accesses.toArray(),
        db.events.filter((e) => e.type === 'reward' && e.amount !== undefined).toArray(),
        db.rosterRows.toArray(),
      ]);
      const roster = contractors.map((c) => withAssessment(c, settings, now));
      const tables = { contractors: roster, engagements, milestones, accesses };
      const names = new Map(contractors.map((c) => [c.id, c.name]));
      const engagementById = new Map(engagements.map((e) => [e.id, e]));
      const open = milestones.flatMap((m) => {
        const engagement = engagementById.get(m.engagementId);
        if (engagement?.status !== 'active' || m.deliveredAt !== undefined) return [];
        return [
          {
            milestone: m,
            dueAt: effectiveDueAt(m),
            engagement,
            contractor: {
              id: m.contractorId,
              name: names.get(m.contractorId) ?? 'someone no longer tracked',
            },
          },
        ];
      });
      open.sort((a, b) => a.dueAt - b.dueAt);
      const bySkill = new Map<string, { skill: string; paid: Amounts }>();
      const addSkill = (skill: string | undefined, currency: string | undefined, amount: number) => {
        const name = skill?.trim() || 'No skill area';
        const key = name.toLowerCase();
        const entry = bySkill.get(key) ?? { skill: name, paid: {} };
        entry.paid[currency ?? ''] = (entry.paid[currency ?? ''] ?? 0) + amount;
        bySkill.set(key, entry);
      };
      for (const m of milestones) {
        if (m.paidAt === undefined) continue;
        const e = engagementById.get(m.engagementId);
        addSkill(e?.skill, m.currency ?? e?.currency, m.amount);
      }
      for (const r of rewards) {
        if (r.type !== 'reward' || r.kind !== 'bonus' || r.amount === undefined) continue;
        const e = r.engagementId === undefined ? undefined : engagementById.get(r.engagementId);
        addSkill(e?.skill, r.currency, r.amount);
      }
      return {
        findings: checkRoster(tables, settings),
        areas: skillAreas(tables),
        settings,
        open,
        spendByContractor: rows
          .filter((r) => Object.keys(r.paid).length > 0)
          .map((r) => ({ id: r.id, name: r.name, paid: r.paid })),
        spendBySkill: [...bySkill.values()],
        names,
        accesses,
      };
    },
  );
}

/** Everyone's id and name, by name (for choosing a contractor): the roster rows, no history. */
export async function loadNames(db: TrackRecordDb): Promise<{ id: RecordId; name: string }[]> {
  return (await db.rosterRows.orderBy('sortName').toArray()).map(({ id, name }) => ({ id, name }));
}

const assessed = (rows: RosterRow[], settings: Settings, now: number): ShownRow[] =>
  rows.map((row) => ({ ...row, assessment: assessRow(row, settings, now) }));

/**
 * The first `count` rows of the roster by name, read through the name index: what the page shows while the
 * rest is read.
 */
export async function loadFirstRows(db: TrackRecordDb, count: number, now = Date.now()): Promise<ShownRow[]> {
  return db.transaction('r', db.rosterRows, db.settings, async () => {
    const settings = await readSettings(db);
    return assessed(await db.rosterRows.orderBy('sortName').limit(count).toArray(), settings, now);
  });
}

/** Every roster row, assessed at `now`: one small record per contractor, no history read. */
export async function loadRosterRows(db: TrackRecordDb, now = Date.now()): Promise<ShownRow[]> {
  return db.transaction('r', db.rosterRows, db.settings, async () => {
    const settings = await readSettings(db);
    return assessed(await db.rosterRows.toArray(), settings, now);
  });
}
