import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** A browser the tests may use: where it usually lives, the variable that overrides that, and its Debian package. */
interface BrowserKind {
  name: string;
  /** Names the executable; wins over the candidates. */
  envVar: string;
  candidates: string[];
  debianPackage: string;
  elsewhere: string;
}

const CHROMIUM: BrowserKind = {
  name: 'Chromium-family browser',
  envVar: 'CHROMIUM_PATH',
  candidates: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/lib/chromium/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ],
  debianPackage: 'chromium',
  elsewhere: 'install Chromium or Google Chrome',
};

const FIREFOX: BrowserKind = {
  name: 'Firefox',
  envVar: 'FIREFOX_PATH',
  candidates: ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr', '/Applications/Firefox.app/Contents/MacOS/firefox'],
  debianPackage: 'firefox-esr',
  elsewhere: 'install Firefox 140 or newer',
};

const isDebianFamily = () => existsSync('/etc/debian_version') || /ID(_LIKE)?=.*debian/.test(readSafe('/etc/os-release'));
const readSafe = (p: string) => {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return '';
  }
};

function find(kind: BrowserKind): string | undefined {
  const fromEnv = process.env[kind.envVar];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${kind.envVar} is set to ${fromEnv}, but there is no file there.`);
    return fromEnv;
  }
  return kind.candidates.find((p) => existsSync(p));
}

/**
 * A browser of this kind. Never downloads a browser build: on a Debian-family machine run as root it installs
 * the Debian package; elsewhere it says what to run.
 */
function ensure(kind: BrowserKind, log: (s: string) => void): string {
  const found = find(kind);
  if (found) return found;
  const root = process.getuid?.() === 0;
  if (isDebianFamily() && root) {
    log(`No ${kind.name} found: installing Debian's "${kind.debianPackage}" package (apt-get)…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', kind.debianPackage], { stdio: 'inherit', env });
    const installed = find(kind);
    if (installed) return installed;
  }
  const how = isDebianFamily() ? `sudo apt-get install -y ${kind.debianPackage}` : kind.elsewhere;
  throw new Error(`No ${kind.name} found. Run: ${how} (or set ${kind.envVar} to the browser's executable).`);
}

export const findBrowser = (): string | undefined => find(CHROMIUM);

/** A Chromium-family browser for the demo and the e2e tests. */
export const ensureBrowser = (log: (s: string) => void = console.log): string => ensure(CHROMIUM, log);

/** Firefox for the Firefox suite (tests/firefox). */
export const ensureFirefox = (log: (s: string) => void = console.log): string => ensure(FIREFOX, log);
