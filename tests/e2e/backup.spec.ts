import { resolve } from 'node:path';
import { BACKUP_TABLES } from '../../core/backup/format';
import { realisticBackup } from '../support/backup-file';
import { launchWithExtension } from '../support/launch';
import { openHelpdeskPage, openOptionsPage, openPanelPage } from '../support/pages';
import { routeZendesk } from '../support/zendesk-routes';
import { expect, test } from './fixtures';

test('a backup from one profile restores into a fresh one: dossier, notes and the client list', async () => {
  const first = await launchWithExtension();
  let text = '';
  try {
    await routeZendesk(first.context);
    const { tabId } = await openHelpdeskPage(first, 'https://acme.zendesk.com/agent/tickets/1202');
    const panel = await openPanelPage(first, tabId);
    await expect(panel.getByTestId('client-name')).toHaveText('Daniel Okafor');
    await panel.getByTestId('note-input').fill('Runs the TestFlight beta for us');
    await panel.getByTestId('note-add').click();
    await expect(panel.getByTestId('note')).toHaveCount(1);
    const options = await openOptionsPage(first, 'data-section');
    const download = options.waitForEvent('download');
    await options.getByTestId('backup-export').click();
    const file = await (await download).path();
    text = (await import('node:fs')).readFileSync(file, 'utf8');
    expect(text).toContain('Runs the TestFlight beta for us');
  } finally {
    await first.close();
  }

  const second = await launchWithExtension();
  try {
    // The client list is open before the restore: the background has built its search index of an empty profile.
    const panel = await second.context.newPage();
    await panel.setViewportSize({ width: 360, height: 900 });
    await panel.goto(`chrome-extension://${second.extensionId}/sidepanel.html`);
    await panel.getByTestId('clients-button').click();
    await expect(panel.getByTestId('clients-empty')).toBeVisible();
    await panel.getByTestId('client-search').fill('okafor');
    await expect(panel.getByTestId('clients-empty')).toHaveText('No client matches.');

    const options = await openOptionsPage(second, 'data-section');
    await options
      .getByTestId('backup-file')
      .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text.slice(0, text.length - 40)) });
    await expect(options.getByTestId('backup-error')).toContainText(/nothing was changed/);
    // One bit of the note flipped on disk ("Runs" → "Ruos"): refused by the file's digest.
    const flipped = Buffer.from(text);
    flipped[text.indexOf('Runs the TestFlight') + 2]! ^= 0x01;
    await options.getByTestId('backup-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: flipped });
    await expect(options.getByTestId('backup-error')).toHaveText(
      'This file cannot be restored, and nothing was changed: it was changed or damaged after it was written (its integrity check, a digest of its content, does not match).',
    );
    await options.getByTestId('backup-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(options.getByTestId('restore-unchecked')).toHaveCount(0);
    await expect(options.getByTestId('restore-plan')).toContainText('1 new clients');
    await options.getByTestId('restore-apply').click();
    await expect(options.getByTestId('restore-done')).toBeVisible();
    // The options page wrote the dossier; the open list finds it (the index heard of the write).
    await panel.bringToFront();
    await panel.getByTestId('client-search').fill('');
    await panel.getByTestId('client-search').fill('okafor');
    await panel.getByTestId('client-result').click();
    await expect(panel.getByTestId('client-name')).toHaveText('Daniel Okafor');
    await expect(panel.getByTestId('note')).toHaveText(/Runs the TestFlight beta for us/);
  } finally {
    await second.close();
  }
});

