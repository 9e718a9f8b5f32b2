// The popup's floor: the least an extension page can cost. A copy of the built extension with one extra
// page, bench-floor.html, built here with the same Vite and Preact preset as the product: the theme's
// stylesheet and Preact drawing one heading. Opened the same way as the popup (a tab on
// `<page>.html?tab=<id>`, in the same browser and extension), the popup's time is counted from its time.
// It never ships: only the benchmark's copy of the build has it.
import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { build } from 'vite';

export { FLOOR_PAGE_HEADING } from './floor-page/heading';

export const FLOOR_PAGE = 'bench-floor.html';

/** Copies the built extension at `extensionPath` into `dir`, adds the floor page, and returns `dir`. */
export async function writeExtensionWithFloorPage(extensionPath: string, dir: string): Promise<string> {
  cpSync(extensionPath, dir, { recursive: true });
  const root = resolve('bench/floor-page');
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    plugins: [preact()],
    build: {
      outDir: dir,
      emptyOutDir: false,
      assetsDir: 'bench-floor',
      rollupOptions: { input: join(root, FLOOR_PAGE) },
    },
  });
  return dir;
}
