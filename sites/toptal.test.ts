import { describe, expect, it } from 'vitest';
import { loadFixture, strip } from '../tests/sites/fixture';
import { readPage } from './index';

const RESUME = new URL('https://www.toptal.com/resume/marek-novak');

describe('toptal résumé', () => {
  it('reads name, headline and place from the title', () => {
    const { profile } = readPage(loadFixture('toptal-resume.html'), RESUME);
    expect(profile).toMatchObject({
      platform: 'toptal',
      id: 'marek-novak',
      key: 'toptal:marek-novak',
      name: 'Marek Novak',
      title: 'Python Developer',
      location: 'Brno, Czechia',
    });
    expect(profile?.anchor?.tagName).toBe('HEADER');
  });

  it('falls back on the heading without meta tags or title', () => {
    const doc = strip(loadFixture('toptal-resume.html'), 'meta, title');
    expect(readPage(doc, RESUME).profile).toMatchObject({ name: 'Marek Novak', title: 'Python Developer' });
  });

  it('reads no cards, and nothing on pages that are not résumés', () => {
    expect(readPage(loadFixture('toptal-resume.html'), RESUME).cards).toEqual([]);
    expect(readPage(loadFixture('toptal-resume.html'), new URL('https://www.toptal.com/developers'))).toEqual(
      {
        profile: null,
        cards: [],
      },
    );
  });
});
