import type { Page } from '@playwright/test';
import { launchWithExtension, type Launched } from './launch';
import { routeZendesk } from './zendesk-routes';

/** The browser tab id of the first tab whose URL contains `urlPart` (-1 when none). */
export function tabIdOf(ext: Launched, urlPart: string): Promise<number> {
  return ext.worker.evaluate(async (part) => (await chrome.tabs.query({})).find((t) => t.url?.includes(part))?.id ?? -1, urlPart);
}

/** Opens the side panel page in a tab, pinned to `tabId`, at the real panel's width. */
export async function openPanelPage(ext: Launched, tabId: number, width = 360): Promise<Page> {
  const panel = await ext.context.newPage();
  await panel.setViewportSize({ width, height: 900 });
  await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tabId=${tabId}`);
  return panel;
}

/** Opens the options page in a new tab and waits until the element with test id `ready` shows. */
export async function openOptionsPage(ext: Launched, ready: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await page.getByTestId(ready).waitFor();
  return page;
}

/** Opens a helpdesk URL in a new tab; returns the page and its tab id. */
export async function openHelpdeskPage(ext: Launched, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await ext.context.newPage();
  await page.goto(url);
  return { page, tabId: await tabIdOf(ext, page.url()) };
}

/** In-app navigation in the fake helpdesk, like a click on a link: no reload. */
export const navigateInApp = (page: Page, path: string) =>
  page.evaluate((p) => (window as unknown as { __fixtureNavigate: (p: string) => void }).__fixtureNavigate(p), path);

/**
 * Closes the browser keeping its profile, starts it again on the same profile with the Zendesk fixture,
 * and opens `url` with its side panel: what an agent sees after a restart. The caller closes `ext`.
 */
export async function restartOn(first: Launched, url: string): Promise<{ ext: Launched; panel: Page }> {
  await first.close({ keepProfile: true });
  const ext = await launchWithExtension({ userDataDir: first.userDataDir });
  await routeZendesk(ext.context);
  const { tabId } = await openHelpdeskPage(ext, url);
  return { ext, panel: await openPanelPage(ext, tabId) };
}
