import { derivedId } from '../model/ids';

// A generated roster, written as the product's own backup file (the format of storage/backup.ts), so the
// benchmark fills the database through the roster page's Import button, as a user would. Deterministic:
// the same sizes give the same file. Written against the file format only; if the format changes,
// tests/bench's backup test (parsed by the product's own `parseBackup`) says so.

/** A contractor the benchmark looks for on a page: `key` is the profile the page shows. */
export type BenchContractor = { key: string; url: string; name: string };

export type RosterSize = {
  /** Contractors in all, the bench contractors included. */
  contractors: number;
  /** Profiles per contractor (the bench contractors get one each: their page). */
  profilesPerContractor: number;
  /** History events per contractor. */
  eventsPerContractor: number;
};

const DAY_MS = 86_400_000;
const EXCUSES = ['illness', 'family', 'connectivity', 'overload', 'almost-done'] as const;
const SKILLS = ['WordPress', 'copywriting', 'logo design', 'React', 'SEO', 'video editing', 'translation'];
const PLATFORMS = ['upwork', 'fiverr', 'freelancer', 'peopleperhour', 'guru'] as const;

/** A small deterministic generator (mulberry32): the file must not change between runs. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The address of a profile on a marketplace. */
export function profileUrl(platform: string, id: string): string {
  switch (platform) {
    case 'upwork':
      return `https://www.upwork.com/freelancers/${id}`;
    case 'fiverr':
      return `https://www.fiverr.com/${id}`;
    case 'freelancer':
      return `https://www.freelancer.com/u/${id}`;
    case 'peopleperhour':
      return `https://www.peopleperhour.com/freelancer/${id}`;
    default:
      return `https://www.guru.com/freelancers/${id}`;
  }
}

/**
 * A backup holding `bench` first (the first n contractors, each with the profile its page shows) and then
 * generated contractors up to `size.contractors`, each with a history of deliveries (some late), excuses,
 * quality problems, praise and notes over the last two years.
 */
export function generateBackup(bench: BenchContractor[], size: RosterSize, now: number) {
  const next = random(20_251_128);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const contractors = [];
  const profiles = [];
  const events = [];
  let eventNumber = 0;
  for (let n = 1; n <= Math.max(size.contractors, bench.length); n++) {
    const mine = bench[n - 1];
    const createdAt = now - Math.floor(730 * DAY_MS * (0.5 + next() / 2));
    const id = derivedId(createdAt, `bench/contractors/${n}`);
    contractors.push({
      id,
      updatedAt: now,
      name: mine?.name ?? `Contractor ${n}`,
      createdAt,
      skills: [pick(SKILLS)],
      tags: [],
      status: 'active',
    });
    if (mine) {
      const [platform, ...rest] = mine.key.split(':');
      profiles.push({
        key: mine.key,
        platform,
        id: rest.join(':'),
        contractorId: id,
        name: mine.name,
        url: mine.url,
        lastSeenAt: now - DAY_MS,
        updatedAt: now,
      });
    } else {
      for (let p = 0; p < size.profilesPerContractor; p++) {
        const platform = PLATFORMS[(n + p) % PLATFORMS.length] as string;
        const profileId = `bench-${n}-${p}`;
        profiles.push({
          key: `${platform}:${profileId}`,
          platform,
          id: profileId,
          contractorId: id,
          name: `Contractor ${n}`,
          url: profileUrl(platform, profileId),
          lastSeenAt: now - Math.floor(next() * 300 * DAY_MS),
          updatedAt: now,
        });
      }
    }
    for (let e = 0; e < size.eventsPerContractor; e++) {
      const at = createdAt + Math.floor(next() * (now - createdAt));
      const base = {
        id: derivedId(at, `bench/events/${++eventNumber}`),
        updatedAt: now,
        contractorId: id,
        at,
      };
      const roll = next();
      if (roll < 0.45)
        events.push({ ...base, type: 'delivered', daysLate: next() < 0.8 ? 0 : 1 + pick([1, 2, 5]) });
      else if (roll < 0.55)
        events.push({ ...base, type: 'excuse', text: 'Sorry, it will be late.', category: pick(EXCUSES) });
      else if (roll < 0.6) events.push({ ...base, type: 'quality-problem', text: 'Needed rework.' });
      else if (roll < 0.7) events.push({ ...base, type: 'praise', text: 'Great work, fast.' });
      else events.push({ ...base, type: 'note', text: `Call about the next milestone (${e}).` });
    }
  }
  return {
    format: 'track-record-backup',
    version: 3,
    exportedAt: now,
    contractors,
    profiles,
    events,
    engagements: [],
    milestones: [],
    accesses: [],
    snapshots: [],
  };
}

/** Rows a backup writes (every record of every table), for import rates. */
export function rowCount(backup: ReturnType<typeof generateBackup>): number {
  return (
    backup.contractors.length +
    backup.profiles.length +
    backup.events.length +
    backup.engagements.length +
    backup.milestones.length +
    backup.accesses.length +
    backup.snapshots.length
  );
}
