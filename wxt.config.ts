import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { siteOrigins } from './sites';

/** Sites the user may grant one at a time from the popup; none is granted at install. */
const GRANTABLE_ORIGINS = ['https://*/*', 'http://*/*'];

// Permissions are checked against an allow-list in tests/build/manifest.test.ts, and each is explained in
// the README. The pages the content script runs on come from the site registry (sites/index.ts).
export default defineConfig({
  imports: false,
  // No modulepreload polyfill: both browsers preload modules themselves (Chrome, Firefox 115+), and it cost
  // every page, the overlay's frame among them, one more script to fetch before its own.
  vite: () => ({ plugins: [preact()], build: { modulePreload: { polyfill: false } } }),
  manifest: ({ browser }) => ({
    name: 'Track Record',
    description:
      'Your private notes, delivery history and a keep / watch / cancel verdict on the freelancers you hire.',
    // Firefox has no side panel permission: its sidebar (sidebar_action) needs none. `alarms`: the daily
    // check of due dates (the toolbar's count, the reminders). `unlimitedStorage`: the browser never
    // clears the records to free disk space (Chrome exempts the extension from eviction; Firefox makes
    // its storage persistent, without a prompt).
    permissions:
      browser === 'firefox'
        ? ['activeTab', 'scripting', 'alarms', 'unlimitedStorage']
        : ['sidePanel', 'activeTab', 'scripting', 'alarms', 'unlimitedStorage'],
    // Chrome: the marketplaces' origins, which the content script's matches already cover (no new warning),
    // so that the tabs already open when the extension is installed or updated get the content script
    // (contexts/background/open-tabs.ts). Firefox starts it in open tabs itself.
    ...(browser !== 'firefox' && { host_permissions: siteOrigins }),
    // Reminders of due dates, asked when the user first sets one (the toolbar's count needs nothing).
    optional_permissions: ['notifications'],
    // Asked one site at a time, when the user attaches a page on that site from the popup; nothing
    // broad is granted at install.
    optional_host_permissions: GRANTABLE_ORIGINS,
    // The toolbar icon, drawn for the product (public/icon.svg, rendered by scripts/icons.mjs); WXT puts
    // every size in `icons` too.
    action: {
      default_title: 'Track Record',
      default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' },
    },
    // Opens the popup from the keyboard; the popup shows the key in use. (Chrome refuses Alt+Shift+R.)
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+K' }, description: 'Open Track Record' },
    },
    options_ui: { page: 'dashboard.html', open_in_tab: true },
    // The overlay frame is the only extension page a marketplace page may embed. Chrome accepts only
    // whole origins (path `/*`) here. Sites granted at run time (pages attached by hand) embed it too;
    // since which sites those are is not known here, any site may, but only through the per-session
    // dynamic address (`use_dynamic_url`), so a site cannot probe a fixed address to tell whether the
    // extension is installed.
    web_accessible_resources: [
      { resources: ['overlay.html'], matches: siteOrigins },
      { resources: ['overlay.html'], matches: GRANTABLE_ORIGINS, use_dynamic_url: true },
    ],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'track-record@track-record',
          // data_collection_permissions came in desktop Firefox 140 and Firefox for Android 142 (the tests run
          // Debian's current ESR, 153).
          strict_min_version: '140.0',
          // Nothing is collected: every record stays in the browser.
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
