import type { Page } from '@playwright/test';
import { launchWithExtension } from '../support/launch';
import { openHelpdeskPage, openOptionsPage, openPanelPage } from '../support/pages';
import { routeAmo } from '../support/amocrm-routes';
import { TEAM_SYNC_ON } from '../support/idb-put';
import { putRecords } from '../support/seed';
import { writesOf } from '../support/fixture-routes';
import { routeZendesk, ZENDESK_CSRF_TOKEN } from '../support/zendesk-routes';
import { expect, test } from './fixtures';

/* Team sync (issue 18): the confirmed type written back to the helpdesk as tags, on the built extension. */

const TICKET = 'https://acme.zendesk.com/agent/tickets';
const DANIEL = '38156690203412'; // ticket 1202: a tester, tagged beta_tester and b2b in Zendesk

/** Turns team sync on for this agent (the options page's switch stores the same), and reloads the panel to see it. */
async function turnOn(panel: Page) {
  await putRecords(panel, 'meta', [TEAM_SYNC_ON]);
  await panel.reload();
}

test('off by default: a confirmation is kept as the agent’s, and nothing is written to the helpdesk', async ({ zendesk, openHelpdesk, openPanel }) => {
  const { tabId } = await openHelpdesk(`${TICKET}/1202`);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('client-type')).toHaveAttribute('data-type', 'tester');
  await expect(panel.getByTestId('team-sync-status')).toHaveCount(0);
  await panel.getByTestId('type-confirm').click();
  await expect(panel.getByTestId('type-confidence')).toHaveText('Confirmed by you');
  await panel.waitForTimeout(1500);
  expect(writesOf(zendesk)).toEqual([]);
  expect(zendesk.tagsOf('user', DANIEL)).toEqual(['beta_tester', 'b2b']);
});

test('on: Confirm writes exactly the type tag with the CSRF header, others’ tags stay, and undo removes only ours', async ({
  zendesk,
  openHelpdesk,
  openPanel,
}) => {
  const { tabId } = await openHelpdesk(`${TICKET}/1202`);
  const panel = await openPanel(tabId);
  await turnOn(panel);
  const status = panel.getByTestId('team-sync-status');
  // The dry run, before anything is written.
  await expect(status).toHaveAttribute('data-state', 'preview');
  await expect(status).toContainText('adds tipazh_tester');
  expect(writesOf(zendesk)).toEqual([]);

  await panel.getByTestId('type-confirm').click();
  await expect(status).toHaveAttribute('data-state', 'written');
  await expect(status).toContainText('tipazh_tester');
  expect(zendesk.tagsOf('user', DANIEL)).toEqual(['beta_tester', 'b2b', 'tipazh_tester']);
  const [put] = writesOf(zendesk);
  expect(writesOf(zendesk).map((c) => [c.method, c.path, c.body])).toEqual([['PUT', `/api/v2/users/${DANIEL}/tags.json`, { tags: ['tipazh_tester'] }]]);
  expect(put?.headers['x-csrf-token']).toBe(ZENDESK_CSRF_TOKEN);
  // The write is in the client's audit trail.
  await expect(panel.locator('[data-testid="audit-entry"][data-field="team sync"]')).toContainText('tipazh_tester');

  // A teammate adds a tag meanwhile; undo takes back Tipazh's tag and nothing else.
  zendesk.setTags('user', DANIEL, [...zendesk.tagsOf('user', DANIEL), 'escalated']);
  await panel.getByTestId('type-confirm-undo').click();
  await expect.poll(() => zendesk.tagsOf('user', DANIEL)).toEqual(['beta_tester', 'b2b', 'escalated']);
  expect(writesOf(zendesk).map((c) => [c.method, c.body])).toEqual([
    ['PUT', { tags: ['tipazh_tester'] }],
    ['DELETE', { tags: ['tipazh_tester'] }],
  ]);
  expect(writesOf(zendesk).some((c) => c.method === 'POST')).toBe(false);
});

test('an override counts as confirmed and replaces the previous type tag', async ({ zendesk, openHelpdesk, openPanel }) => {
  const { tabId } = await openHelpdesk(`${TICKET}/1202`);
  const panel = await openPanel(tabId);
  await turnOn(panel);
  await panel.getByTestId('type-confirm').click();
  await expect.poll(() => zendesk.tagsOf('user', DANIEL)).toContain('tipazh_tester');
  await panel.getByText('Not right? Set the type').click();
  await panel.getByTestId('override-type').selectOption('know-it-all');
  await panel.getByTestId('override-save').click();
  await expect.poll(() => zendesk.tagsOf('user', DANIEL)).toEqual(['beta_tester', 'b2b', 'tipazh_know_it_all']);
  await expect(panel.getByTestId('team-sync-status')).toContainText('tipazh_know_it_all');
});