test('a large backup shows its progress: the records checked, then compared, then restored', async () => {
  const { backup, text } = await realisticBackup({ clients: 3000, now: Date.parse('2026-11-01T12:00:00Z') });
  const records = BACKUP_TABLES.reduce((n, t) => n + backup.data[t].length, 0);
  const ext = await launchWithExtension();
  try {
    const options = await openOptionsPage(ext, 'data-section');
    // Every state the progress bar is drawn in, as the page draws it.
    await options.evaluate(`(() => {
      window.__seen = [];
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="data-progress"] progress');
        if (bar) window.__seen.push([bar.getAttribute('aria-label'), Number(bar.value), Number(bar.max)]);
      }).observe(document.querySelector('[data-testid="data-section"]'), { subtree: true, childList: true, attributes: true });
    })()`);
    await options.getByTestId('backup-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(options.getByTestId('restore-plan')).toContainText('3000 new clients');
    await options.getByTestId('restore-apply').click();
    await expect(options.getByTestId('restore-done')).toBeVisible();
    const seen = (await options.evaluate('window.__seen')) as [string, number, number][];
    const stage = (label: string) => seen.filter(([l]) => l === label).map(([, value, max]): [number, number] => [value, max]);
    const [checking, comparing] = ['Checking the records in the file…', 'Comparing them with the data in this browser…'];
    const checked = stage(checking);
    const compared = stage(comparing);
    const restored = stage('Restoring…');
    // Each stage moves on in steps to all of its records, in order.
    for (const [steps, total] of [
      [checked, records],
      [compared, records - backup.data.persons.length],
      [restored, records],
    ] as const) {
      expect(steps.length).toBeGreaterThan(2);
      expect(steps.every(([value, max], i) => max === total && value >= (steps[i - 1]?.[0] ?? 0))).toBe(true);
      expect(steps.at(-1)).toEqual([total, total]);
    }
    const firstOf = (label: string) => seen.findIndex(([l]) => l === label);
    expect(firstOf(checking)).toBeLessThan(firstOf(comparing));
  } finally {
    await ext.close();
  }
});

test('a backup from an older Tipazh (no digest) restores after a visible warning that it cannot be checked', async () => {
  const { text } = await realisticBackup({ clients: 5, now: Date.parse('2026-11-01T12:00:00Z') });
  const old = JSON.parse(text);
  delete old.digest;
  old.version = 1;
  const ext = await launchWithExtension();
  try {
    const options = await openOptionsPage(ext, 'data-section');
    await options.getByTestId('backup-file').setInputFiles({ name: 'old-backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(old)) });
    await expect(options.getByTestId('restore-plan')).toContainText('5 new clients');
    await expect(options.getByTestId('restore-unchecked')).toBeVisible();
    await expect(options.getByTestId('restore-unchecked')).toHaveText(/^This backup has no integrity check: an older Tipazh made it/);
    await options.getByTestId('restore-apply').click();
    await expect(options.getByTestId('restore-done')).toBeVisible();
  } finally {
    await ext.close();
  }
});

test('a restore names a conflict by the client and both dates; a pack picked in the restore picker is imported as a pack', async () => {
  const ext = await launchWithExtension();
  try {
    await routeZendesk(ext.context);
    const { tabId } = await openHelpdeskPage(ext, 'https://acme.zendesk.com/agent/tickets/1202');
    const panel = await openPanelPage(ext, tabId);
    await expect(panel.getByTestId('client-name')).toHaveText('Daniel Okafor');
    const options = await openOptionsPage(ext, 'data-section');
    const download = options.waitForEvent('download');
    await options.getByTestId('backup-export').click();
    const text = (await import('node:fs')).readFileSync(await (await download).path(), 'utf8');
    // The dossier changes after the backup: restoring the file would overwrite it.
    await panel.bringToFront();
    await panel.getByTestId('vip-toggle').check();
    await expect(panel.getByTestId('vip-toggle')).toBeChecked();
    await options.bringToFront();
    await options.getByTestId('backup-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    const conflict = options.getByTestId('restore-conflict');
    await expect(conflict).toHaveCount(1);
    await expect(conflict).toHaveText(
      /^Daniel Okafor \(daniel\.okafor@brightline\.example\) — changed here \d{1,2} \w{3} 2\d{3}, \d\d:\d\d, in the file \d{1,2} \w{3} 2\d{3}, \d\d:\d\d$/,
    );
    await options.getByTestId('lang-switch').selectOption('ru');
    await expect(conflict).toHaveText(
      /^Daniel Okafor \(daniel\.okafor@brightline\.example\) — здесь изменено .+ 2\d{3} г\., \d\d:\d\d, в файле — .+ 2\d{3} г\., \d\d:\d\d$/,
    );
    await options.getByRole('button', { name: 'Отмена' }).click();

    // A strategy pack picked by mistake: named as one, and imported under Packs with a click.
    const pack = resolve(import.meta.dirname, '../fixtures/packs/acme-support.json');
    await options.getByTestId('backup-file').setInputFiles(pack);
    await expect(options.getByTestId('backup-is-pack')).toContainText('Это пакет стратегий, а не резервная копия');
    await expect(options.getByTestId('backup-error')).toHaveCount(0);
    await options.getByTestId('backup-import-pack').click();
    await expect(options.getByTestId('notice')).toContainText('Пакет «Поддержка ACME» 1.0.0 установлен');
    await expect(options.getByTestId('notice')).toBeFocused();
    await expect(options.locator('[data-testid="pack-row"][data-pack-id="acme-support"]')).toBeVisible();
  } finally {
    await ext.close();
  }
});
