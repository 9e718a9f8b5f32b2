import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GRANTED_SITES_SCRIPT, siteScriptFile } from '../../contexts/background/site-access';
import { adapters, contentScriptMatches, siteOrigins } from '../../sites';
import { matching, withSamples } from '../sites/samples';

// Every permission the built extension asks for must be on this list, with its reason in the README.
const ALLOWED_PERMISSIONS = ['sidePanel', 'activeTab', 'scripting', 'alarms', 'unlimitedStorage'];
/** Asked when the user first sets a due date: reminders. */
const OPTIONAL_PERMISSIONS = ['notifications'];
/** Asked one site at a time from the popup ("Track this page"), never at install. */
const OPTIONAL_HOST_PERMISSIONS = ['https://*/*', 'http://*/*'];

const manifest = JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8'));
/** Every adapter's sample profiles and listings: the pages the extension must run on. */
const samplePages = (await withSamples(adapters)).flatMap(([, s]) => [...s.profiles, ...s.listings]);

describe('the built Chrome manifest', () => {
  it('is MV3 with a service worker, an action popup, a side panel and the roster as options page', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.background).toEqual({ service_worker: 'background.js' });
    expect(manifest.action.default_popup).toBe('popup.html');
    expect(manifest.side_panel.default_path).toBe('sidepanel.html');
    expect(manifest.options_ui).toEqual({ page: 'dashboard.html', open_in_tab: true });
  });

  it('asks only for allowed permissions and no host permissions beyond its content scripts', () => {
    expect(manifest.permissions ?? []).toEqual(ALLOWED_PERMISSIONS);
    // The marketplaces' origins, to start the content script in tabs open at install or update.
    expect(manifest.host_permissions).toEqual(siteOrigins);
    for (const origin of manifest.host_permissions)
      expect(
        samplePages.some((href) => matching([origin], href).length > 0),
        origin,
      ).toBe(true);
    expect(manifest.optional_host_permissions).toEqual(OPTIONAL_HOST_PERMISSIONS);
    expect(manifest.optional_permissions).toEqual(OPTIONAL_PERMISSIONS);
  });

  it('has its own icons, 16 to 128 px, on the toolbar too, and a key that opens the popup', () => {
    expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '96', '128']);
    expect(manifest.action.default_icon).toEqual({ 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' });
    expect(manifest.commands._execute_action.suggested_key.default).toBe('Alt+Shift+K');
  });

  it("runs one content script per site, its own file on exactly its adapter's pages, at document_start", () => {
    const byFile = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
    expect(
      manifest.content_scripts
        .map((s: { js: string[]; matches: string[]; run_at: string }) => [
          s.js,
          [...s.matches].sort(),
          s.run_at,
        ])
        .sort(byFile),
    ).toEqual(
      adapters
        .map((a) => [[siteScriptFile(a.platform)], [...a.matches].sort(), 'document_start'])
        .sort(byFile),
    );
    expect([...new Set(adapters.flatMap((a) => a.matches))].sort()).toEqual([...contentScriptMatches].sort());
    // The granted sites' script is built too, for the run-time registration, and is not in the manifest.
    expect(existsSync(`.output/chrome-mv3/${GRANTED_SITES_SCRIPT}`)).toBe(true);
  });

  it("matches every adapter's sample profiles and listings, as the browser reads its patterns", () => {
    expect(samplePages.length).toBeGreaterThan(adapters.length);
    for (const href of samplePages) {
      const matches = manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches);
      expect(matching(matches, href), href).not.toEqual([]);
      // The overlay frame is drawn on profiles, and only these origins may embed it.
      expect(matching(manifest.web_accessible_resources[0].matches, href), href).not.toEqual([]);
    }
  });

  it('lets pages embed the overlay frame and nothing else; other sites only at its dynamic address', () => {
    expect(manifest.web_accessible_resources).toEqual([
      { resources: ['overlay.html'], matches: siteOrigins },
      { resources: ['overlay.html'], matches: OPTIONAL_HOST_PERMISSIONS, use_dynamic_url: true },
    ]);
    // Chrome refuses to load an extension whose web-accessible matches name a path.
    for (const match of manifest.web_accessible_resources[0].matches)
      expect(match).toMatch(/^https:\/\/[^/]+\/\*$/);
  });

  it('loads no remote code: no custom content security policy, no externally connectable pages', () => {
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
  });
});
