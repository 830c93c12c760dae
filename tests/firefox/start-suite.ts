import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AMOCRM_SITE } from '../support/amocrm-routes';
import { ensureFirefox } from '../support/browser';
import { fixtureServer, siteDomains, siteOwnsHost, type FixtureServer } from '../support/fixture-routes';
import { ZENDESK_SITE } from '../support/zendesk-routes';
import { startFixtureProxy, type FixtureProxy } from './fixture-proxy';
import { FirefoxSession } from './firefox-session';
import { launchFirefox, type RunningFirefox } from './launch-firefox';

export const FIREFOX_BUILD = resolve(import.meta.dirname, '../../.output/firefox-mv2');
const MANIFEST = join(FIREFOX_BUILD, 'manifest.json');
/** The add-on id of the Firefox build, as its manifest gives it (wxt.config.ts). */
export const ADDON_ID: string = existsSync(MANIFEST) ? JSON.parse(readFileSync(MANIFEST, 'utf8')).browser_specific_settings.gecko.id : '(no Firefox build)';
/** Fixed in advance by pref, so every extension page has a known address. */
export const EXTENSION_UUID = '0b6a5c52-5e0f-4f43-9a1b-7d3f1c2e8a64';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export interface FirefoxSuite {
  session: FirefoxSession;
  /** The browser's first tab, where the suite started (empty). */
  firstTab: string;
  /**
   * An extension page (the options page) that stays open in a background tab, to ask the extension's APIs
   * (tab ids, the sidebar's view). Never navigated: leaving a page mid-load would abort its reads.
   */
  inspector: string;
  firefox: RunningFirefox;
  proxy: FixtureProxy;
  /** The fake helpdesks behind the proxy: their API calls and tag state. */
  zendesk: FixtureServer;
  amo: FixtureServer;
  close(): Promise<void>;
}

/**
 * Starts what every Firefox test runs on: the fixture helpdesks (the same files and answers as the Chromium
 * tests) behind the proxy, Firefox headless on that proxy, and the Firefox build installed as a temporary
 * add-on.
 */
export async function startFirefoxSuite(): Promise<FirefoxSuite> {
  if (!existsSync(MANIFEST)) throw new Error(`No Firefox build at ${FIREFOX_BUILD}. Run: npm run build:firefox`);
  const zendesk = fixtureServer(ZENDESK_SITE);
  const amo = fixtureServer(AMOCRM_SITE);
  const certHosts = [ZENDESK_SITE, AMOCRM_SITE].flatMap(siteDomains).map((d) => `*.${d}`);
  const proxy = await startFixtureProxy(
    (host) => (siteOwnsHost(ZENDESK_SITE, host) ? zendesk.answer : siteOwnsHost(AMOCRM_SITE, host) ? amo.answer : undefined),
    certHosts,
  );
  let firefox: RunningFirefox | undefined;
  const close = async () => {
    await firefox?.close();
    await proxy.close();
  };
  try {
    firefox = await launchFirefox({ executable: ensureFirefox(), proxyPort: proxy.port, extensionUuids: { [ADDON_ID]: EXTENSION_UUID } });
    const installed = await firefox.marionette.send<{ value: string }>('Addon:Install', { path: FIREFOX_BUILD, temporary: true });
    if (installed.value !== ADDON_ID) throw new Error(`Firefox installed the build as ${installed.value}, expected ${ADDON_ID}`);
    const session = new FirefoxSession(firefox.marionette);
    const [firstTab = ''] = await firefox.marionette.send<string[]>('WebDriver:GetWindowHandles');
    const inspector = await session.openTab(`${EXTENSION_ORIGIN}/options.html`);
    await session.switchTo(firstTab);
    return { session, firstTab, inspector, firefox, proxy, zendesk, amo, close };
  } catch (e) {
    await close();
    throw e;
  }
}
