import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The import table of ARCHITECTURE.md: which folders each folder may import, and which packages.
const RULES: Record<string, { folders: string[]; packages: string[] }> = {
  model: { folders: ['model'], packages: ['zod'] },
  sites: { folders: ['sites', 'model'], packages: [] },
  scoring: { folders: ['scoring', 'model'], packages: [] },
  messages: { folders: ['messages', 'model'], packages: [] },
  // papaparse: the CSV import and export are storage's, as backups are.
  storage: { folders: ['storage', 'model', 'scoring'], packages: ['dexie', 'papaparse'] },
  // sites/ for the marketplaces' names: each adapter owns its own, the registry lists them.
  components: { folders: ['components', 'model', 'scoring', 'sites'], packages: ['preact'] },
  // What each running context does, wired to the browser and the database; entrypoints/ only starts them.
  // (What the content script and the overlay frame reach is narrower still: see the walks below.)
  contexts: {
    folders: ['contexts', 'components', 'messages', 'model', 'scoring', 'sites', 'storage'],
    packages: ['preact', 'dexie', 'wxt'],
  },
  // Wiring: the files WXT builds, each starting one context.
  entrypoints: {
    folders: ['entrypoints', 'contexts', 'components', 'messages', 'model', 'scoring', 'sites', 'storage'],
    packages: ['preact', 'dexie', 'wxt'],
  },
};

const ROOT = resolve('.');
/** Every folder of the extension's own code. */
const FOLDERS = ['model', 'sites', 'scoring', 'messages', 'storage', 'components', 'contexts', 'entrypoints'];
const SOURCE = /\.(ts|tsx)$/;
const isTest = (file: string) => /\.test\.tsx?$/.test(file);

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : SOURCE.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  // Static imports and re-exports (no parenthesis before `from`: that would be code), side-effect
  // imports, and dynamic imports.
  const found = text.matchAll(
    /(?:^|\n)\s*(?:import|export)\s[^;(]*?\sfrom\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  );
  return [...found].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

const topFolder = (path: string) => relative(ROOT, path).split('/')[0] ?? '';
const packageOf = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? '');

function resolveLocal(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {}
  }
  return base;
}

/** Every local module `entry` reaches through imports, and each import of storage/ or Dexie among them. */
/** Imports that stay in the built code: `import type` is erased. */
function valueImportsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/(?:^|\n)\s*(?:import|export)\s+type\s[^;]*;/g, '');
  return [
    ...text.matchAll(
      /(?:^|\n)\s*(?:import|export)\s[^;(]*?\sfrom\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? '');
}

/** The packages the built code of `entry` reaches, and through which file. */
function packagesReachedFrom(entry: string) {
  const seen = new Set<string>();
  const reached: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of valueImportsOf(file)) {
      if (spec.startsWith('.')) {
        const target = resolveLocal(file, spec);
        if (SOURCE.test(target)) visit(target);
      } else reached.push(`${packageOf(spec)} (from ${relative(ROOT, file)})`);
    }
  };
  visit(resolve(entry));
  return { seen, packages: [...new Set(reached)].sort() };
}

function databaseReachedFrom(entry: string) {
  const seen = new Set<string>();
  const reached: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) {
        const target = resolveLocal(file, spec);
        if (topFolder(target) === 'storage') reached.push(`${relative(ROOT, file)} → ${spec}`);
        if (SOURCE.test(target)) visit(target);
      } else if (packageOf(spec) === 'dexie') reached.push(`${relative(ROOT, file)} → dexie`);
    }
  };
  visit(resolve(entry));
  return { seen, reached };
}

