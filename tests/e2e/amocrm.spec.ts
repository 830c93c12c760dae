import { routeAmo } from '../support/amocrm-routes';
import { openHelpdeskPage, openPanelPage } from '../support/pages';
import { expect, test } from './fixtures';

test.describe('amoCRM and Kommo', () => {
  test('reads the lead card: main contact, company, deal, and the chat from the card feed (amocrm.ru)', async ({ ext }) => {
    const amo = await routeAmo(ext.context);
    const { tabId } = await openHelpdeskPage(ext, 'https://brewly.amocrm.ru/leads/detail/5001');
    const panel = await openPanelPage(ext, tabId);
    await expect(panel.getByTestId('client-name')).toHaveText('Алексей Воронцов');
    await expect(panel.getByTestId('client-org')).toHaveText('ООО «Пространство Ко»');
    await expect(panel.getByTestId('ticket-subject')).toHaveText('Поставка кофемашин для офиса');
    await expect(panel.getByTestId('read-via')).toContainText('amoCRM');
    await expect(panel.getByTestId('client-type')).toHaveAttribute('data-type', 'extortionist');
    // The chat lives only in the card's feed: the quotes come from there.
    await expect(panel.getByTestId('type-evidence').locator('mark').first()).toBeVisible();
    expect(amo.apiCalls.map((c) => c.path)).toEqual(expect.arrayContaining(['/api/v4/leads/5001', '/api/v4/contacts/6001']));
  });

  test('three lead tabs of one account, opened and reloaded at once, stay within 6 API requests a second together', async ({ ext }) => {
    const amo = await routeAmo(ext.context);
    const leads = [5001, 5002, 5003];
    const pages = await Promise.all(leads.map((id) => openHelpdeskPage(ext, `https://brewly.amocrm.ru/leads/detail/${id}`)));
    for (let round = 0; round < 2; round++) await Promise.all(pages.map(({ page }) => page.reload()));
    await expect.poll(() => amo.apiCalls.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(18);
    await pages[0]!.page.waitForTimeout(1500);
    const at = amo.apiCalls.map((c) => c.at).sort((a, b) => a - b);
    // The most requests that arrived within any 900 ms (100 ms left for the way from the tab to the server).
    const busiest = Math.max(...at.map((t) => at.filter((u) => u >= t && u < t + 900).length));
    expect(busiest).toBeLessThanOrEqual(6);
  });

  test('works the same on Kommo, in English', async ({ ext }) => {
    await routeAmo(ext.context);
    const { tabId } = await openHelpdeskPage(ext, 'https://brewly.kommo.com/leads/detail/5002');
    const panel = await openPanelPage(ext, tabId);
    await expect(panel.getByTestId('client-name')).toHaveText('Sarah Mitchell');
    await expect(panel.getByTestId('client-type')).toHaveAttribute('data-type', 'undecided');
  });

  test('follows in-app navigation between cards, and an "add" form has no client', async ({ ext }) => {
    await routeAmo(ext.context);
    const { page, tabId } = await openHelpdeskPage(ext, 'https://brewly.amocrm.ru/leads/detail/5001');
    const panel = await openPanelPage(ext, tabId);
    await expect(panel.getByTestId('client-name')).toHaveText('Алексей Воронцов');
    await page.evaluate(() => (window as unknown as { __fixtureNavigate: (p: string) => Promise<void> }).__fixtureNavigate('/contacts/detail/6003'));
    await expect(panel.getByTestId('client-name')).toHaveText('Sarah Mitchell');
    await page.evaluate(() => (window as unknown as { __fixtureNavigate: (p: string) => Promise<void> }).__fixtureNavigate('/leads/add/'));
    await expect(panel.getByTestId('no-client')).toBeVisible();
  });

  test('falls back to the card when the API refuses (403)', async ({ ext }) => {
    const amo = await routeAmo(ext.context);
    amo.setOverride(() => ({ status: 403, body: { title: 'Forbidden', status: 403 } }));
    const { tabId } = await openHelpdeskPage(ext, 'https://brewly.amocrm.ru/leads/detail/5001');
    const panel = await openPanelPage(ext, tabId);
    await expect(panel.getByTestId('client-name')).toHaveText('Алексей Воронцов');
    await expect(panel.getByTestId('read-via')).toContainText('page');
    await expect(panel.getByTestId('api-refused')).toBeVisible();
    await expect(panel.getByTestId('client-type')).toHaveAttribute('data-type', 'extortionist');
  });

  test('inserts a phrase into the amo composer at the cursor, without sending', async ({ ext }) => {
    await routeAmo(ext.context);
    const { page, tabId } = await openHelpdeskPage(ext, 'https://brewly.amocrm.ru/leads/detail/5001');
    const panel = await openPanelPage(ext, tabId);
    await expect(panel.getByTestId('client-type')).toHaveAttribute('data-type', 'extortionist');
    const phrase = (await panel.getByTestId('phrase').first().locator('.phrase__text').textContent())!;
    await panel.getByTestId('phrase-insert').first().click();
    await expect(panel.getByTestId('phrase-status')).toContainText(/Inserted/);
    const composer = page.locator('.feed-compose__message[contenteditable="true"]');
    await expect(composer).toHaveText(phrase);
    expect(Number(await composer.getAttribute('data-input-events'))).toBeGreaterThan(0);
    // A second phrase goes after the first, one space apart.
    const second = (await panel.getByTestId('phrase').nth(1).locator('.phrase__text').textContent())!;
    await panel.getByTestId('phrase-insert').nth(1).click();
    await expect(composer).toHaveText(`${phrase} ${second}`);
    expect(await page.evaluate(() => (window as unknown as { __fixtureSent?: unknown[] }).__fixtureSent?.length ?? 0)).toBe(0);
  });
});
