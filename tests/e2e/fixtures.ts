import { test as base, expect, type Page } from '@playwright/test';
import { launchWithExtension, type Launched } from '../support/launch';
import { openHelpdeskPage, openPanelPage } from '../support/pages';
import { routeZendesk, type ZendeskRoutes } from '../support/zendesk-routes';

interface Fixtures {
  ext: Launched;
  zendesk: ZendeskRoutes;
  openHelpdesk: (url: string) => Promise<{ page: Page; tabId: number }>;
  openPanel: (tabId: number) => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  ext: async ({}, use) => {
    const launched = await launchWithExtension();
    await use(launched);
    await launched.close();
  },
  zendesk: async ({ ext }, use) => {
    await use(await routeZendesk(ext.context));
  },
  openHelpdesk: async ({ ext }, use) => {
    await use(async (url) => {
      const opened = await openHelpdeskPage(ext, url);
      expect(opened.tabId).toBeGreaterThan(0);
      return opened;
    });
  },
  openPanel: async ({ ext }, use) => {
    await use((tabId) => openPanelPage(ext, tabId));
  },
});

export { expect };
