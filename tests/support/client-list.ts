import { expect, type Page } from '@playwright/test';
import type { Launched } from './launch';

/** The client list, searched for `query` (opened first when the panel shows something else). */
export async function searchList(panel: Page, query: string): Promise<void> {
  if (!(await panel.getByTestId('client-search').isVisible())) await panel.getByTestId('clients-button').click();
  await panel.getByTestId('client-search').fill(query);
}

/** The client list's results. */
export const results = (panel: Page) => panel.getByTestId('client-result');

/** The side panel page with no helpdesk tab behind it (it follows its own tab, which has no client). */
export async function openBarePanel(ext: Launched): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 360, height: 900 });
  await page.goto(`chrome-extension://${ext.extensionId}/sidepanel.html`);
  await expect(page.getByTestId('no-client')).toBeVisible();
  return page;
}
