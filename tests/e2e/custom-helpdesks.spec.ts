import type { Page } from '@playwright/test';
import { AMOCRM_SITE } from '../support/amocrm-routes';
import { routeSite } from '../support/fixture-routes';
import { launchWithExtension, type Launched } from '../support/launch';
import { openHelpdeskPage, openOptionsPage, openPanelPage } from '../support/pages';
import { allowInExtensionSettings, revokeInExtensionSettings } from '../support/site-access';
import { ZENDESK_SITE } from '../support/zendesk-routes';
import { expect, test } from './fixtures';

/*
 * Helpdesk addresses added in the options page, on the production build. The fake Zendesk and amoCRM apps
 * answer on hosts Tipazh does not know by itself. Chrome's own permission prompt cannot be answered here
 * (tests/support/site-access.ts): the tests allow the origin in chrome://extensions first, then everything
 * else (the click, permissions.request, the background's registration, the content script) runs for real.
 */

const ZD = 'https://support.acme.test';
const AMO = 'https://acme.amocrm.com.ua';

const openOptions = (ext: Launched) => openOptionsPage(ext, 'helpdesks-section');

/** Types the address, picks the helpdesk and presses Enter, as an agent would with the keyboard. */
async function addAddress(options: Page, address: string, kind: 'zendesk' | 'amocrm') {
  await options.getByTestId(`helpdesk-kind-${kind}`).check();
  await options.getByTestId('helpdesk-address').fill(address);
  await options.getByTestId('helpdesk-address').press('Enter');
}

const registered = (ext: Launched) =>
  ext.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => `${s.id} ${s.world}`).sort());
const hasAccess = (ext: Launched, origin: string) => ext.worker.evaluate((o) => chrome.permissions.contains({ origins: [`${o}/*`] }), origin);
const saved = (ext: Launched) => ext.worker.evaluate(async () => (await chrome.storage.local.get('helpdesks.custom'))['helpdesks.custom']);

test('a Zendesk on its own domain: added in the options page it is read like zendesk.com; removed, Tipazh stops there', async ({ ext }) => {
  const site = await routeSite(ext.context, { ...ZENDESK_SITE, hosts: [`${ZD}/**`] });

  // Before: the content script does not run on an unknown host, so nothing is read.
  const before = await openHelpdeskPage(ext, `${ZD}/agent/tickets/1201`);
  await before.page.waitForTimeout(1500);
  expect(site.apiCalls).toEqual([]);
  await before.page.close();

  await allowInExtensionSettings(ext, ZD);
  const options = await openOptions(ext);
  await expect(options.getByTestId('helpdesks-empty')).toBeVisible();
  await addAddress(options, 'Support.Acme.test/', 'zendesk');
  await expect(options.getByTestId('helpdesk-status')).toContainText(`Added ${ZD}.`);
  await expect(options.getByTestId('helpdesk-row')).toHaveCount(1);
  await expect(options.getByTestId('helpdesk-origin')).toHaveText(ZD);
  await expect(options.getByTestId('helpdesk-kind')).toHaveText('Zendesk');
  await options.getByTestId('helpdesks-section').screenshot({ path: 'test-results/options-helpdesks.png' });
  expect(await hasAccess(ext, ZD)).toBe(true);
  expect(await saved(ext)).toEqual([{ origin: ZD, kind: 'zendesk' }]);
  expect(await registered(ext)).toEqual([`tipazh:bridge:${ZD} MAIN`, `tipazh:content:${ZD} ISOLATED`]);

  // The ticket on the custom domain: read through its API, shown in the panel, and nothing leaves its origin.
  const requests: string[] = [];
  ext.context.on('request', (r) => requests.push(r.url()));
  const { page, tabId } = await openHelpdeskPage(ext, `${ZD}/agent/tickets/1201`);
  const panel = await openPanelPage(ext, tabId);
  await expect(panel.getByTestId('client-name')).toHaveText('Виктория Лебедева');
  await expect(panel.getByTestId('client-type')).toHaveAttribute('data-type', 'extortionist');
  await expect(panel.getByTestId('read-via')).toContainText('API');
  expect(site.apiCalls.map((c) => c.path)).toContain('/api/v2/tickets/1201.json');
  // A phrase goes into the reply box through the page-world bridge the background registered.
  await panel.getByTestId('phrase-insert').first().click();
  await expect(panel.getByTestId('phrase-status')).toContainText(/Inserted/);
  expect(await page.evaluate(() => (window as unknown as { __ckInsertions: string[] }).__ckInsertions)).toHaveLength(1);
  const allowed = [new RegExp(`^${ZD.replaceAll('.', '\\.')}/`), new RegExp(`^chrome-extension://${ext.extensionId}/`), /^data:/, /^about:blank/];
  expect(requests.filter((u) => !allowed.some((re) => re.test(u)))).toEqual([]);

  // Removed: unregistered, deleted, access given back; the open panel lets go of the client at once.
  await options.bringToFront();
  await options.getByRole('button', { name: `Remove ${ZD}` }).click();
  await expect(options.getByTestId('helpdesk-status')).toContainText(`Removed ${ZD}.`);
  await expect(options.getByTestId('helpdesks-empty')).toBeVisible();
  expect(await registered(ext)).toEqual([]);
  expect(await hasAccess(ext, ZD)).toBe(false);
  expect(await saved(ext)).toEqual([]);
  await expect(panel.getByTestId('no-client')).toBeVisible();

  // A new page load on that domain: no content script, so no API call.
  const calls = site.apiCalls.length;
  await page.goto(`${ZD}/agent/tickets/1204`);
  await page.waitForTimeout(1500);
  expect(site.apiCalls.length).toBe(calls);
  await expect(panel.getByTestId('no-client')).toBeVisible();
});

