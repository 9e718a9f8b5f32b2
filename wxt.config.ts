import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Permissions are checked against an allow-list in tests/manifest.test.ts; each one is explained in
// the README. Content-script host matches come from the site registry (sites/index.ts).
export default defineConfig({
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Track Record',
    description:
      'Your private notes, delivery history and a keep / watch / cancel verdict on the freelancers you hire.',
    permissions: ['sidePanel'],
    action: { default_title: 'Track Record' },
  },
});