describe('the import table', () => {
  for (const [folder, rule] of Object.entries(RULES)) {
    it(`${folder}/ imports only ${[...rule.folders.map((f) => `${f}/`), ...rule.packages].join(', ')}`, () => {
      const files = filesUnder(folder).filter((f) => !isTest(f));
      expect(files.length).toBeGreaterThan(0);
      const breaches = files.flatMap((file) =>
        importsOf(file)
          .filter((spec) =>
            spec.startsWith('.')
              ? !rule.folders.includes(topFolder(resolveLocal(file, spec)))
              : !rule.packages.includes(packageOf(spec)),
          )
          .map((spec) => `${relative(ROOT, file)} imports ${spec}`),
      );
      expect(breaches).toEqual([]);
    });
  }

  it('only model/zod.ts and model/zod-mini.ts import zod, so jitless mode is set before any schema', () => {
    const direct = FOLDERS.flatMap(filesUnder).filter((file) =>
      importsOf(file).some((spec) => spec === 'zod' || spec.startsWith('zod/')),
    );
    expect(direct.map((f) => relative(ROOT, f)).sort()).toEqual(['model/zod-mini.ts', 'model/zod.ts']);
  });

  // One per site (entrypoints/<platform>.content.ts) and the granted sites' one.
  const contentScripts = readdirSync('entrypoints')
    .filter((name) => name.endsWith('.content.ts'))
    .map((name) => `entrypoints/${name}`);

  it.each(contentScripts)(
    '%s reaches neither the database nor Dexie, even through other modules',
    (entry) => {
      const { seen, reached } = databaseReachedFrom(entry);
      expect(seen.size).toBeGreaterThan(3);
      expect(reached).toEqual([]);
    },
  );

  // It runs on every matching page: it checks what it receives with the hand-written guards of
  // messages/content.ts (held to the protocol's schemas by messages/content.test.ts), not with zod; and
  // it carries its own site's reader alone.
  it.each(contentScripts)('%s carries no package but WXT’s, and no other site’s reader', (entry) => {
    const { seen, packages } = packagesReachedFrom(entry);
    expect(seen.size).toBeGreaterThan(10);
    expect(packages.map((p) => p.split(' ')[0])).toEqual(expect.arrayContaining(['wxt']));
    expect(new Set(packages.map((p) => p.split(' ')[0]))).toEqual(new Set(['wxt']));
    const readers = [...seen]
      .map((file) => relative(ROOT, file))
      .filter(
        (file) => /^sites\/[a-z]+\.ts$/.test(file) && !/sites\/(read|registry|types|web)\.ts$/.test(file),
      );
    expect(readers).toEqual(
      entry.includes('granted') ? [] : [`sites/${entry.split('/')[1]?.split('.')[0]}.ts`],
    );
  });

  // The popup draws who this is before the rest of its code has loaded: its first script reads the
  // database with the bare IndexedDB API and imports the rest (Dexie, zod) only dynamically.
  it('the popup’s first script carries no package but Preact and WXT’s browser wrapper: no Dexie, no zod', () => {
    const { seen, packages } = packagesReachedFrom('entrypoints/popup/main.tsx');
    expect(seen.size).toBeGreaterThan(10);
    expect(new Set(packages.map((p) => p.split(' ')[0]))).toEqual(new Set(['preact', 'wxt']));
  });

  // An extension frame embedded in a web page may have no `tabs` API (Firefox) and no IndexedDB
  // (Chromium, partitioning off and third-party cookies blocked): the overlay frame talks only to the
  // background. Its code, and everything it imports, uses none of those APIs.
  it('the overlay frame reaches neither the database nor Dexie, nor the tabs, side panel or sidebar APIs', () => {
    const { seen, reached } = databaseReachedFrom('entrypoints/overlay-frame.tsx');
    expect(seen.size).toBeGreaterThan(3);
    expect(reached).toEqual([]);
    const code = (file: string) =>
      readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '') // comments may name the APIs the frame does without
        .replace(/(^|[^:])\/\/.*$/gm, '$1');
    const calls = [...seen].flatMap((file) =>
      [...code(file).matchAll(/\b(tabs|sidePanel|sidebarAction)\s*(\?\.|\.|\[)/g)].map(
        (m) => `${relative(ROOT, file)}: ${m[0]}`,
      ),
    );
    expect(calls).toEqual([]);
  });

  // A module that, through others, imports itself loads in an order nobody chose (db → migrations → summary →
  // db was one); type-only imports are erased and cannot.
  it('no module imports itself through others', () => {
    const sources = [...FOLDERS, 'bench']
      .flatMap(filesUnder)
      .filter((f) => !isTest(f))
      .map((f) => resolve(f));
    const edges = new Map(
      sources.map((file) => [
        file,
        valueImportsOf(file)
          .filter((spec) => spec.startsWith('.'))
          .map((spec) => resolveLocal(file, spec))
          .filter((target) => SOURCE.test(target)),
      ]),
    );
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(ROOT, f)).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of edges.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of sources) visit(file, []);
    expect(sources.length).toBeGreaterThan(100);
    expect(cycles).toEqual([]);
  });

  it('no source turns strings into HTML or polls with a timer', () => {
    const sources = FOLDERS.flatMap(filesUnder).filter((f) => !isTest(f));
    const offending = sources.filter((file) =>
      /innerHTML|outerHTML\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|\bsetInterval\(/.test(
        readFileSync(file, 'utf8'),
      ),
    );
    expect(offending).toEqual([]);
  });
});