test('an amoCRM mirror: added as amoCRM, its cards are read; the address survives a browser restart', async ({ ext }) => {
  test.setTimeout(90_000);
  await allowInExtensionSettings(ext, AMO);
  const options = await openOptions(ext);
  await addAddress(options, AMO, 'amocrm');
  await expect(options.getByTestId('helpdesk-status')).toContainText(`Added ${AMO}.`);
  await expect(options.getByTestId('helpdesk-kind')).toHaveText('amoCRM / Kommo');

  const restarted = await (async () => {
    await ext.close({ keepProfile: true });
    return launchWithExtension({ userDataDir: ext.userDataDir });
  })();
  try {
    const site = await routeSite(restarted.context, { ...AMOCRM_SITE, hosts: [`${AMO}/**`] });
    const { tabId } = await openHelpdeskPage(restarted, `${AMO}/leads/detail/5001`);
    const panel = await openPanelPage(restarted, tabId);
    await expect(panel.getByTestId('client-name')).toHaveText('Алексей Воронцов');
    await expect(panel.getByTestId('read-via')).toContainText('amoCRM');
    expect(site.apiCalls.map((c) => c.path)).toContain('/api/v4/leads/5001');
    expect(await registered(restarted)).toEqual([`tipazh:content:${AMO} ISOLATED`]);
  } finally {
    await restarted.close();
  }
});

test('access taken back in chrome://extensions: the background drops the address and its registration', async ({ ext }) => {
  await allowInExtensionSettings(ext, ZD);
  const options = await openOptions(ext);
  await addAddress(options, ZD, 'zendesk');
  await expect(options.getByTestId('helpdesk-row')).toHaveCount(1);
  await revokeInExtensionSettings(ext, ZD);
  await expect(options.getByTestId('helpdesks-empty')).toBeVisible();
  await expect.poll(() => registered(ext)).toEqual([]);
  expect(await saved(ext)).toEqual([]);
});

test('without the browser’s consent nothing is saved: the real request stays open until the agent cancels', async ({ ext }) => {
  const options = await openOptions(ext);
  await addAddress(options, 'help.acme-corp.com', 'zendesk');
  // Headless Chromium shows no prompt, so permissions.request() never answers: the page says what it waits for.
  await expect(options.getByTestId('helpdesk-busy')).toContainText('Waiting for you to allow access to help.acme-corp.com');
  await expect(options.getByTestId('helpdesk-add')).toBeDisabled();
  await options.getByTestId('helpdesk-cancel').click();
  await expect(options.getByTestId('helpdesk-status')).toContainText('Cancelled: help.acme-corp.com was not added.');
  await expect(options.getByTestId('helpdesks-empty')).toBeVisible();
  expect(await saved(ext)).toBeUndefined();
  expect(await registered(ext)).toEqual([]);

  // A wrong address is refused before the browser is asked, with what is wrong.
  await addAddress(options, 'https://*.acme-corp.com', 'zendesk');
  await expect(options.getByTestId('helpdesk-status')).toContainText('Wildcards (*) are not accepted');
  await expect(options.getByTestId('helpdesk-address')).toHaveAttribute('aria-invalid', 'true');
  await options.getByTestId('lang-switch').selectOption('ru');
  await expect(options.getByTestId('helpdesk-status')).toContainText('Звёздочки (*) не принимаются');
  await options.getByTestId('helpdesks-section').screenshot({ path: 'test-results/options-helpdesks-error-ru.png' });
  await expect(options.getByTestId('helpdesk-busy')).toHaveCount(0);
});
