import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Marionette } from './marionette';
import { poll } from './poll';

export interface FirefoxOptions {
  executable: string;
  /** The local proxy every http(s) request goes through. */
  proxyPort: number;
  /** Add-on id → the moz-extension host it gets, fixed before the add-on is installed. */
  extensionUuids: Record<string, string>;
  width?: number;
  height?: number;
}

export interface RunningFirefox {
  marionette: Marionette;
  /** Every line Firefox printed so far (with devtools.console.stdout.content, the console of pages and add-ons). */
  output: string[];
  close(): Promise<void>;
}

/** Preferences for a quiet, offline, automatable profile. */
function prefs(opts: FirefoxOptions): Record<string, string | number | boolean> {
  return {
    'marionette.port': 0,
    'extensions.webextensions.uuids': JSON.stringify(opts.extensionUuids),
    // Page, content-script and add-on console lines go to stdout: a test fails on Tipazh's errors.
    'devtools.console.stdout.content': true,
    // Every request goes through the test's proxy, even to local names: nothing reaches the network unseen.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': opts.proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': opts.proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    'browser.aboutwelcome.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
  };
}

/**
 * Starts Firefox headless with Marionette on a fresh profile (deleted on close) and opens a session that
 * accepts the fixture server's self-signed certificate.
 */
export async function launchFirefox(opts: FirefoxOptions): Promise<RunningFirefox> {
  const profile = mkdtempSync(join(tmpdir(), 'tipazh-firefox-'));
  const userJs = Object.entries(prefs(opts)).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`);
  writeFileSync(join(profile, 'user.js'), `${userJs.join('\n')}\n`);
  const child = spawn(opts.executable, ['--marionette', '--headless', '--remote-allow-system-access', '--no-remote', '--profile', profile], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MOZ_HEADLESS_WIDTH: String(opts.width ?? 1280), MOZ_HEADLESS_HEIGHT: String(opts.height ?? 800) },
  });
  const output: string[] = [];
  /** Whole lines only: a chunk may end inside a line, whose rest comes with the next one. */
  const collect = (stream: NodeJS.ReadableStream) => {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop()!;
      output.push(...lines.filter(Boolean));
    });
    stream.on('end', () => partial && output.push(partial));
  };
  collect(child.stdout);
  collect(child.stderr);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Should the test run end abruptly, Firefox must not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const portFile = join(profile, 'MarionetteActivePort');
    const port = await poll(
      'Firefox to write its Marionette port',
      () => (existsSync(portFile) ? Number(readFileSync(portFile, 'utf8')) || undefined : undefined),
      {
        timeout: 30_000,
        failFast: () => (child.exitCode !== null ? `Firefox exited (${child.exitCode}):\n${output.slice(-20).join('\n')}` : undefined),
      },
    );
    const marionette = await Marionette.connect(port);
    await marionette.send('WebDriver:NewSession', { acceptInsecureCerts: true });
    return {
      marionette,
      output,
      async close() {
        await marionette.send('Marionette:Quit', { flags: ['eForceQuit'] }).catch(() => undefined);
        marionette.close();
        await stop();
      },
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
