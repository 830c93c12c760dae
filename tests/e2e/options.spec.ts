import type { Page, Route } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkPack } from '../../core/pack/check';
import { readShippedModel } from '../../core/classifier/node-model';
import { layerPacks } from '../../core/pack/merge';
import { readDefaultPack } from '../../core/pack/node-default';
import { parsePack } from '../../core/pack/parse';
import type { Launched } from '../support/launch';
import { openOptionsPage } from '../support/pages';
import { expect, test } from './fixtures';

const PACKS = resolve(import.meta.dirname, '../fixtures/packs');
const packFile = (name: string) => resolve(PACKS, name);
const packText = (name: string) => readFileSync(packFile(name), 'utf8');
const TICKET_1201 = 'https://acme.zendesk.com/agent/tickets/1201';
const PACK_URL = 'https://acme.zendesk.com/hc/packs/acme.json';

const openOptions = (ext: Launched) => openOptionsPage(ext, 'builtin-row');

const rows = (page: Page) => page.getByTestId('pack-row');
const row = (page: Page, id: string) => page.locator(`[data-testid="pack-row"][data-pack-id="${id}"]`);

/** Serves `body()` at `url`; registered after the Zendesk catch-all, so Playwright tries it first. */
async function servePack(ext: Launched, url: string, body: () => string | Buffer) {
  const hits: string[] = [];
  await ext.context.route(url, (route: Route) => {
    hits.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: body() });
  });
  return hits;
}

test('(a) a team pack imported from a file is listed, and the panel gives its phrase and names it', async ({ ext, zendesk, openHelpdesk, openPanel }) => {
  void zendesk;
  const page = await openOptions(ext);
  await expect(page.getByTestId('packs-empty')).toBeVisible();
  await page.getByTestId('import-file').setInputFiles(packFile('acme-support.json'));
  await expect(page.getByTestId('notice')).toContainText('Installed “ACME support” 1.0.0');
  await expect(rows(page)).toHaveCount(1);
  const acme = row(page, 'acme-support');
  await expect(acme.getByTestId('pack-name')).toHaveText('ACME support');
  await expect(acme.getByTestId('pack-version')).toHaveText('1.0.0');
  await expect(acme.getByTestId('pack-author')).toContainText('Team lead, ACME');
  await expect(acme.getByTestId('pack-source')).toHaveText('from file acme-support.json');
  await expect(acme.getByTestId('pack-enabled')).toBeChecked();

  // Export gives the canonical file back, byte for byte.
  const [download] = await Promise.all([page.waitForEvent('download'), acme.getByTestId('pack-export').click()]);
  expect(download.suggestedFilename()).toBe('acme-support-1.0.0.json');
  expect(readFileSync(await download.path(), 'utf8')).toBe(packText('acme-support.json'));

  const { tabId } = await openHelpdesk(TICKET_1201);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('client-type')).toHaveAttribute('data-type', 'extortionist');
  await expect(panel.getByTestId('phrase')).toHaveCount(1);
  // The client writes in Russian: the team's Russian phrase.
  await expect(panel.getByTestId('phrase').first()).toContainText('Виктория, по правилам ACME по обращению 1201 мы можем начислить бонус до 10 €');
  await expect(panel.locator('[data-testid="pack-source"][data-pack="acme-support"]').first()).toContainText('ACME support');

  // Switched off in the options page, the pack stops counting in the open panel.
  await acme.getByTestId('pack-enabled').uncheck();
  await expect(panel.getByTestId('phrase').first()).not.toContainText('ACME');
  await expect(panel.locator('[data-testid="pack-source"][data-pack="acme-support"]')).toHaveCount(0);
});

