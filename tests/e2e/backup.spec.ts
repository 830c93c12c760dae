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
    await options.getByTestId('backup-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text.slice(0, text.length - 40)) });
    await expect(options.getByTestId('backup-error')).toContainText(/nothing was changed/);
    await options.getByTestId('backup-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
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
