import { contentScriptMatches, siteOrigins } from '../../sites';

/**
 * Sites the user granted one at a time (optional host permissions, asked from the popup when a page is
 * attached by hand) get a content script of their own, registered at run time, which shows the overlay
 * on the pages attached by hand. The
 * registration follows the granted origins: `syncSiteScripts` makes it match `permissions.getAll()`,
 * and the background calls it when it starts and whenever a permission is added or removed.
 */

/** The content script of the granted sites (entrypoints/granted.content.ts), as built. */
export const GRANTED_SITES_SCRIPT = 'content-scripts/granted.js';
/** A marketplace's own content script (entrypoints/<platform>.content.ts), as built; the build test checks. */
export const siteScriptFile = (platform: string) => `content-scripts/${platform}.js`;
export const GRANTED_SITES_SCRIPT_ID = 'granted-sites';

type Registration = {
  id: string;
  matches?: string[];
  excludeMatches?: string[];
  js?: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  persistAcrossSessions?: boolean;
};

/** The parts of the browser API the sync uses (the real `browser`, or a stub in tests). */
export type SiteAccessApi = {
  permissions: { getAll(): Promise<{ origins?: string[] }> };
  scripting: {
    getRegisteredContentScripts(filter: { ids: string[] }): Promise<Registration[]>;
    registerContentScripts(scripts: Registration[]): Promise<void>;
    updateContentScripts(scripts: Registration[]): Promise<void>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  };
};

/**
 * The origins granted beyond the manifest's content scripts and the marketplaces' own origins (`getAll`
 * lists those too). Only http(s) patterns count; the manifest script's own pages are excluded from the
 * registration, so no page ever gets the script twice.
 */
export function grantedSiteOrigins(origins: readonly string[]): string[] {
  return [...new Set(origins)]
    .filter((o) => /^https?:\/\//.test(o) && !contentScriptMatches.includes(o) && !siteOrigins.includes(o))
    .sort();
}

let queue: Promise<unknown> = Promise.resolve();

/** Brings the run-time registration in line with the granted origins; one sync at a time. */
export function syncSiteScripts(api: SiteAccessApi): Promise<string[]> {
  const run = queue.then(() => sync(api));
  queue = run.catch(() => {});
  return run;
}

async function sync(api: SiteAccessApi): Promise<string[]> {
  const granted = grantedSiteOrigins((await api.permissions.getAll()).origins ?? []);
  const ids = [GRANTED_SITES_SCRIPT_ID];
  const [current] = await api.scripting.getRegisteredContentScripts({ ids });
  if (granted.length === 0) {
    if (current) await api.scripting.unregisterContentScripts({ ids });
    return granted;
  }
  const script: Registration = {
    id: GRANTED_SITES_SCRIPT_ID,
    matches: granted,
    excludeMatches: contentScriptMatches,
    js: [GRANTED_SITES_SCRIPT],
    runAt: 'document_idle',
    persistAcrossSessions: true,
  };
  if (!current) await api.scripting.registerContentScripts([script]);
  else if (JSON.stringify([...(current.matches ?? [])].sort()) !== JSON.stringify(granted))
    await api.scripting.updateContentScripts([script]);
  return granted;
}
