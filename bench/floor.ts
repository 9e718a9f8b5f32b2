// "The floor": the least an extension like ours can cost a page. A content script on the same pages (read
// from the built manifest) at the browser's default time, document_idle, that inserts one element with a
// closed shadow root and is done. The real overlay's time is counted from the floor's insertion: how much
// later than the simplest extension it is there, whenever ours chooses to start.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type ContentScript = { matches?: string[] };
export type BuiltManifest = { content_scripts?: ContentScript[] };

/** The floor's manifest: every match pattern of the real content scripts, at document_idle. */
export function floorManifest(real: BuiltManifest) {
  const scripts = real.content_scripts ?? [];
  if (scripts.length === 0) throw new Error('the built manifest declares no content script');
  return {
    manifest_version: 3,
    name: 'Track Record benchmark floor',
    version: '1.0.0',
    content_scripts: [
      {
        matches: [...new Set(scripts.flatMap((s) => s.matches ?? []))],
        run_at: 'document_idle',
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
