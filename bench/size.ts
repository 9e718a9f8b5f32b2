// The content scripts' size as users download and parse them: each file the built manifest declares,
// gzipped at level 9 (as tests/build/size.test.ts checks it). A page loads its own site's script alone, so
// the figure is the largest of them. Deterministic for a given build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function contentScriptSize(extensionPath: string) {
  const manifest = JSON.parse(readFileSync(join(extensionPath, 'manifest.json'), 'utf8'));
  const files: string[] = [
    ...new Set<string>(manifest.content_scripts.flatMap((s: { js?: string[] }) => s.js ?? [])),
  ];
  const sizes = Object.fromEntries(
    files.map((file) => {
      const code = readFileSync(join(extensionPath, file));
      return [file, { bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length }];
    }),
  );
  /** The largest one: what a page of the heaviest site loads. */
  const gzipBytes = Math.max(0, ...Object.values(sizes).map((s) => s.gzipBytes));
  return { gzipBytes, files: sizes };
}