test('a 429 waits for Retry-After and then writes; a refusal explains what an admin must enable', async ({ zendesk, openHelpdesk, openPanel }) => {
  const { tabId } = await openHelpdesk(`${TICKET}/1202`);
  const panel = await openPanel(tabId);
  await turnOn(panel);
  zendesk.setOverride((r) => (r.method === 'PUT' && r.attempt === 1 ? { status: 429, headers: { 'Retry-After': '2' } } : undefined));
  await panel.getByTestId('type-confirm').click();
  const status = panel.getByTestId('team-sync-status');
  await expect(status).toHaveAttribute('data-state', 'waiting');
  await expect(status).toContainText('asked to slow down');
  await expect(status).toHaveAttribute('data-state', 'written', { timeout: 10_000 });
  expect(writesOf(zendesk).map((c) => c.status)).toEqual([429, 200]);

  zendesk.setOverride((r) => (r.method !== 'GET' ? { status: 422, body: { error: 'RecordInvalid', description: 'User tagging is disabled' } } : undefined));
  await panel.getByTestId('type-confirm-undo').click();
  await expect(status).toHaveAttribute('data-state', 'refused');
  await expect(status).toContainText('Tags on users and organizations');
  zendesk.setOverride(undefined);
  await panel.getByTestId('team-sync-retry').click();
  await expect.poll(() => zendesk.tagsOf('user', DANIEL)).toEqual(['beta_tester', 'b2b']);
});

test('a restart with a write still queued loses none: it goes when the helpdesk answers again', async ({ ext }) => {
  const down = await routeZendesk(ext.context);
  down.setOverride((r) => (r.method !== 'GET' ? { status: 503 } : undefined));
  const { tabId } = await openHelpdeskPage(ext, `${TICKET}/1202`);
  const panel = await openPanelPage(ext, tabId);
  await turnOn(panel);
  await panel.getByTestId('type-confirm').click();
  await expect(panel.getByTestId('team-sync-status')).toHaveAttribute('data-state', 'waiting');
  await ext.close({ keepProfile: true });

  const again = await launchWithExtension({ userDataDir: ext.userDataDir });
  try {
    const up = await routeZendesk(again.context);
    const { tabId: tab2 } = await openHelpdeskPage(again, `${TICKET}/1202`);
    await expect.poll(() => up.tagsOf('user', DANIEL), { timeout: 15_000 }).toEqual(['beta_tester', 'b2b', 'tipazh_tester']);
    const panel2 = await openPanelPage(again, tab2);
    await expect(panel2.getByTestId('team-sync-status')).toHaveAttribute('data-state', 'written');
  } finally {
    await again.close();
  }
});

test('amoCRM: the contact’s whole tag list is written with Tipazh’s tag merged in, with X-Requested-With', async ({ ext }) => {
  const amo = await routeAmo(ext.context);
  const { tabId } = await openHelpdeskPage(ext, 'https://brewly.amocrm.ru/leads/detail/5001');
  const panel = await openPanelPage(ext, tabId);
  await turnOn(panel);
  await expect(panel.getByTestId('client-type')).toHaveAttribute('data-type', 'extortionist');
  await panel.getByTestId('type-confirm').click();
  await expect.poll(() => amo.tagsOf('contact', '6001')).toEqual(['блогер', 'ЛПР', 'tipazh_extortionist']);
  const patch = amo.apiCalls.find((c) => c.method === 'PATCH');
  expect(patch?.path).toBe('/api/v4/contacts/6001');
  expect(patch?.headers['x-requested-with']).toBe('XMLHttpRequest');
  await expect(panel.getByTestId('team-sync-status')).toHaveAttribute('data-state', 'written');
});

test('a team pack turns it on for everyone and asks for ticket tags: the ticket gets the tag too, with a safe update', async ({
  ext,
  zendesk,
  openHelpdesk,
  openPanel,
}) => {
  const { tabId } = await openHelpdesk(`${TICKET}/1202`);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('client-type')).toHaveAttribute('data-type', 'tester');
  const pack = {
    schemaVersion: 1,
    id: 'acme-team',
    name: { en: 'ACME team' },
    version: '1.0.0',
    author: 'Lead',
    languages: ['en'],
    teamSync: { enabled: true, ticketTags: true },
  };
  const options = await openOptionsPage(ext, 'builtin-row');
  await options.getByTestId('import-file').setInputFiles({ name: 'acme-team.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
  await expect(options.getByTestId('notice')).toContainText('Installed');
  await expect(options.getByTestId('team-sync-enable')).toBeChecked();

  await expect(panel.getByTestId('team-sync-status')).toHaveAttribute('data-state', 'preview');
  await panel.getByTestId('type-confirm').click();
  await expect(panel.getByTestId('team-sync-status')).toHaveAttribute('data-state', 'written');
  expect(zendesk.tagsOf('user', DANIEL)).toEqual(['beta_tester', 'b2b', 'tipazh_tester']);
  expect(zendesk.tagsOf('ticket', '1202')).toContain('tipazh_tester');
  const ticketPut = zendesk.apiCalls.find((c) => c.method === 'PUT' && c.path === '/api/v2/tickets/1202/tags.json');
  expect(ticketPut?.body).toMatchObject({ tags: ['tipazh_tester'], safe_update: true, updated_stamp: expect.any(String) });
  expect(ticketPut?.headers['x-csrf-token']).toBe(ZENDESK_CSRF_TOKEN);
});
