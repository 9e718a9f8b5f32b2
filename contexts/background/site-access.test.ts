import { describe, expect, it } from 'vitest';
import { contentScriptMatches } from '../../sites';
import {
  GRANTED_SITES_SCRIPT,
  GRANTED_SITES_SCRIPT_ID,
  grantedSiteOrigins,
  type SiteAccessApi,
  syncSiteScripts,
} from './site-access';

type Registration = Parameters<SiteAccessApi['scripting']['registerContentScripts']>[0][number];

/** The browser as far as the sync sees it: granted origins, and the run-time registrations. */
function fakeApi(origins: string[]) {
  const registered = new Map<string, Registration>();
  const calls: string[] = [];
  const api: SiteAccessApi = {
    permissions: { getAll: async () => ({ origins: [...contentScriptMatches, ...origins] }) },
    scripting: {
      getRegisteredContentScripts: async ({ ids }) =>
        ids.flatMap((id) => (registered.has(id) ? [registered.get(id) as Registration] : [])),
      registerContentScripts: async (scripts) => {
        calls.push('register');
        for (const s of scripts) {
          if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          registered.set(s.id, s);
        }
      },
      updateContentScripts: async (scripts) => {
        calls.push('update');
        for (const s of scripts) registered.set(s.id, { ...registered.get(s.id), ...s });
      },
      unregisterContentScripts: async ({ ids }) => {
        calls.push('unregister');
        for (const id of ids) registered.delete(id);
      },
    },
  };
  return { api, registered, calls, grant: (o: string[]) => origins.splice(0, origins.length, ...o) };
}

describe('the content script on sites the user granted', () => {
  it('counts only origins granted beyond the manifest, once each', () => {
    expect(
      grantedSiteOrigins([
        ...contentScriptMatches,
        'https://portfolio.example.com/*',
        'https://portfolio.example.com/*',
        'http://me.example.org/*',
        'chrome://favicon/*',
      ]),
    ).toEqual(['http://me.example.org/*', 'https://portfolio.example.com/*']);
  });

  it('registers the same file on the granted sites, never on the marketplace pages it already runs on', async () => {
    const { api, registered } = fakeApi(['https://portfolio.example.com/*']);
    expect(await syncSiteScripts(api)).toEqual(['https://portfolio.example.com/*']);
    expect(registered.get(GRANTED_SITES_SCRIPT_ID)).toMatchObject({
      matches: ['https://portfolio.example.com/*'],
      excludeMatches: contentScriptMatches,
      js: [GRANTED_SITES_SCRIPT],
      persistAcrossSessions: true,
    });
  });

  it('follows grants and removals, and leaves an unchanged registration alone', async () => {
    const { api, registered, calls, grant } = fakeApi([]);
    await syncSiteScripts(api);
    expect(registered.size).toBe(0);

    grant(['https://portfolio.example.com/*']);
    await syncSiteScripts(api);
    grant(['https://portfolio.example.com/*', 'https://jane.example.net/*']);
    await syncSiteScripts(api);
    expect(registered.get(GRANTED_SITES_SCRIPT_ID)?.matches).toEqual([
      'https://jane.example.net/*',
      'https://portfolio.example.com/*',
    ]);
    await syncSiteScripts(api); // e.g. the worker starting again: nothing to do
    expect(calls).toEqual(['register', 'update']);

    grant([]);
    await syncSiteScripts(api);
    expect(registered.size).toBe(0);
    expect(calls).toEqual(['register', 'update', 'unregister']);
  });

  it('runs overlapping syncs one after the other, so a burst of events registers once', async () => {
    const { api, registered, calls } = fakeApi(['https://portfolio.example.com/*']);
    await Promise.all([syncSiteScripts(api), syncSiteScripts(api), syncSiteScripts(api)]);
    expect(calls).toEqual(['register']);
    expect(registered.size).toBe(1);
  });
});
