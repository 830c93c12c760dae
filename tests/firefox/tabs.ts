import type { FirefoxSession } from './firefox-session';
import { EXTENSION_ORIGIN } from './start-suite';

/** A browser tab as both sides know it: Marionette's window handle and the extension API's tab id. */
export interface Tab {
  handle: string;
  tabId: number;
}

/**
 * Opens `url` in the current tab as a logged-in agent would have it: the helpdesk's session cookie is set on
 * its origin first (on a fixture path that is not a page), then the page loads with it.
 */
export async function openAsAgent(session: FirefoxSession, url: string, cookie: { name: string; value: string }): Promise<void> {
  await session.navigate(new URL('/__fixture/login', url).href);
  await session.marionette.send('WebDriver:AddCookie', { cookie: { ...cookie, path: '/', secure: true, httpOnly: true } });
  await session.navigate(url);
}

/**
 * The extension's id of the tab whose URL starts with `url`, asked in `inspector` (an extension page that
 * stays open), which is left the current tab; the window's selected tab does not change.
 */
export async function tabIdOf(session: FirefoxSession, inspector: string, url: string): Promise<number> {
  await session.switchTo(inspector, { select: false });
  return session.waitFor(
    `a browser tab at ${url}`,
    async (prefix: string) => {
      const ext = (globalThis as unknown as { browser: typeof chrome }).browser; // Firefox's promise-based API
      return (await ext.tabs.query({})).find((t) => t.url?.startsWith(prefix))?.id;
    },
    [url],
  );
}

/**
 * Opens the side panel page in a new tab, pinned to the tab whose URL starts with `url` (the way the Chromium
 * e2e tests open it), and leaves it the current and selected tab.
 */
export async function openPanelFor(session: FirefoxSession, inspector: string, url: string): Promise<Tab> {
  const tabId = await tabIdOf(session, inspector, url);
  const handle = await session.openTab(`${EXTENSION_ORIGIN}/sidepanel.html?tabId=${tabId}`);
  return { handle, tabId };
}
