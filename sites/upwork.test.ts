import { describe, expect, it } from 'vitest';
import { loadFixture, strip } from '../tests/sites/fixture';
import { readPage } from './index';

const PROFILE = new URL('https://www.upwork.com/freelancers/~01fe0000aaaa1111bb');
const SEARCH = new URL('https://www.upwork.com/nx/search/talent/?q=data%20engineer');
const PANEL = new URL('https://www.upwork.com/nx/search/talent/details/~01bb22cc33dd44ee55/profile?q=data');

describe('upwork profile', () => {
  it('reads identity from the address and the rest from the document title', () => {
    const { profile } = readPage(loadFixture('upwork-profile.html'), PROFILE);
    expect(profile).toMatchObject({
      platform: 'upwork',
      id: '~01fe0000aaaa1111bb',
      key: 'upwork:~01fe0000aaaa1111bb',
      name: 'Nadia K.',
      title: 'Data Engineer',
      location: 'Porto, Portugal',
      metrics: { jobSuccess: 97, rate: '$55.00/hr' },
    });
    expect(profile?.anchor?.getAttribute('itemtype')).toContain('schema.org/Person');
  });

  it('falls back on the identity block when the title says nothing', () => {
    const doc = loadFixture('upwork-profile.html');
    doc.title = 'Upwork';
    const { profile } = readPage(doc, PROFILE);
    expect(profile).toMatchObject({ name: 'Nadia K.', title: 'Data Engineer', location: 'Porto, Portugal' });
  });

  it('leaves the name empty when nothing names the person yet (the page is still rendering)', () => {
    const doc = strip(loadFixture('upwork-profile.html'), '[itemprop], h2');
    doc.title = 'Upwork';
    expect(readPage(doc, PROFILE).profile).toMatchObject({ id: '~01fe0000aaaa1111bb', name: '' });
  });

  it('has no cards: its navigation link to the viewer and to settings are not freelancers', () => {
    expect(readPage(loadFixture('upwork-profile.html'), PROFILE).cards).toEqual([]);
  });
});

describe('upwork talent search', () => {
  it('is not a profile and reads one card per tile, navigation excluded', () => {
    const doc = loadFixture('upwork-search.html');
    const { profile, cards } = readPage(doc, SEARCH);
    expect(profile).toBeNull();
    expect(cards.map((c) => [c.id, c.name])).toEqual([
      ['~01aa11bb22cc33dd44', 'Omar B.'],
      ['~01bb22cc33dd44ee55', 'Lucia P.'],
      ['~01aa11bb22cc33dd44', 'Omar B.'],
    ]);
    for (const card of cards) expect(card.element.tagName).toBe('ARTICLE');
    expect(cards.every((c) => c.key === `upwork:${c.id}`)).toBe(true);
  });

  it('reads the profile panel opened over the results, from the panel rather than the page title', () => {
    const doc = loadFixture('upwork-search.html');
    const { profile, cards } = readPage(doc, PANEL);
    expect(profile).toMatchObject({ id: '~01bb22cc33dd44ee55', name: 'Lucia P.', location: 'Lima, Peru' });
    expect(profile?.title).toBeUndefined();
    expect(profile?.anchor?.closest('[data-test-route="modal-profile-details"]')).not.toBeNull();
    expect(cards).toHaveLength(3);
  });

  it('finds nothing on a page without tiles', () => {
    expect(readPage(loadFixture('upwork-profile.html'), SEARCH).cards).toEqual([]);
  });
});
