import { MatchPattern } from '@webext-core/match-patterns';
import { describe, expect, it } from 'vitest';
import { adapters, searchLinks } from './index';

describe('"find more" links: each marketplace\'s own search for a skill', () => {
  it('come from the adapters that have a search, with the skill in the address', () => {
    const links = searchLinks('WordPress & SEO');
    expect(links.map((l) => l.name)).toEqual(adapters.filter((a) => a.searchFor).map((a) => a.name));
    expect(links.length).toBeGreaterThanOrEqual(5);
    for (const link of links) expect(decodeURIComponent(link.url).toLowerCase()).toMatch(/wordpress/);
  });

  it('lead to pages the extension runs on, so the listing shows its badges there', () => {
    for (const link of searchLinks('logo design')) {
      const adapter = adapters.find((a) => a.platform === link.platform);
      const patterns = (adapter?.matches ?? []).map((m) => new MatchPattern(m));
      expect(
        patterns.some((p) => p.includes(link.url)),
        link.url,
      ).toBe(true);
    }
  });

  it('are none for an empty skill', () => {
    expect(searchLinks('  ')).toEqual([]);
  });
});
