// Adding a marketplace takes one adapter file, one fixture, one registry line and its content script's entry
// file. This test adds an invented one (tests/fixtures/sites/hirewell.ts) by the registry line, in place of
// sites/index.ts, and finds it where the extension would use it: read by readPage, in the manifest, and
// named in the UI.
import { h, render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { ProfileList } from '../../components/ProfileList';
import { newId } from '../../model/ids';
import type { ProfileRecord } from '../../model/records';
import { contentScriptMatches, readPage, siteName } from '../../sites';
import { hirewell, samples } from '../fixtures/sites/hirewell';
import { loadFixture } from './fixture';
import { matching } from './samples';

vi.mock('../../sites', async (importOriginal) => {
  const sites = await importOriginal<typeof import('../../sites')>();
  const { siteRegistry } = await import('../../sites/registry');
  const { hirewell } = await import('../fixtures/sites/hirewell');
  return { ...sites, ...siteRegistry([...sites.adapters, hirewell]) };
});

/** The part of the manifest that wxt.config.ts writes from the registry. */
type Manifest = { web_accessible_resources: { matches: string[] }[]; host_permissions?: string[] };

const PROFILE = new URL('https://www.hirewell.example/pro/ada-lovelace?ref=search');
const LISTING = new URL('https://www.hirewell.example/browse/rust');

describe('a marketplace added by one registry line', () => {
  it('is read by readPage: the profile under the id its canonical address names, and the cards', () => {
    const { profile, cards } = readPage(loadFixture('hirewell.html'), PROFILE);
    expect(profile).toMatchObject({
      platform: 'hirewell',
      id: 'Ada-Lovelace',
      key: 'hirewell:ada-lovelace',
      name: 'Ada Lovelace',
      title: 'Rust engineer',
    });
    expect(cards.map((c) => [c.key, c.name])).toEqual([
      ['hirewell:grace-hopper', 'Grace Hopper'],
      ['hirewell:alan-turing', 'Alan Turing'],
    ]);
    expect(readPage(loadFixture('hirewell.html'), LISTING).profile).toBeNull();
    expect(readPage(loadFixture('hirewell.html'), LISTING).cards).toHaveLength(2);
  });

  // Its content script is one more file, entrypoints/<platform>.content.ts, like every site's
  // (tests/build/manifest.test.ts finds one for each adapter of the registry, with the adapter's matches).
  it('is in the manifest: its pages may embed the overlay, and get the content script in tabs open at an update', async () => {
    const config = (await import('../../wxt.config')).default;
    const manifestOf = config.manifest as unknown as (env: { browser: string }) => Promise<Manifest>;
    const manifest = await manifestOf({ browser: 'chrome' });
    const [embedders] = manifest.web_accessible_resources;
    expect(contentScriptMatches).toEqual(expect.arrayContaining([...hirewell.matches]));
    for (const href of [...samples.profiles, ...samples.listings]) {
      expect(matching(embedders?.matches ?? [], href), href).not.toEqual([]);
      expect(matching(manifest.host_permissions ?? [], href), href).not.toEqual([]);
    }
  });

  it('is named in the UI as its adapter names it', () => {
    expect(siteName('hirewell')).toBe(hirewell.name);
    const profile: ProfileRecord = {
      key: 'hirewell:ada-lovelace',
      platform: 'hirewell',
      id: 'Ada-Lovelace',
      contractorId: newId(0),
      name: 'Ada Lovelace',
      url: 'https://www.hirewell.example/pro/Ada-Lovelace',
      lastSeenAt: 0,
      updatedAt: 0,
    };
    const root = document.createElement('div');
    const nothing = async () => {};
    render(
      h(ProfileList, { profiles: [profile], others: [], onUnlink: nothing, onMerge: nothing, name: 'Ada' }),
      root,
    );
    expect(root.querySelector('a')?.textContent).toBe('Hirewell: Ada Lovelace');
    render(null, root);
  });
});