test('(b) a pack from an https URL the extension may read installs; a host without permission gets a clear message', async ({ ext, zendesk }) => {
  test.setTimeout(90_000);
  void zendesk;
  const acmeHits = await servePack(ext, PACK_URL, () => packText('acme-support.json'));
  const otherHits = await servePack(ext, 'https://packs.example.org/**', () => packText('acme-support.json'));
  const page = await openOptions(ext);

  await page.getByTestId('import-url').fill('http://acme.zendesk.com/hc/packs/acme.json');
  await page.getByTestId('import-url-go').click();
  await expect(page.getByTestId('notice')).toContainText('Only https links');

  await page.getByTestId('import-url').fill(PACK_URL);
  await page.getByTestId('import-url-go').click();
  // acme.zendesk.com is a helpdesk host: access is already granted, so no prompt and no wait.
  await expect(page.getByTestId('notice')).toContainText('Installed “ACME support” 1.0.0', { timeout: 5000 });
  expect(acmeHits).toEqual([PACK_URL]);
  await expect(row(page, 'acme-support').getByTestId('pack-source')).toHaveText(`from ${PACK_URL}`);
  await expect(row(page, 'acme-support').getByTestId('pack-check-update')).toBeVisible();

  // A host without permission: headless Chromium never answers permissions.request(), so the page times out.
  await page.getByTestId('import-url').fill('https://packs.example.org/x.json');
  await page.getByTestId('import-url-go').click();
  await expect(page.getByTestId('busy')).toContainText('Waiting for you to allow access to packs.example.org');
  await expect(page.getByTestId('import-url-go')).toBeDisabled();
  await expect(page.getByTestId('notice')).toContainText('did not answer the request for access to packs.example.org', { timeout: 30_000 });
  await expect(page.getByTestId('notice')).toContainText('Nothing was installed');
  await expect(page.getByTestId('busy')).toHaveCount(0);
  expect(otherHits).toEqual([]);
  await expect(rows(page)).toHaveCount(1);
});

test('(b2) a pack URL serving bytes that are not UTF-8 is refused with the byte offset, and nothing is installed', async ({ ext, zendesk }) => {
  void zendesk;
  await servePack(ext, PACK_URL, () => readFileSync(packFile('latin1-phrase.json')));
  const page = await openOptions(ext);
  await page.getByTestId('import-url').fill(PACK_URL);
  await page.getByTestId('import-url-go').click();
  await expect(page.getByTestId('notice')).toContainText('was not installed', { timeout: 5000 });
  await expect(page.getByTestId('notice-detail')).toHaveText(/^\(root\): not valid UTF-8 at byte offset 305 \(line 18, byte 0xE9\)/);
  await expect(page.getByTestId('packs-empty')).toBeVisible();
});

test('(c) malformed and hostile files are refused with the JSON path; the installed packs stay as they were', async ({ ext }) => {
  const page = await openOptions(ext);
  await page.getByTestId('import-file').setInputFiles(packFile('acme-support.json'));
  await expect(rows(page)).toHaveCount(1);
  const cases: [string, { name: string; mimeType: string; buffer: Buffer } | string, RegExp][] = [
    ['invalid JSON', packFile('bad-json.json'), /^\(root\): not valid JSON/],
    ['a wrong type', packFile('wrong-type.json'), /^version: expected text, got a number$/],
    ['an unknown key', packFile('unknown-key.json'), /^types\.tester: unknown key "phrasez"; did you mean "phrases"\?$/],
    ['a future schema version', packFile('future-schema.json'), /^schemaVersion: this pack needs a newer Tipazh/],
    ['HTML in a phrase', packFile('html-phrase.json'), /^types\.extortionist\.phrases\[0\]\.text: contains HTML/],
    ['a "__proto__" type', packFile('proto-key.json'), /^types: unknown key "__proto__"; allowed here: "impatient", /],
    ['a file saved as Latin-1, not UTF-8', packFile('latin1-phrase.json'), /^\(root\): not valid UTF-8 at byte offset 305 \(line 18, byte 0xE9\)/],
    [
      '10 MB',
      { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(10_000_000, 0x20) },
      /^\(root\): the file is 10000 KB; a pack may be at most 2 MB/,
    ],
  ];
  for (const [what, file, path] of cases) {
    await page.getByTestId('import-file').setInputFiles(file);
    await expect(page.getByTestId('notice'), what).toHaveAttribute('data-tone', 'error');
    await expect(page.getByTestId('notice'), what).toContainText('was not installed');
    await expect(page.getByTestId('notice-detail'), what).toHaveText(path);
    await expect(rows(page), what).toHaveCount(1);
    await expect(row(page, 'acme-support').getByTestId('pack-version'), what).toHaveText('1.0.0');
  }
  // Dropped on the drop zone, the same checks apply.
  const dt = await page.evaluateHandle((text) => {
    const d = new DataTransfer();
    d.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return d;
  }, packText('wrong-type.json'));
  await page.dispatchEvent('[data-testid="dropzone"]', 'drop', { dataTransfer: dt });
  await expect(page.getByTestId('notice-detail')).toHaveText(/^version: /);
  const stored = await ext.worker.evaluate(async () => {
    const open = indexedDB.open('tipazh');
    const db = await new Promise<IDBDatabase>((ok, no) => ((open.onsuccess = () => ok(open.result)), (open.onerror = () => no(open.error))));
    const all = db.transaction('packs').objectStore('packs').getAll();
    return new Promise<{ id: string; version: string }[]>(
      (ok) => (all.onsuccess = () => ok(all.result.map((r: { id: string; pack: { version: string } }) => ({ id: r.id, version: r.pack.version })))),
    );
  });
  expect(stored).toEqual([{ id: 'acme-support', version: '1.0.0' }]);
});

