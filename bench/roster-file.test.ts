import { describe, expect, it } from 'vitest';
import { parseBackup, recordCount } from '../storage/backup';
import { generateRoster } from '../tests/fixtures/roster/generate';

const bench = [
  {
    key: 'upwork:~011cfba3bd0cf44f8d',
    url: 'https://www.upwork.com/freelancers/~011cfba3bd0cf44f8d',
    name: 'Bench R',
  },
  { key: 'fiverr:tonigdesign', url: 'https://www.fiverr.com/tonigdesign', name: 'Bench T' },
];
const NOW = Date.UTC(2025, 10, 28);

describe('the generated roster', () => {
  it('is a backup the roster page accepts, with the bench contractors first', () => {
    const backup = generateRoster(
      { contractors: 50, profilesPerContractor: 2, eventsPerContractor: 20 },
      NOW,
      bench,
    );
    const parsed = parseBackup(JSON.stringify(backup)); // the product's own check, as its Import runs it
    expect(parsed.contractors).toHaveLength(50);
    expect(parsed.events).toHaveLength(1000);
    expect(parsed.profiles).toHaveLength(2 + 48 * 2);
    expect([parsed.engagements.length, parsed.milestones.length]).toEqual([5, 10]); // every tenth: one, two
    expect(recordCount(backup)).toBe(50 + 98 + 1000 + 5 + 10);
    const owner = (key: string) => parsed.profiles.find((p) => p.key === key)?.contractorId;
    expect(owner('upwork:~011cfba3bd0cf44f8d')).toBe(parsed.contractors[0]?.id);
    expect(owner('fiverr:tonigdesign')).toBe(parsed.contractors[1]?.id);
    expect(parsed.contractors[1]?.name).toBe('Bench T');
    expect(parsed.events.every((e) => e.at <= NOW)).toBe(true);
    expect(new Set(parsed.events.map((e) => e.type)).size).toBeGreaterThanOrEqual(4);
  });

  it('is the same file every time', () => {
    const size = { contractors: 20, profilesPerContractor: 1, eventsPerContractor: 5 };
    expect(JSON.stringify(generateRoster(size, NOW, bench))).toBe(
      JSON.stringify(generateRoster(size, NOW, bench)),
    );
  });

  it('holds at least the bench contractors', () => {
    const backup = generateRoster(
      { contractors: 0, profilesPerContractor: 1, eventsPerContractor: 3 },
      NOW,
      bench,
    );
    expect(backup.contractors.map((c) => c.name)).toEqual(['Bench R', 'Bench T']);
    expect(backup.events).toHaveLength(6);
  });
});
