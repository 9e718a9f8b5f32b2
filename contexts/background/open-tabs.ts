import { adapters } from '../../sites';
import { GRANTED_SITES_SCRIPT, grantedSiteOrigins, siteScriptFile } from './site-access';

/** What the injection needs of the browser (the real `browser` in background.ts, or a stub in tests). */
export type OpenTabsApi = {
  /** The origins the user has granted (`permissions.getAll`). */
  grantedOrigins(): Promise<string[]>;
  /** The ids of the open tabs whose address matches one of these patterns (`tabs.query`). */
  tabsShowing(patterns: string[]): Promise<number[]>;
  /** Runs a script file in a tab (`scripting.executeScript`). */
  run(tabId: number, file: string): Promise<unknown>;
};

/**
 * Chrome starts no content script in the tabs already open when the extension is installed or updated
 * (and leaves the old version's running there, cut off): the tabs showing a page one runs on get it now,
 * so the overlay and badges appear, once, without a reload. The new copy removes the old one's hosts,
 * and the old one ends itself once it sees the extension gone. Returns how many tabs got one.
 */
export async function startInOpenTabs(api: OpenTabsApi): Promise<number> {
  const granted = grantedSiteOrigins(await api.grantedOrigins());
  const scripts = [
    ...adapters.map((a) => ({ file: siteScriptFile(a.platform), matches: [...a.matches] })),
    ...(granted.length > 0 ? [{ file: GRANTED_SITES_SCRIPT, matches: granted }] : []),
  ];
  const started = await Promise.all(
    scripts.map(async ({ file, matches }) =>
      Promise.all(
        (await api.tabsShowing(matches)).map((id) =>
          api.run(id, file).then(
            () => true,
            () => false, // the tab closed, or shows a page the browser protects
          ),
        ),
      ),
    ),
  );
  return started.flat().filter(Boolean).length;
}