test('(d) "Check this pack" runs its examples and shows macro-F1, per-type metrics, the confusion matrix and the misses', async ({ ext }) => {
  const page = await openOptions(ext);
  await page.getByTestId('import-file').setInputFiles(packFile('acme-support.json'));
  await row(page, 'acme-support').getByTestId('pack-check').click();
  await expect(page.getByTestId('check-view')).toBeVisible();
  await expect(page.getByTestId('check-src-examples')).toBeChecked();
  await page.getByTestId('check-run').click();
  await expect(page.getByTestId('check-results')).toBeVisible();

  // The same numbers as checkPack gives in Node for the built-in pack with this one layered over it.
  const r = parsePack(packText('acme-support.json'));
  if (!r.ok) throw new Error(r.error);
  const want = checkPack(readShippedModel(), layerPacks([readDefaultPack(), r.pack]).pack, r.pack.examples!);
  await expect(page.getByTestId('check-macro-f1')).toHaveText(want.report.macroF1.toFixed(3));
  await expect(page.getByTestId('check-n')).toHaveText('12');
  // Macro-F1 is over the labels the examples have; the one they lack is named.
  expect(want.report.scored).toHaveLength(7);
  await expect(page.getByTestId('check-no-examples')).toContainText('No examples of: Not enough evidence yet');
  // The seven types, plus "not enough evidence" when the pack answered it for some conversation.
  const shown = 7 + (want.misses.some((m) => m.result.type === 'unknown') ? 1 : 0);
  await expect(page.getByTestId('check-per-type').locator('tbody tr')).toHaveCount(shown);
  await expect(page.getByTestId('check-confusion').locator('tbody tr')).toHaveCount(shown);
  await expect(page.getByTestId('check-confusion').locator('tbody td')).toHaveCount(shown * shown);
  const diagonal = await page.getByTestId('check-confusion').locator('td.hit').allTextContents();
  expect(diagonal.reduce((s, n) => s + Number(n), 0)).toBe(12 - want.misses.length);
  await expect(page.getByTestId('check-miss')).toHaveCount(want.misses.length);
});

test('(e) a newer version at the pack URL is offered with what changed, applied only when accepted, and the panel follows', async ({
  ext,
  zendesk,
  openHelpdesk,
  openPanel,
}) => {
  void zendesk;
  let served = 'acme-support.json';
  await servePack(ext, PACK_URL, () => packText(served));
  const page = await openOptions(ext);
  await page.getByTestId('import-url').fill(PACK_URL);
  await page.getByTestId('import-url-go').click();
  const acme = row(page, 'acme-support');
  await expect(acme.getByTestId('pack-version')).toHaveText('1.0.0');

  await acme.getByTestId('pack-check-update').click();
  await expect(acme.getByTestId('update-status')).toHaveText('Up to date (1.0.0).');

  served = 'acme-support-1.1.0.json';
  await acme.getByTestId('pack-check-update').click();
  const offer = acme.getByTestId('update-offer');
  await expect(offer).toContainText('1.0.0 → 1.1.0');
  await expect(offer.getByTestId('update-changes')).toContainText('version');
  await expect(offer.getByTestId('update-changes')).toContainText('types.extortionist.phrases');
  // Not applied until accepted.
  await expect(acme.getByTestId('pack-version')).toHaveText('1.0.0');

  const { tabId } = await openHelpdesk(TICKET_1201);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('phrase').first()).toContainText('бонус до 10 €');

  await offer.getByTestId('update-accept').click();
  await expect(acme.getByTestId('pack-version')).toHaveText('1.1.0');
  await expect(acme.getByTestId('update-offer')).toHaveCount(0);
  await expect(page.getByTestId('notice')).toContainText('Updated “ACME support” to 1.1.0');
  await expect(panel.getByTestId('phrase').first()).toContainText('Виктория, с этого месяца ACME может начислить бонус до 15 € по обращению 1201');
});

