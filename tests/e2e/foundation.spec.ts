import { launchWithExtension } from '../support/launch';
import { navigateInApp, openHelpdeskPage, openPanelPage, restartOn, tabIdOf } from '../support/pages';
import { routeZendesk } from '../support/zendesk-routes';
import { expect, test } from './fixtures';

const TICKET = 'https://acme.zendesk.com/agent/tickets';

test('reads the client of a routed Zendesk ticket through the API and shows it in the panel', async ({ zendesk, openHelpdesk, openPanel }) => {
  const { tabId } = await openHelpdesk(`${TICKET}/1202`);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('client-name')).toHaveText('Daniel Okafor');
  await expect(panel.getByTestId('client-org')).toHaveText('Brightline Labs');
  await expect(panel.getByTestId('client-email')).toContainText('@');
  await expect(panel.getByTestId('ticket-subject')).not.toBeEmpty();
  await expect(panel.getByTestId('message-count')).toHaveText(/5 messages/);
  await expect(panel.getByTestId('read-via')).toContainText('API');
  await expect(panel.getByTestId('visit-count')).toHaveText('1');
  expect(zendesk.apiCalls.map((c) => c.path)).toContain('/api/v2/tickets/1202.json');
});

test('follows in-app navigation to another ticket without a reload', async ({ zendesk, openHelpdesk, openPanel }) => {
  const { page, tabId } = await openHelpdesk(`${TICKET}/1202`);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('client-name')).toHaveText('Daniel Okafor');
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await navigateInApp(page, '/agent/tickets/1204');
  await expect(panel.getByTestId('client-name')).toHaveText('Игорь Петренко');
  await expect(panel.getByTestId('client-org')).toHaveText('ИП Петренко');
  // Same document: the SPA navigated, the page was not reloaded.
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  // Back to the dashboard: a helpdesk page with no client.
  await navigateInApp(page, '/agent/dashboard');
  await expect(panel.getByTestId('no-client')).toBeVisible();
  expect(zendesk.apiCalls.length).toBeGreaterThan(0);
});

test('falls back to the page when the API refuses (403) and reads only the active ticket', async ({ zendesk, openHelpdesk, openPanel }) => {
  zendesk.setOverride(() => ({ status: 403, body: { error: 'Forbidden', description: 'You do not have access to this page.' } }));
  const { page, tabId } = await openHelpdesk(`${TICKET}/1201`);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('client-name')).toHaveText('Виктория Лебедева');
  await expect(panel.getByTestId('read-via')).toContainText('page');
  await expect(panel.getByTestId('message-count')).toHaveText(/6 messages/);
  // 1201 stays mounted (hidden) when 1202 opens: the panel must show 1202's client, not the first one in the DOM.
  await navigateInApp(page, '/agent/tickets/1202');
  await expect(panel.getByTestId('client-name')).toHaveText('Daniel Okafor');
  await expect(panel.getByTestId('read-via')).toContainText('page');
  expect(await page.locator('[data-test-id$="-standard-layout"]').count()).toBe(2);
});

test('shows "no client" on a helpdesk page without one and on a tab outside the helpdesk', async ({ zendesk, ext, openHelpdesk, openPanel }) => {
  void zendesk;
  const { tabId } = await openHelpdesk('https://acme.zendesk.com/agent/dashboard');
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('no-client')).toBeVisible();

  const other = await ext.context.newPage();
  await other.goto('data:text/html,<h1>not a helpdesk</h1>');
  const otherId = await tabIdOf(ext, 'data:text/html');
  const panel2 = await openPanel(otherId);
  await expect(panel2.getByTestId('no-client')).toBeVisible();
});

test('keeps the dossier (visits and notes) across a browser restart', async () => {
  const first = await launchWithExtension();
  await routeZendesk(first.context);
  const { tabId } = await openHelpdeskPage(first, `${TICKET}/1203`);
  const panel = await openPanelPage(first, tabId);
  await expect(panel.getByTestId('client-name')).toHaveText('Megan Price');
  await panel.getByTestId('note-input').fill('Prefers email after 18:00');
  await panel.getByTestId('note-add').click();
  await expect(panel.getByTestId('note')).toHaveCount(1);
  const { ext: second, panel: panel2 } = await restartOn(first, `${TICKET}/1203`);
  try {
    await expect(panel2.getByTestId('client-name')).toHaveText('Megan Price');
    await expect(panel2.getByTestId('note')).toHaveText(/Prefers email after 18:00/);
    // Same ticket, same day: still one visit.
    await expect(panel2.getByTestId('visit-count')).toHaveText('1');
  } finally {
    await second.close();
  }
});
