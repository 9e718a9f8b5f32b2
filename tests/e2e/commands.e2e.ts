import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/extension-browser.mjs';
import { launchFirefoxWithExtension } from '../../scripts/extension-firefox.mjs';

// The commands the README offers a user, run as the user runs them, from the project's folder:
// `npm start` (headless, on the build `npm test` has just made: START_BUILD=0), `npm run zip`, and
// `npm run screenshots` into a temporary folder (SCREENSHOTS_OUT), so that the committed pictures stay
// as they are. `npm run build` and `npm run build:firefox` are steps of `npm test` itself, before these.

const made: string[] = [];
const scratch = (name: string) => {
  const folder = mkdtempSync(join(tmpdir(), `track-record-${name}-`));
  made.push(folder);
  return folder;
};
afterAll(() => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
});

/** Runs a command to its end and gives its exit code and output. */
function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** The environment of a machine with no display: the scripts then run their browser headless. */
function headlessEnv(more: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env, ...more };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  return env;
}

/** A PNG file's size in pixels, from its header; throws if the file is no PNG. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  if (!bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    throw new Error(`${path} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A zip file's entries by name, each read on demand (stored or deflated, as zips from WXT are). */
function zipEntries(path: string): Map<string, () => Buffer> {
  const zip = readFileSync(path);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error(`${path} is not a zip`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, () => Buffer>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, () => {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 0 ? data : inflateRawSync(data);
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Every file under a folder, as paths relative to it. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
}

describe('npm start', () => {
  it("opens the demo profile headless, shows the demo contractor's verdict in the overlay and saves a picture", async () => {
    const picture = join(scratch('start'), 'demo.png');
    const started = await run(
      'npm',
      ['start', '--silent'],
      headlessEnv({ START_BUILD: '0', START_SCREENSHOT: picture }),
    );
    expect(started.code, started.stderr).toBe(0);
    // Read from the overlay frame's own page by the script. Dana Demo's demo history holds an excuse and a
    // late delivery within the year; under the default strict policy (1 strike in 365 days) that is cancel.
    expect(started.stdout).toContain(`The overlay on Dana Demo's profile shows the verdict "cancel"`);
    expect(started.stdout).toContain(picture);
    // The whole page, at the browser's window width.
    const size = pngSize(picture);
    expect(size.width).toBe(1280);
    expect(size.height).toBeGreaterThan(500);
  }, 120_000);

  // The script itself (npm adds its own lines after a failed script).
  it('says in one line what went wrong, with no stack, and exits with an error', async () => {
    const failed = await run(
      'node',
      ['scripts/start.mjs'],
      headlessEnv({ START_BUILD: '0', CHROME_PATH: '/nonexistent/chromium' }),
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim().split('\n')).toEqual([
      'npm start: CHROME_PATH is set to /nonexistent/chromium, which does not exist.',
    ]);
    expect(failed.stdout).toBe('');
  });
});

describe('npm run zip', () => {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
  const packageOf = (what: string) => resolve(`.output/track-record-${version}-${what}.zip`);

  it("makes the Chrome and Firefox store packages from the builds, and Firefox's sources package", async () => {
    const zipped = await run('npm', ['run', 'zip', '--silent']);
    expect(zipped.code, zipped.stderr).toBe(0);

    for (const browser of ['chrome', 'firefox']) {
      const entries = zipEntries(packageOf(browser));
      // The package holds the build, file for file, and the build's manifest.
      expect([...entries.keys()].filter((name) => !name.endsWith('/')).sort()).toEqual(
        filesUnder(resolve(`.output/${browser}-mv3`)),
      );
      const manifest = JSON.parse(entries.get('manifest.json')?.().toString('utf8') ?? '{}');
      expect(manifest).toEqual(JSON.parse(readFileSync(`.output/${browser}-mv3/manifest.json`, 'utf8')));
      expect(manifest.version).toBe(version);
      if (browser === 'firefox') expect(manifest.browser_specific_settings.gecko.id).toBeTruthy();
    }

    // Mozilla's reviewers rebuild the add-on from the sources: the project, without its installed packages.
    const sources = [...zipEntries(packageOf('sources')).keys()];
    expect(sources).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'wxt.config.ts']));
    expect(sources.filter((name) => /^(node_modules|\.output)\//.test(name))).toEqual([]);
  }, 120_000);

  it('makes packages that install as the README says: Chrome unzipped and loaded, Firefox as a temporary add-on', async () => {
    const unpacked = scratch('chrome-package');
    for (const [name, read] of zipEntries(packageOf('chrome'))) {
      if (name.endsWith('/')) continue;
      mkdirSync(join(unpacked, name, '..'), { recursive: true });
      writeFileSync(join(unpacked, name), read());
    }
    const chrome = await launchWithExtension({ extensionPath: unpacked });
    try {
      const roster = await chrome.context.newPage();
      await roster.goto(chrome.extensionUrl('dashboard.html'));
      await roster.getByRole('button', { name: 'Load demo data' }).waitFor();
    } finally {
      await chrome.close();
    }
    // The package itself, as about:debugging's "Load Temporary Add-on…" takes it.
    const firefox = await launchFirefoxWithExtension({ extensionPath: packageOf('firefox') });
    try {
      const roster = await firefox.openExtensionPage('dashboard.html');
      expect(await roster.title()).toBe('Track Record — roster');
    } finally {
      await firefox.close();
    }
  }, 120_000);
});

describe('the store listing beside the packages', () => {
  it("quotes the build's own summary and carries its 128 px icon", () => {
    const manifest = JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8'));
    expect(manifest.description.length).toBeLessThanOrEqual(132); // the Chrome Web Store's limit
    expect(readFileSync('store/description.md', 'utf8')).toContain(`> ${manifest.description}\n`);
    expect(readFileSync('store/icon-128.png').equals(readFileSync('.output/chrome-mv3/icon/128.png'))).toBe(
      true,
    );
    expect(pngSize('store/icon-128.png')).toEqual({ width: 128, height: 128 });
  });
});

describe('npm run screenshots', () => {
  it("takes the README's pictures and the stores' (1280 × 800), each with its expected size", async () => {
    const out = scratch('screenshots');
    const taken = await run('npm', ['run', 'screenshots', '--silent'], headlessEnv({ SCREENSHOTS_OUT: out }));
    expect(taken.code, taken.stderr).toBe(0);

    // The pictures of whole pages are their window's size; the overlay's are its own box.
    const pages: Record<string, { width: number; height: number }> = {
      'docs/screenshots/welcome.png': { width: 900, height: 860 },
      'docs/screenshots/side-panel.png': { width: 400, height: 900 },
      'docs/screenshots/deadlines.png': { width: 760, height: 420 },
      'docs/screenshots/popup-dark.png': { width: 360, height: 760 },
      'store/screenshots/1-overlay-on-a-profile.png': { width: 1280, height: 800 },
      'store/screenshots/2-cancel-and-move-on.png': { width: 1280, height: 800 },
      'store/screenshots/3-the-five-rules.png': { width: 1280, height: 800 },
      'store/screenshots/4-the-roster.png': { width: 1280, height: 800 },
    };
    const overlays = [
      'docs/screenshots/overlay-quick-capture.png',
      'docs/screenshots/overlay-cancel-flow.png',
    ];
    for (const [file, size] of Object.entries(pages)) expect(pngSize(join(out, file)), file).toEqual(size);
    for (const file of overlays) {
      const { width, height } = pngSize(join(out, file));
      expect(width * height, file).toBeGreaterThan(200 * 100);
    }
    // The run made exactly the pictures committed for the README and the stores.
    expect(filesUnder(out)).toEqual([...overlays, ...Object.keys(pages)].sort());
    for (const folder of ['docs/screenshots', 'store/screenshots'])
      expect(filesUnder(resolve(folder))).toEqual(filesUnder(join(out, folder)));
  }, 180_000);
});
