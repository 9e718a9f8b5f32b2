import { describe, expect, it } from 'vitest';
import { loadFixture, strip } from '../tests/sites/fixture';
import { readPage } from './index';

const SELLER = new URL('https://www.fiverr.com/lenamakes?source=gig_cards');
const GIG = new URL('https://www.fiverr.com/lenamakes/draw-a-hand-lettered-logo?context_referrer=search');
const SEARCH = new URL('https://www.fiverr.com/search/gigs?query=logo');

describe('fiverr seller page', () => {
  it('reads the seller from the page state', () => {
    const { profile } = readPage(loadFixture('fiverr-seller.html'), SELLER);
    expect(profile).toMatchObject({
      platform: 'fiverr',
      id: 'lenamakes',
      key: 'fiverr:lenamakes',
      name: 'Lena M.',
      title: 'Hand-lettering and packaging illustration',
      location: 'Austria',
      metrics: { rating: 4.9, reviews: 212, level: 'Level 2', rate: '€45/hr' },
    });
    expect(profile?.anchor?.querySelector('h1')?.textContent).toBe('Lena M.');
  });

  it('falls back on og:title, then the heading, when the page state is missing', () => {
    const withoutState = strip(loadFixture('fiverr-seller.html'), '#perseus-initial-props');
    expect(readPage(withoutState, SELLER).profile).toMatchObject({ name: 'Lena M.', metrics: undefined });
    const bare = strip(withoutState, 'meta[property="og:title"]');
    expect(readPage(bare, SELLER).profile?.name).toBe('Lena M.');
  });

  it('ignores page state that describes another seller', () => {
    const doc = loadFixture('fiverr-seller.html');
    const other = new URL('https://www.fiverr.com/someone_else');
    strip(doc, 'link[rel="canonical"], meta[property^="og:"]');
    expect(readPage(doc, other).profile).toMatchObject({ id: 'someone_else', metrics: undefined });
  });

  it("has no cards: the seller's own gigs and the header's link to the viewer are not cards", () => {
    expect(readPage(loadFixture('fiverr-seller.html'), SELLER).cards).toEqual([]);
  });
});

describe('fiverr gig page', () => {
  it("reads the gig's seller", () => {
    const { profile } = readPage(loadFixture('fiverr-gig.html'), GIG);
    expect(profile).toMatchObject({
      id: 'lenamakes',
      name: 'Lena M.',
      metrics: { rating: 4.8, reviews: 190 },
    });
    expect(profile?.metrics?.rate).toBeUndefined();
    expect(profile?.anchor?.className).toBe('seller-overview');
  });

  it('falls back on the seller line when the page state is missing', () => {
    const doc = strip(loadFixture('fiverr-gig.html'), '#perseus-initial-props');
    expect(readPage(doc, GIG).profile?.name).toBe('Lena M.');
  });

  it('reads one card per gig, by its seller link or else by the gig link', () => {
    const cards = readPage(loadFixture('fiverr-gig.html'), GIG).cards;
    expect(cards.map((c) => [c.id, c.name])).toEqual([
      ['lenamakes', 'Lena M.'],
      ['kofi_draws', 'Kofi D.'],
      ['ines_studio', undefined],
    ]);
    expect(cards.every((c) => c.element.hasAttribute('data-gig-id'))).toBe(true);
  });
});

describe('fiverr listings', () => {
  it('are not profiles but carry cards', () => {
    const { profile, cards } = readPage(loadFixture('fiverr-gig.html'), SEARCH);
    expect(profile).toBeNull();
    expect(cards.map((c) => c.key)).toEqual(['fiverr:lenamakes', 'fiverr:kofi_draws', 'fiverr:ines_studio']);
  });
});
