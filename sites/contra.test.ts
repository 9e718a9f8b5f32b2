import { describe, expect, it } from 'vitest';
import { loadFixture, strip } from '../tests/sites/fixture';
import { readPage } from './index';

const PROFILE = new URL('https://contra.com/priya_shah_k2x9/work');

describe('contra profile', () => {
  it('reads the person from JSON-LD', () => {
    const { profile } = readPage(loadFixture('contra-profile.html'), PROFILE);
    expect(profile).toMatchObject({
      platform: 'contra',
      id: 'priya_shah_k2x9',
      key: 'contra:priya_shah_k2x9',
      name: 'Priya Shah',
      title: 'Product Designer for fintech',
    });
    expect(profile?.anchor?.tagName).toBe('HEADER');
  });

  it('falls back on the title, then on the heading', () => {
    const withoutLd = strip(loadFixture('contra-profile.html'), 'script[type="application/ld+json"]');
    expect(readPage(withoutLd, PROFILE).profile).toMatchObject({
      name: 'Priya Shah',
      title: 'Product Designer',
    });
    const bare = strip(withoutLd, 'meta, title');
    expect(readPage(bare, PROFILE).profile).toMatchObject({
      name: 'Priya Shah',
      title: 'Product Designer for fintech',
    });
  });

  it("reads nothing on Contra's own pages, and no cards on a profile", () => {
    expect(readPage(loadFixture('contra-profile.html'), PROFILE).cards).toEqual([]);
    for (const path of ['/search', '/p/Ab12Cd34-banking-app-redesign', '/jobs', '/settings']) {
      expect(
        readPage(loadFixture('contra-profile.html'), new URL(path, 'https://contra.com')).profile,
      ).toBeNull();
    }
  });
});
