// Every adapter's sample addresses, walked against every adapter's predicates and the registry.
import { describe, expect, it } from 'vitest';
import { adapterFor, adapters, contentScriptMatches } from './index';

/** Whether a manifest match pattern (`https://*.host/path*`) covers an address. */
function patternCovers(pattern: string, url: URL): boolean {
  const match = pattern.match(/^(https?):\/\/([^/]+)(\/.*)$/);
  if (!match) return false;
  const [, scheme, host = '', path = ''] = match;
  const hostOk = host.startsWith('*.')
    ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1))
    : url.hostname === host;
  const pathRegex = new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return url.protocol === `${scheme}:` && hostOk && pathRegex.test(url.pathname + url.search);
}

describe.each(adapters.map((a) => [a.platform, a] as const))('%s samples', (_platform, adapter) => {
  it('has profile samples, and listing samples when it reads cards', () => {
    expect(adapter.samples.profiles.length).toBeGreaterThan(0);
    expect(adapter.samples.others.length).toBeGreaterThan(0);
  });

  it.each(adapter.samples.profiles)('%s is a profile', (href) => {
    expect(adapter.isProfile(new URL(href))).toBe(true);
  });

  it.each([...adapter.samples.listings, ...adapter.samples.others])('%s is not a profile', (href) => {
    expect(adapter.isProfile(new URL(href))).toBe(false);
  });

  it('is the adapter picked for its own samples', () => {
    for (const href of [...adapter.samples.profiles, ...adapter.samples.listings]) {
      expect(adapterFor(new URL(href))?.platform, href).toBe(adapter.platform);
    }
  });

  it('matches every profile and listing sample with its manifest patterns', () => {
    for (const href of [...adapter.samples.profiles, ...adapter.samples.listings]) {
      const url = new URL(href);
      expect(
        adapter.matches.some((p) => patternCovers(p, url)),
        href,
      ).toBe(true);
    }
  });

  it("rejects every other adapter's samples", () => {
    for (const other of adapters) {
      if (other === adapter) continue;
      const { profiles, listings, others } = other.samples;
      for (const href of [...profiles, ...listings, ...others]) {
        expect(adapter.isProfile(new URL(href)), `${adapter.platform} on ${href}`).toBe(false);
      }
    }
  });
});

describe('registry', () => {
  it('has one adapter per marketplace', () => {
    const platforms = adapters.map((a) => a.platform);
    expect(new Set(platforms).size).toBe(platforms.length);
    expect(platforms).not.toContain('web');
  });

  it('derives the content-script matches from every adapter, without duplicates', () => {
    for (const adapter of adapters)
      for (const p of adapter.matches) expect(contentScriptMatches).toContain(p);
    expect(new Set(contentScriptMatches).size).toBe(contentScriptMatches.length);
  });

  it('writes every match as a valid https pattern', () => {
    for (const p of contentScriptMatches) expect(p).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\/.*$/);
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
