import { describe, expect, it } from 'vitest';
import { loadFixture, strip } from '../tests/sites/fixture';
import { readPage } from './index';

const PROFILE = new URL('https://www.freelancer.com/u/aisharaza');
const DIRECTORY = new URL('https://www.freelancer.com/freelancers/skills/python/1');

describe('freelancer.com profile', () => {
  it('reads name from og:title and the rest from the header', () => {
    const { profile } = readPage(loadFixture('freelancer-profile.html'), PROFILE);
    expect(profile).toMatchObject({
      platform: 'freelancer',
      id: 'aisharaza',
      key: 'freelancer:aisharaza',
      name: 'Aisha R.',
      title: 'Python scripts and tidy spreadsheets',
      location: 'Kenya',
      metrics: { rating: 4.8, reviews: 64, rate: '$18 USD / hour' },
    });
    expect(profile?.anchor?.tagName).toBe('APP-USER-PROFILE-HEADER');
  });

  it('falls back on the header and breadcrumbs without meta tags', () => {
    const doc = strip(loadFixture('freelancer-profile.html'), 'meta');
    doc.title = '';
    expect(readPage(doc, PROFILE).profile).toMatchObject({ name: 'Aisha R.', location: 'Kenya' });
  });

  it('takes identity from the canonical link over the address it was reached by', () => {
    const profile = readPage(
      loadFixture('freelancer-profile.html'),
      new URL('https://www.freelancer.com/u/AishaRaza/reviews'),
    ).profile;
    expect(profile?.key).toBe('freelancer:aisharaza');
  });

  it('has no cards: previous/next user links and the viewer link are not cards', () => {
    expect(readPage(loadFixture('freelancer-profile.html'), PROFILE).cards).toEqual([]);
  });
});

describe('freelancer.com directory', () => {
  it('is not a profile and reads one card per entry', () => {
    const { profile, cards } = readPage(loadFixture('freelancer-directory.html'), DIRECTORY);
    expect(profile).toBeNull();
    expect(cards.map((c) => [c.id, c.key, c.name])).toEqual([
      ['aisharaza', 'freelancer:aisharaza', 'aisharaza'],
      ['DevMarco', 'freelancer:devmarco', 'DevMarco'],
    ]);
    expect(cards[0]?.element.className).toBe('directory-freelancer-item-container');
  });
});
