// Every adapter's sample addresses, walked against every adapter's predicates and against the registry: the
// adapter picked for a page, the pages the content script runs on, the pages that may embed the overlay.
import { describe, expect, it } from 'vitest';
import { Platform } from '../../model/platform';
import { adapterFor, adapters, contentScriptMatches, siteName, siteOrigins } from '../../sites';
import { webPage } from '../../sites/web';
import { adapterFile, matching, withSamples } from './samples';

const sampled = await withSamples(adapters);

describe.each(sampled.map(([a, s]) => [a.platform, a, s] as const))(
  '%s samples',
  (platform, adapter, samples) => {
    it(`are written at the top of sites/${platform}.ts, the file that exports the adapter`, async () => {
      const file = await adapterFile(adapter);
      expect(file.exportsAdapter).toBe(true);
      expect(file.samples).toBeDefined();
    });

    it('have profiles and other pages, and listings exactly when the adapter reads cards', () => {
      expect(samples.profiles.length).toBeGreaterThan(0);
      expect(samples.others.length).toBeGreaterThan(0);
      expect(samples.listings.length > 0).toBe(adapter.readCards !== undefined);
      expect(adapter.isListing !== undefined).toBe(adapter.readCards !== undefined);
    });

    it.each(samples.listings)('%s is a listing', (href) => {
      expect(adapter.isListing?.(new URL(href))).toBe(true);
    });

    // The content script does nothing more on a page that is neither (one look at its address). A profile
    // may be shown over a listing (Upwork's profile panel over talent search).
    it.each(samples.others)('%s is not a listing', (href) => {
      expect(adapter.isListing?.(new URL(href)) ?? false).toBe(false);
    });

    it.each(samples.profiles)('%s is a profile', (href) => {
      expect(adapter.profileId(new URL(href))).not.toBeNull();
    });

    it.each([...samples.listings, ...samples.others])('%s is not a profile', (href) => {
      expect(adapter.profileId(new URL(href))).toBeNull();
    });

    it('are read by this adapter, and the content script runs on its profiles and listings', () => {
      for (const href of [...samples.profiles, ...samples.listings]) {
        expect(adapterFor(new URL(href))?.platform, href).toBe(platform);
        expect(matching(contentScriptMatches, href), href).not.toEqual([]);
        // The overlay frame is web-accessible only from these origins.
        expect(matching(siteOrigins, href), href).not.toEqual([]);
      }
    });

    it("are no profile to any other adapter, nor are the other adapters' samples to this one", () => {
      for (const [other, theirs] of sampled) {
        if (other === adapter) continue;
        for (const href of [...theirs.profiles, ...theirs.listings, ...theirs.others]) {
          expect(adapter.profileId(new URL(href)), `${platform} on ${href}`).toBeNull();
        }
      }
    });
  },
);

describe('the registry', () => {
  it('keeps every platform id that stored records hold', () => {
    // Profile records and their keys carry these ids: renaming one would orphan the records kept under it.
    const stored = [
      'upwork',
      'fiverr',
      'freelancer',
      'peopleperhour',
      'guru',
      'toptal',
      'contra',
      'linkedin',
      'github',
    ];
    expect(adapters.map((a) => a.platform)).toEqual(expect.arrayContaining(stored));
  });

  it('gives each adapter a platform id of its own, which records accept, and never the hand-attached one', () => {
    const platforms = adapters.map((a) => a.platform);
    expect(new Set(platforms).size).toBe(platforms.length);
    expect(platforms).not.toContain(webPage.platform);
    for (const platform of platforms) expect(Platform.safeParse(platform).success, platform).toBe(true);
  });

  it('names each marketplace as its adapter does, pages attached by hand too, and an unknown one by its id', () => {
    for (const adapter of adapters) expect(siteName(adapter.platform)).toBe(adapter.name);
    expect(siteName('web')).toBe('Web page');
    expect(siteName('myspace')).toBe('myspace');
  });

  it('runs the content script only on the hosts of an adapter, with valid https patterns', () => {
    for (const adapter of adapters) {
      for (const pattern of adapter.matches) {
        // Throws on a pattern the browser would refuse.
        const page = pattern.replace(/\*\./, 'www.').replace(/\*/g, '');
        expect(matching([pattern], page), pattern).toEqual([pattern]);
        expect(adapterFor(new URL(page))?.platform, pattern).toBe(adapter.platform);
        expect(pattern).toMatch(/^https:\/\//);
      }
    }
  });

  it('picks no adapter for other sites or other schemes', () => {
    expect(adapterFor(new URL('https://example.com/freelancers/~011cfba3bd0cf44f8d'))).toBeUndefined();
    expect(adapterFor(new URL('https://notupwork.com/freelancers/~011cfba3bd0cf44f8d'))).toBeUndefined();
    expect(adapterFor(new URL('https://github.com.evil.example/piuccio'))).toBeUndefined();
    expect(adapterFor(new URL('file:///home/me/github.com/piuccio'))).toBeUndefined();
  });

  it('covers locale subdomains where the site serves the same pages', () => {
    expect(adapterFor(new URL('https://de.fiverr.com/tonigdesign'))?.platform).toBe('fiverr');
  });
});
