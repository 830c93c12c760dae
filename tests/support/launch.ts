import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureBrowser } from './browser';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  userDataDir: string;
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

/** Launches Chromium with the built extension in a fresh (or given) profile. Nothing reaches the network. */
export async function launchWithExtension(opts: { userDataDir?: string; headless?: boolean; width?: number; height?: number } = {}): Promise<Launched> {
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'tipazh-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: ensureBrowser(),
    headless: opts.headless ?? true,
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--enable-unsafe-extension-debugging',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Every host name resolves nowhere: routed fixtures answer the helpdesk hosts, nothing leaves the machine.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    userDataDir,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
