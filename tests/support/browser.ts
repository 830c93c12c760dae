import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** Where a Chromium-family browser usually lives; `CHROMIUM_PATH` wins. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

const isDebianFamily = () => existsSync('/etc/debian_version') || /ID(_LIKE)?=.*debian/.test(readSafe('/etc/os-release'));
const readSafe = (p: string) => {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return '';
  }
};

export function findBrowser(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
    return fromEnv;
  }
  return CANDIDATES.find((p) => existsSync(p));
}

/**
 * A Chromium-family browser for the demo and the e2e tests. Never downloads a browser build:
 * on a Debian-family machine run as root it installs Debian's `chromium`; elsewhere it says what to run.
 */
export function ensureBrowser(log: (s: string) => void = console.log): string {
  const found = findBrowser();
  if (found) return found;
  const root = process.getuid?.() === 0;
  if (isDebianFamily() && root) {
    log('No Chromium found: installing Debian\'s "chromium" package (apt-get)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
    const installed = findBrowser();
    if (installed) return installed;
  }
  const how = isDebianFamily() ? 'sudo apt-get install -y chromium' : 'install Chromium or Google Chrome';
  throw new Error(`No Chromium-family browser found. Run: ${how} (or set CHROMIUM_PATH to the browser's executable).`);
}
