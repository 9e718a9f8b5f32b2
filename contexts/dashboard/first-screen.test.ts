import { beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../model/settings';
import { buildRosterRow } from '../../scoring/roster-row';
import { buildSummary, EMPTY_HISTORY } from '../../scoring/summary';
import { readFirstScreen, saveFirstScreen } from './first-screen';

const contractor = {
  id: '01JD0000000000000000000000',
  name: 'Kim',
  createdAt: 0,
  updatedAt: 0,
  skills: ['SEO'],
  tags: [],
  status: 'active' as const,
};
const row = {
  ...buildRosterRow(contractor, buildSummary(contractor, EMPTY_HISTORY), EMPTY_HISTORY, []),
  platforms: ['upwork'],
};

describe("the copy of the roster's first screen", () => {
  beforeEach(() => localStorage.clear());

  it('keeps the rows without their searched text (notes stay in the database), and the sites named', () => {
    saveFirstScreen([{ ...row, text: 'private note' }], defaultSettings, (p) =>
      p === 'upwork' ? 'Upwork' : p,
    );
    const kept = readFirstScreen();
    expect(kept?.rows).toHaveLength(1);
    expect(kept?.rows[0]).not.toHaveProperty('text');
    expect(JSON.stringify(kept)).not.toContain('private note');
    expect(kept?.sites).toEqual({ upwork: 'Upwork' });
  });

  it('is dropped when the roster is empty, and ignored when damaged', () => {
    saveFirstScreen([row], defaultSettings, (p) => p);
    saveFirstScreen([], defaultSettings, (p) => p);
    expect(readFirstScreen()).toBeNull();
    localStorage.setItem('track-record:first-screen', '{not json');
    expect(readFirstScreen()).toBeNull();
  });
});
