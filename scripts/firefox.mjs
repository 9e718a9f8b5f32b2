// Finds a Firefox to run the extension in: FIREFOX_PATH, then Debian's firefox-esr and the usual
// install paths. Where none is found on Debian/Ubuntu as root, it installs Debian's `firefox-esr`;
// elsewhere it stops with one line saying what to install.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const KNOWN_PATHS = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

function isDebianLike() {
  try {
    return /^ID(_LIKE)?=.*\b(debian|ubuntu)\b/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

export function findFirefox({ install = true } = {}) {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`FIREFOX_PATH is set to ${fromEnv}, which does not exist.`);
  }
  const found = KNOWN_PATHS.find((path) => existsSync(path));
  if (found) return found;
  if (install && process.getuid?.() === 0 && isDebianLike()) {
    console.log("No Firefox found: installing Debian's firefox-esr (about a minute)…");
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'firefox-esr'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (existsSync('/usr/bin/firefox-esr')) return '/usr/bin/firefox-esr';
  }
  throw new Error(
    'No Firefox found: install Firefox ESR (Debian/Ubuntu: apt-get install firefox-esr) or set FIREFOX_PATH.',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(findFirefox());
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
