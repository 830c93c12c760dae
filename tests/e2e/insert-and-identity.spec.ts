import { routeAmo } from '../support/amocrm-routes';
import { navigateInApp, openHelpdeskPage, openPanelPage } from '../support/pages';
import { expect, test } from './fixtures';

test('inserts a phrase into Zendesk’s CKEditor 5 through its own API, in the active ticket only', async ({ zendesk, ext }) => {
  void zendesk;
  const { page, tabId } = await openHelpdeskPage(ext, 'https://acme.zendesk.com/agent/tickets/1202');
  // Ticket 1202 must have its own (soon hidden) tab before we switch: the fake workspace renders it ~150 ms after
  // load, and navigating earlier cancels that render, leaving no second editor to check below.
  await expect(page.locator('[data-test-id="ticket-1202-standard-layout"]')).toBeAttached();
  await navigateInApp(page, '/agent/tickets/1201');
  const panel = await openPanelPage(ext, tabId);
  await expect(panel.getByTestId('client-type')).toHaveAttribute('data-type', 'extortionist');
  const phrase = (await panel.getByTestId('phrase').first().locator('.phrase__text').textContent())!;
  expect(phrase).toContain('Виктория');
  await panel.keyboard.press('1');
  await expect(panel.getByTestId('phrase-status')).toContainText(/Inserted/);
  // Through the editor's model (the page-world bridge), not by typing into its DOM.
  expect(await page.evaluate(() => (window as unknown as { __ckInsertions: string[] }).__ckInsertions)).toEqual([phrase]);
  const active = page.locator('[data-test-id="ticket-1201-standard-layout"] [data-test-id="omnicomposer-rich-text-ckeditor"]');
  await expect(active).toContainText(phrase);
  const hidden = page.locator('[data-test-id="ticket-1202-standard-layout"] [data-test-id="omnicomposer-rich-text-ckeditor"]');
  await expect(hidden).toHaveText('');
  // The bridge's script tag is gone once it ran: nothing in the page names the extension.
  expect(await page.evaluate(() => [...document.querySelectorAll('script')].map((s) => s.src).filter((src) => /^(chrome|moz)-extension:/.test(src)))).toEqual(
    [],
  );
  // A second insert still works (the bridge keeps listening without its tag), after the first, one space apart.
  const second = (await panel.getByTestId('phrase').nth(1).locator('.phrase__text').textContent())!;
  await panel.keyboard.press('2');
  await expect.poll(() => page.evaluate(() => (window as unknown as { __ckInsertions: string[] }).__ckInsertions)).toEqual([phrase, ` ${second}`]);
  await expect(active).toHaveText(`${phrase} ${second}`);
});

test('without a reply box on the page, the phrase is copied instead and the panel says so', async ({ zendesk, ext }) => {
  void zendesk;
  const { page, tabId } = await openHelpdeskPage(ext, 'https://acme.zendesk.com/agent/tickets/1203');
  const panel = await openPanelPage(ext, tabId);
  await expect(panel.getByTestId('client-type')).toHaveAttribute('data-type', 'impatient');
  await page.evaluate(() => document.querySelectorAll('[data-test-id="omnicomposer-rich-text-ckeditor"]').forEach((e) => e.remove()));
  await panel.getByTestId('phrase-insert').first().click();
  await expect(panel.getByTestId('phrase-status')).toContainText(/No reply box/);
  // It is on the clipboard: paste it into the panel's own draft box.
  const phrase = (await panel.getByTestId('phrase').first().locator('.phrase__text').textContent())!;
  await panel.getByText('Check my reply').click();
  await panel.getByTestId('draft-input').focus();
  await panel.keyboard.press('Control+V');
  await expect(panel.getByTestId('draft-input')).toHaveValue(phrase);
});

test('the same person in Zendesk and amoCRM (same email and phone, written differently) has one dossier', async ({ zendesk, ext }) => {
  void zendesk;
  await routeAmo(ext.context);
  const z = await openHelpdeskPage(ext, 'https://acme.zendesk.com/agent/tickets/1201');
  const zPanel = await openPanelPage(ext, z.tabId);
  await expect(zPanel.getByTestId('client-name')).toHaveText('Виктория Лебедева');
  await zPanel.getByTestId('note-input').fill('Ведёт кофейный блог');
  await zPanel.getByTestId('note-add').click();
  await expect(zPanel.getByTestId('note')).toHaveCount(1);

  const a = await openHelpdeskPage(ext, 'https://brewly.amocrm.ru/leads/detail/5003');
  const aPanel = await openPanelPage(ext, a.tabId);
  await expect(aPanel.getByTestId('client-name')).toHaveText('Виктория Лебедева');
  // The note written in Zendesk is in the amoCRM card's dossier, and each side links the other.
  await expect(aPanel.getByTestId('note')).toHaveText(/Ведёт кофейный блог/);
  await expect(aPanel.getByTestId('linked-record')).toHaveAttribute('data-key', 'zendesk:acme:38156690203345');
  await expect(zPanel.getByTestId('linked-record')).toHaveAttribute('data-key', 'amocrm:brewly.amocrm.ru:contact:6004');

  // A wrong merge can be split, and nothing is lost: the note stays with the Zendesk record.
  await aPanel.getByTestId('linked-split').click();
  await expect(aPanel.getByTestId('linked-record')).toHaveCount(0);
  await expect(aPanel.getByTestId('notes-empty')).toBeVisible();
  await expect(zPanel.getByTestId('note')).toHaveText(/Ведёт кофейный блог/);
});
