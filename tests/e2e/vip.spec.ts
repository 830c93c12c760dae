import { openOptionsPage } from '../support/pages';
import { results, searchList } from '../support/client-list';
import { expect, test } from './fixtures';

/**
 * Issue 16, section 5, on the production build: one VIP state (a Zendesk tag, the team pack's list, the agent's
 * mark) with its source, found by "vip" in the client list, with the notes lock following it.
 */

const TICKET = 'https://acme.zendesk.com/agent/tickets';
const PASSPHRASE = 'correct horse battery staple';

test('a Zendesk "vip" tag is the one VIP state: the panel says where it comes from, the level and the lock offer follow, and "vip" finds the client', async ({
  zendesk,
  openHelpdesk,
  openPanel,
}) => {
  void zendesk;
  const { tabId } = await openHelpdesk(`${TICKET}/1201`);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('client-name')).toHaveText('Виктория Лебедева');
  await expect(panel.getByTestId('vip-state')).toHaveText('★ VIP — tagged in Zendesk');
  await expect(panel.getByTestId('vip-state')).toHaveAttribute('data-source', 'helpdesk');
  await expect(panel.getByTestId('service-level')).toHaveAttribute('data-level', 'lion-king');
  await expect(panel.getByTestId('service-level-reason')).toHaveText(/· VIP — tagged in Zendesk$/);
  // Not marked by the agent, and the dossier says why she is VIP anyway.
  await expect(panel.getByTestId('vip-toggle')).not.toBeChecked();
  await expect(panel.getByTestId('vip-elsewhere')).toHaveText('VIP — tagged in Zendesk');
  await expect(panel.getByText('Protect VIP notes with a passphrase')).toBeVisible();
  await expect(panel.getByTestId('phrases-personal')).toBeVisible();

  await panel.getByTestId('lang-switch').selectOption('ru');
  await expect(panel.getByTestId('vip-state')).toHaveText('★ VIP — метка в Zendesk');
  await panel.getByTestId('lang-switch').selectOption('en');

  await searchList(panel, 'vip');
  await expect(results(panel)).toHaveCount(1);
  await expect(results(panel).first()).toContainText('Виктория Лебедева');
  await expect(results(panel).first().getByTestId('result-vip')).toHaveAttribute('data-source', 'helpdesk');
  await results(panel).first().click();
  // The dossier opened from the list: the same state, without the helpdesk tab.
  await expect(panel.getByTestId('vip-state')).toHaveText('★ VIP — tagged in Zendesk');
});

test('the agent’s VIP mark: shown, found, offers the lock; turned off, the encrypted notes can still be unlocked', async ({
  zendesk,
  openHelpdesk,
  openPanel,
}) => {
  test.setTimeout(90_000);
  void zendesk;
  const { tabId } = await openHelpdesk(`${TICKET}/1202`);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('client-name')).toHaveText('Daniel Okafor');
  await expect(panel.getByTestId('vip-state')).toHaveCount(0);
  await expect(panel.getByText('Protect VIP notes with a passphrase')).toHaveCount(0);

  await panel.getByTestId('vip-toggle').check();
  await expect(panel.getByTestId('vip-state')).toHaveText('★ VIP — marked by you');
  await expect(panel.getByTestId('vip-elsewhere')).toHaveCount(0);
  await expect(panel.getByTestId('service-level')).toHaveAttribute('data-level', 'lion-king');
  await panel.getByTestId('note-input').fill('Home address: Tverskaya 1');
  await panel.getByTestId('note-add').click();
  await expect(panel.getByTestId('note')).toHaveText([/Tverskaya/]);
  await panel.getByText('Protect VIP notes with a passphrase').click();
  await panel.getByTestId('lock-setup-input').fill(PASSPHRASE);
  await panel.getByTestId('lock-setup-repeat').fill(PASSPHRASE);
  await panel.getByTestId('lock-setup').click();
  await expect(panel.getByTestId('notes-unlocked')).toBeVisible({ timeout: 20_000 });
  await panel.getByTestId('notes-lock').click();
  await expect(panel.getByTestId('note-locked')).toBeVisible();

  // VIP off: no star, no offer, but the encrypted note is still there to unlock.
  await panel.getByTestId('vip-toggle').uncheck();
  await expect(panel.getByTestId('vip-state')).toHaveCount(0);
  await expect(panel.getByTestId('notes-locked')).toHaveText('🔒 Some notes on this client are encrypted. Enter the passphrase to read them.');
  await panel.getByTestId('notes-unlock-input').fill(PASSPHRASE);
  await panel.getByTestId('notes-unlock').click();
  await expect(panel.getByTestId('note')).toHaveText([/Tverskaya/], { timeout: 20_000 });
  await expect(panel.getByTestId('notes-unlocked')).toBeVisible();
  // A new note on a client who is not VIP is not encrypted; the old one stays so.
  await panel.getByTestId('notes-lock').click();
  await panel.getByTestId('note-input').fill('Prefers e-mail');
  await panel.getByTestId('note-add').click();
  await expect(panel.getByTestId('note')).toHaveCount(2);
  await expect(panel.getByTestId('note-locked')).toHaveCount(1);

  await searchList(panel, 'vip');
  await expect(panel.getByTestId('clients-empty')).toHaveText('No client matches.');
  await panel.getByTestId('clients-button').click();
  await panel.getByTestId('vip-toggle').check();
  await searchList(panel, 'vip');
  await expect(results(panel)).toHaveText([/Daniel Okafor/]);
  await expect(results(panel).first().getByTestId('result-vip')).toHaveAttribute('data-source', 'agent');
});

test('a team pack’s VIP list makes a VIP: the panel says "your team’s pack", and "vip" finds them once the pack is installed', async ({
  ext,
  zendesk,
  openHelpdesk,
  openPanel,
}) => {
  void zendesk;
  const { tabId } = await openHelpdesk(`${TICKET}/1203`);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('client-name')).toHaveText('Megan Price');
  await expect(panel.getByTestId('vip-state')).toHaveCount(0);
  await searchList(panel, 'vip');
  await expect(panel.getByTestId('clients-empty')).toBeVisible();
  await panel.getByTestId('clients-button').click();

  const pack = {
    schemaVersion: 1,
    id: 'acme-vip',
    name: { en: 'ACME VIP list', ru: 'VIP-список ACME' },
    version: '1.0.0',
    author: 'Team lead, ACME',
    languages: ['en', 'ru'],
    segments: [{ id: 'vip-list', name: { en: 'VIP list', ru: 'VIP-список' }, priority: 1, emails: ['megan.price@example.net'], firstReplyMinutes: 15 }],
  };
  const options = await openOptionsPage(ext, 'builtin-row');
  await options.getByTestId('import-file').setInputFiles({ name: 'acme-vip.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
  await expect(options.getByTestId('notice')).toContainText('Installed');

  await expect(panel.getByTestId('vip-state')).toHaveText('★ VIP — your team’s pack');
  await expect(panel.getByTestId('vip-state')).toHaveAttribute('data-source', 'pack');
  await expect(panel.getByTestId('service-level')).toHaveAttribute('data-level', 'lion-king');
  await expect(panel.getByText('Protect VIP notes with a passphrase')).toBeVisible();
  await searchList(panel, 'vip');
  await expect(results(panel)).toHaveText([/Megan Price/]);
  await expect(results(panel).first().getByTestId('result-vip')).toHaveAttribute('data-source', 'pack');
});