test('(f) team sync: off by default, turned on for good; a dry run of the client opened last', async ({ ext, zendesk, openHelpdesk, openPanel }) => {
  void zendesk;
  const panel = await openPanel((await openHelpdesk(TICKET_1201)).tabId);
  await expect(panel.getByTestId('client-type')).toHaveAttribute('data-type', 'extortionist');
  const page = await openOptions(ext);
  const toggle = page.getByRole('switch', { name: 'Write confirmed types to the helpdesk' });
  await expect(toggle).not.toBeChecked();
  await expect(page.getByTestId('team-sync-decided')).toHaveText('Off unless you or your team’s pack turn it on.');
  await expect(page.getByTestId('team-sync-tag')).toHaveText(['tipazh_extortionist', 'tipazh_vip']);
  // What confirming the type the panel showed would write, were team sync on.
  await expect(page.getByTestId('team-sync-preview')).toHaveAttribute('data-state', 'if-confirmed');
  await expect(page.getByTestId('team-sync-preview-add')).toContainText('tipazh_extortionist');
  await toggle.press('Space');
  await expect(toggle).toBeChecked();
  await expect(page.getByTestId('team-sync-decided')).toContainText('You turned it on.');
  await page.reload();
  await expect(page.getByTestId('team-sync-enable')).toBeChecked();
  await expect(page.getByTestId('team-sync-follow-pack')).toBeVisible();
  await page.getByTestId('team-sync').screenshot({ path: 'test-results/options-team-sync.png' });
});

test('the page works in Russian and by keyboard, and looks tidy (screenshots)', async ({ ext }) => {
  const page = await openOptions(ext);
  await page.getByTestId('import-file').setInputFiles(packFile('acme-support.json'));
  await expect(rows(page)).toHaveCount(1);
  await page.screenshot({ path: 'test-results/options-en.png', fullPage: true });
  await page.getByTestId('lang-switch').selectOption('ru');
  await expect(page.getByRole('heading', { name: 'Установленные пакеты' })).toBeVisible();
  await expect(row(page, 'acme-support').getByTestId('pack-name')).toHaveText('Поддержка ACME');
  await page.screenshot({ path: 'test-results/options-ru.png', fullPage: true });
  // The language is the one the panel uses too.
  expect(await ext.worker.evaluate(async () => (await chrome.storage.local.get('settings.lang'))['settings.lang'])).toBe('ru');

  // Keyboard: Tab reaches the file button, the URL field and every row control, each with a visible focus ring.
  await page.getByTestId('lang-switch').focus();
  const seen: string[] = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { id: el === document.body ? 'BODY' : (el.dataset.testid ?? el.tagName), ring: style.outlineStyle !== 'none' && style.outlineWidth !== '0px' };
    });
    if (f.id === 'BODY') break; // past the last control
    expect(f.ring, `focus ring on ${f.id}`).toBe(true);
    seen.push(f.id);
  }
  expect(seen).toEqual([
    'import-choose',
    'import-url',
    'notice-dismiss',
    'personal-edit',
    'export-effective',
    'pack-enabled',
    'pack-edit',
    'pack-check',
    'pack-export',
    'pack-remove',
    'builtin-duplicate',
    'builtin-check',
    'builtin-export',
    'helpdesk-address',
    'helpdesk-kind-zendesk',
    'team-sync-enable',
    'backup-export',
    'backup-file',
    'never-record',
    'never-record-save',
  ]);

  // Remove asks first, by keyboard too.
  await row(page, 'acme-support').getByTestId('pack-remove').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('remove-confirm')).toBeVisible();
  await expect(page.getByTestId('remove-yes')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(rows(page)).toHaveCount(0);
  await expect(page.getByTestId('packs-empty')).toBeVisible();
});
