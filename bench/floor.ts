// "The floor": the least an extension like ours can cost a page. A content script on the same pages, at the
// same run_at as the real one (both read from the built manifest), that inserts one element with a closed
// shadow root and is done. The real overlay's time is counted from the floor's insertion.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type ContentScript = { matches?: string[]; run_at?: string };
export type BuiltManifest = { content_scripts?: ContentScript[] };

/** The floor's manifest: every match pattern of the real content scripts, and the real run_at. */
export function floorManifest(real: BuiltManifest) {
  const scripts = real.content_scripts ?? [];
  if (scripts.length === 0) throw new Error('the built manifest declares no content script');
  const runAts = new Set(scripts.map((s) => s.run_at ?? 'document_idle'));
  if (runAts.size > 1)
    throw new Error(`content scripts run at several times (${[...runAts]}): which is the floor's?`);
  return {
    manifest_version: 3,
    name: 'Track Record benchmark floor',
    version: '1.0.0',
    content_scripts: [
      {
        matches: [...new Set(scripts.flatMap((s) => s.matches ?? []))],
        run_at: [...runAts][0],
        js: ['floor.js'],
      },
    ],
  };
}

/** Inserts one element with a closed shadow root, as soon as there is somewhere to put it. */
export const FLOOR_SCRIPT = `(() => {
  const host = document.createElement('track-record-floor');
  host.setAttribute('data-track-record', 'floor');
  host.attachShadow({ mode: 'closed' }).append(document.createElement('span'));
  const place = () => (document.body ?? document.documentElement)?.append(host);
  if (document.body ?? document.documentElement) place();
  else document.addEventListener('readystatechange', place, { once: true });
})();
`;

/** Writes the floor extension into `dir` and returns it. */
export function writeFloorExtension(real: BuiltManifest, dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(floorManifest(real), null, 2));
  writeFileSync(join(dir, 'floor.js'), FLOOR_SCRIPT);
  return dir;
}
