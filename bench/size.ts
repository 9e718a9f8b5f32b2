// The content script's size as users download and parse it: each file the built manifest declares,
// gzipped at level 9 (as tests/build/size.test.ts checks it). Deterministic for a given build.
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
  const gzipBytes = Object.values(sizes).reduce((n, s) => n + s.gzipBytes, 0);
  return { gzipBytes, files: sizes };
}
