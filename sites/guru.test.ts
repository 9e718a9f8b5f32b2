import { describe, expect, it } from 'vitest';
import { loadFixture, strip } from '../tests/sites/fixture';
import { readPage } from './index';

const PROFILE = new URL('https://www.guru.com/freelancers/ana-ruiz-dev');
const SEARCH = new URL('https://www.guru.com/d/freelancers/skill/shopify/');

describe('guru profile', () => {
  it('reads name and headline from og:title and the rest from the header', () => {
    const { profile } = readPage(loadFixture('guru-profile.html'), PROFILE);
    expect(profile).toMatchObject({
      platform: 'guru',
      id: 'ana-ruiz-dev',
      key: 'guru:ana-ruiz-dev',
      name: 'Ana Ruiz',
      title: 'Shopify Developer',
      location: 'Valencia, Spain',
      metrics: { rating: 4.7 },
    });
    expect(profile?.anchor?.className).toBe('profile-header');
  });

  it('falls back on the header without meta tags or title', () => {
    const doc = strip(loadFixture('guru-profile.html'), 'meta, title');
    expect(readPage(doc, PROFILE).profile).toMatchObject({ name: 'Ana Ruiz', title: 'Shopify Developer' });
  });

  it('has no cards: the viewer link is not a card', () => {
    expect(readPage(loadFixture('guru-profile.html'), PROFILE).cards).toEqual([]);
  });
});

describe('guru search', () => {
  it('reads one card per result, avatar and name links together', () => {
    const { profile, cards } = readPage(loadFixture('guru-search.html'), SEARCH);
    expect(profile).toBeNull();
    expect(cards.map((c) => [c.key, c.name])).toEqual([
      ['guru:ana-ruiz-dev', 'Ana Ruiz'],
      ['guru:pixel-works-studio', 'Pixel Works Studio'],
    ]);
    expect(cards.every((c) => c.element.tagName === 'LI')).toBe(true);
  });
});
