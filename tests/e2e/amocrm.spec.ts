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

test.describe('amoCRM pages name what is open there: a lead', () => {
  test('the empty state names the helpdesk in front of the agent (amoCRM, Kommo, Zendesk), in both languages', async ({ ext, zendesk }) => {
    void zendesk;
    await routeAmo(ext.context);
    const hint = async (url: string) => {
      const { tabId } = await openHelpdeskPage(ext, url);
      const panel = await openPanelPage(ext, tabId);
      await expect(panel.getByTestId('no-client')).toBeVisible();
      return panel;
    };
    const amo = await hint('https://brewly.amocrm.ru/leads/add/');
    await expect(amo.getByTestId('no-client')).toContainText('Open a lead, contact or company card in amoCRM and Tipazh will show who you are talking to.');
    await amo.getByTestId('lang-switch').selectOption('ru');
    await expect(amo.getByTestId('no-client')).toContainText('Откройте карточку сделки, контакта или компании в amoCRM, и Типаж покажет, с кем вы говорите.');
    await amo.getByTestId('lang-switch').selectOption('en');
    await expect((await hint('https://brewly.kommo.com/leads/add/')).getByTestId('no-client')).toContainText('Open a lead, contact or company card in Kommo');
    await expect((await hint('https://acme.zendesk.com/agent/dashboard')).getByTestId('no-client')).toContainText('Open a ticket in Zendesk and Tipazh');
  });

  test('on a lead, phrases and advice say "lead"/«сделка», never "ticket"/«обращение»; on a Zendesk ticket they still say ticket', async ({ ext, zendesk }) => {
    void zendesk;
    await routeAmo(ext.context);
    const { tabId } = await openHelpdeskPage(ext, 'https://brewly.amocrm.ru/leads/detail/5001');
    const panel = await openPanelPage(ext, tabId);
    await expect(panel.getByTestId('client-type')).toHaveAttribute('data-type', 'extortionist');
    await panel.getByTestId('phrases-more').click();
    const advice = () => Promise.all(['phrases', 'boundaries', 'strategy', 'lifecycle-stage'].map((id) => panel.getByTestId(id).innerText()));
    const stageReason = () => panel.locator('.segment__list').innerText();
    for (const lang of ['en', 'ru'] as const) {
      await panel.getByTestId('lang-switch').selectOption(lang);
      const text = [...(await advice()), await stageReason()].join('\n');
      expect(text, lang).not.toMatch(/\btickets?\b|обращени/i);
    }
    // The client writes in Russian: the phrases name the lead (the extortionist's "the team lead will answer in this lead").
    await expect(panel.getByTestId('phrases')).toContainText('ответ поступит в эту сделку (№5001)');
    await expect(panel.locator('.segment__list')).toContainText('первая сделка');
    await panel.getByTestId('lang-switch').selectOption('en');
    await expect(panel.getByTestId('boundaries')).toContainText('Keep everything in writing in the lead.');

    const zd = await openHelpdeskPage(ext, 'https://acme.zendesk.com/agent/tickets/1201');
    const zdPanel = await openPanelPage(ext, zd.tabId);
    await expect(zdPanel.getByTestId('client-type')).toHaveAttribute('data-type', 'extortionist');
    await zdPanel.getByTestId('phrases-more').click();
    await expect(zdPanel.getByTestId('phrases')).toContainText('ответ поступит в это обращение (№1201)');
    await expect(zdPanel.getByTestId('boundaries')).toContainText('Keep everything in writing in the ticket.');
  });

  test('"Visits" counts what the history lists, the same person’s Zendesk visits included', async ({ ext, zendesk }) => {
    void zendesk;
    await routeAmo(ext.context);
    // Виктория Лебедева wrote in Zendesk (ticket 1201) and has a lead in amoCRM (5003): the same email links them.
    const zd = await openHelpdeskPage(ext, 'https://acme.zendesk.com/agent/tickets/1201');
    await expect((await openPanelPage(ext, zd.tabId)).getByTestId('visit-count')).toHaveText('1');
    const { tabId } = await openHelpdeskPage(ext, 'https://brewly.amocrm.ru/leads/detail/5003');
    const panel = await openPanelPage(ext, tabId);
    await expect(panel.getByTestId('client-name')).toHaveText('Виктория Лебедева');
    await expect(panel.getByTestId('history-point')).toHaveCount(2);
    await expect(panel.getByTestId('visit-count')).toHaveText('2');
    await panel.getByTestId('history-table-toggle').locator('summary').click();
    await expect(panel.getByTestId('history-table').locator('tbody tr')).toHaveCount(2);
  });
});
