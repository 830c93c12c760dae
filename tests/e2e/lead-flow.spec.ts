import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { readDefaultPack } from '../../core/pack/node-default';
import type { Launched } from '../support/launch';
import { openOptionsPage } from '../support/pages';
import { expect, test } from './fixtures';

/*
 * The team lead's flow (issue 16, section 7) on the built extension: a refused pack opened in the editor and
 * fixed, problems in the UI language with "did you mean", and a phrase added to a built-in type keeping the
 * built-in ones.
 */

const acmeFile = resolve(import.meta.dirname, '../fixtures/packs/acme-support.json');
const openOptions = (ext: Launched) => openOptionsPage(ext, 'builtin-row');
const asFile = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
const row = (page: Page, id: string) => page.locator(`[data-testid="pack-row"][data-pack-id="${id}"]`);

/** Hand-written: `boundary` for `boundaries`, and a version that is not semantic. */
const typo = {
  schemaVersion: 1,
  id: 'acme-fix',
  name: { en: 'ACME fix', ru: 'ACME, правка' },
  version: '1.0',
  author: 'Lead',
  languages: ['en', 'ru'],
  types: { extortionist: { boundary: [{ en: 'No credit above 10 € without the shift lead.', ru: 'Без старшего смены — не больше 10 €.' }] } },
};

test('a refused pack opens in the editor with its problems, in Russian with "did you mean", and installs once fixed', async ({ ext }) => {
  const page = await openOptions(ext);
  await page.getByTestId('lang-switch').selectOption('ru');
  await page.getByTestId('import-file').setInputFiles(asFile('acme-fix.json', JSON.stringify(typo, null, 2)));
  await expect(page.getByTestId('notice')).toContainText('Пакет не установлен: в нём ошибки');
  await expect(page.getByTestId('notice-detail')).toHaveText(
    'version: нужна версия вида 1.2.0 (семантическое версионирование)\ntypes.extortionist: неизвестный ключ «boundary». Может быть, «boundaries»?',
  );
  // By keyboard: the button is reachable and opens the editor.
  await page.getByTestId('notice-fix').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-mode', 'new');
  await expect(page.getByTestId('editor-refused')).toBeVisible();
  await expect(page.getByTestId('editor-issue')).toHaveCount(2);
  await expect(page.getByTestId('editor-issues')).toContainText('types.extortionist: неизвестный ключ «boundary». Может быть, «boundaries»?');
  await expect(page.getByTestId('editor-save')).toBeDisabled();

  await page.getByTestId('issue-rename').click();
  await page.locator('[data-path="version"]').fill('1.0.0');
  await expect(page.getByTestId('editor-issues')).toHaveAttribute('data-count', '0');
  await page.getByTestId('editor-save').click();
  await expect(page.getByTestId('editor-saved')).toBeVisible();
  await page.getByTestId('editor-back').click();
  await expect(row(page, 'acme-fix').getByTestId('pack-version')).toHaveText('1.0.0');

  // A file that is not JSON cannot be opened: the page says where it breaks, in English too.
  await page.getByTestId('lang-switch').selectOption('en');
  await page.getByTestId('import-file').setInputFiles(asFile('broken.json', JSON.stringify(typo, null, 2).replace('"author": "Lead",', '"author": "Lead"')));
  await expect(page.getByTestId('notice')).toContainText('it is not valid JSON, so it cannot be opened in the editor either');
  await expect(page.getByTestId('notice-detail')).toHaveText('(root): not valid JSON: line 10, column 3: unexpected """; expected "," or "}"');
  await expect(page.getByTestId('json-excerpt')).toHaveText('  "languages": [\n  ^');
  await expect(page.getByTestId('notice-fix')).toHaveCount(0);
});

test('a phrase added to a built-in type keeps the built-in phrases: the agent sees them and the new one', async ({ ext, zendesk, openHelpdesk, openPanel }) => {
  void zendesk;
  const builtinEn = readDefaultPack().types!.tester!.phrases!.filter((p) => p.lang === 'en');
  const page = await openOptions(ext);
  await page.getByTestId('import-file').setInputFiles(acmeFile);
  await row(page, 'acme-support').getByTestId('pack-edit').click();
  await page.getByTestId('type-tab-tester').click();
  const phrases = page.getByTestId('editor-phrases');
  await expect(phrases.getByTestId('inherited')).toContainText(
    `the agent sees these ${readDefaultPack().types!.tester!.phrases!.length} phrases from “Tipazh default pack”`,
  );
  await phrases.getByTestId('phrase-add-en').click();
  const n = readDefaultPack().types!.tester!.phrases!.length;
  await expect(phrases.getByTestId('phrase-item')).toHaveCount(n + 1);
  await expect(phrases.locator('[data-origin="inherited"]')).toHaveCount(n);
  await expect(phrases.getByTestId('replaces-note')).toContainText('This list replaces');
  await page.locator(`[data-path="types.tester.phrases[${n}].text"]`).fill('Thanks, {{client.firstName|there}}: ACME QA will retry these exact steps today.');
  await page.getByTestId('editor-save').click();
  await expect(page.getByTestId('editor-saved')).toBeVisible();

  const { tabId } = await openHelpdesk('https://acme.zendesk.com/agent/tickets/1202');
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('client-type')).toHaveAttribute('data-type', 'tester');
  await expect(panel.getByTestId('phrase')).toHaveCount(builtinEn.length + 1);
  await expect(panel.getByTestId('phrase').last()).toContainText('Thanks, Daniel: ACME QA will retry these exact steps today.');
});
