import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { siteOrigins } from './sites';

// Permissions are checked against an allow-list in tests/manifest.test.ts, and each is explained in
// the README. The pages the content script runs on come from the site registry (sites/index.ts).
export default defineConfig({
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Track Record',
    description:
      'Your private notes, delivery history and a keep / watch / cancel verdict on the freelancers you hire.',
    permissions: ['sidePanel'],
    action: { default_title: 'Track Record' },
    options_ui: { page: 'dashboard.html', open_in_tab: true },
    // The overlay frame is the only extension page a marketplace page may embed. Chrome accepts only
    // whole origins (path `/*`) here.
    web_accessible_resources: [{ resources: ['overlay.html'], matches: siteOrigins }],
  },
});
