import { routeAmo } from '../support/amocrm-routes';
import { navigateInApp } from '../support/pages';
import { TEAM_SYNC_ON } from '../support/idb-put';
import { putRecords } from '../support/seed';
import { expect, test } from './fixtures';

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

test('a full session makes no request outside the helpdesk origins and the extension itself', async ({ ext, zendesk, openHelpdesk, openPanel }) => {
  await routeAmo(ext.context);
  const requests: string[] = [];
  ext.context.on('request', (r) => requests.push(r.url()));
  const { page, tabId } = await openHelpdesk('https://acme.zendesk.com/agent/tickets/1201');
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('client-type')).toHaveAttribute('data-type', 'extortionist');
  await panel.getByTestId('phrase-insert').first().click();
  await expect(panel.getByTestId('phrase-status')).toContainText(/Inserted/);
  await panel.getByTestId('note-input').fill('private note');
  await panel.getByTestId('note-add').click();
  await navigateInApp(page, '/agent/tickets/1202');
  await expect(panel.getByTestId('client-name')).toHaveText('Daniel Okafor');
  // Team sync on: the confirmed type goes to the helpdesk's own origin, and nowhere else.
  await putRecords(panel, 'meta', [TEAM_SYNC_ON]);
  await panel.reload();
  await panel.getByTestId('type-confirm').click();
  await expect(panel.getByTestId('team-sync-status')).toHaveAttribute('data-state', 'written');
  expect(zendesk.apiCalls.some((c) => c.method === 'PUT')).toBe(true);
  await panel.keyboard.press('/');
  await panel.getByTestId('client-search').fill('вик');
  await expect(panel.getByTestId('client-result')).toHaveCount(1);
  const amo = await ext.context.newPage();
  await amo.goto('https://brewly.amocrm.ru/leads/detail/5002');
  await expect.poll(() => requests.some((u) => u.includes('/api/v4/leads/5002'))).toBe(true);
  await panel.waitForTimeout(500);

  const allowed = [
    /^https:\/\/acme\.zendesk\.com\//,
    /^https:\/\/brewly\.amocrm\.ru\//,
    new RegExp(`^chrome-extension://${ext.extensionId}/`),
    /^data:/,
    /^about:blank/,
  ];
  const outside = requests.filter((u) => !allowed.some((re) => re.test(u)));
  expect(requests.length).toBeGreaterThan(10);
  // The recorder sees the extension's own requests too (the panel's scripts; the service worker's are recorded
  // as well, but it may have read the built-in pack before recording began).
  expect(requests.some((u) => u.startsWith(`chrome-extension://${ext.extensionId}/chunks/`))).toBe(true);
  expect(outside).toEqual([]);
});

test('a redirect from the helpdesk API is never followed to another origin; the page is read instead', async ({ ext, zendesk, openHelpdesk, openPanel }) => {
  zendesk.setOverride(({ path }) =>
    path.startsWith('/api/v2/tickets/1201') ? { status: 302, headers: { Location: 'https://collector.example/steal?x=1' } } : undefined,
  );
  const requests: string[] = [];
  ext.context.on('request', (r) => requests.push(r.url()));
  const { tabId } = await openHelpdesk('https://acme.zendesk.com/agent/tickets/1201');
  const panel = await openPanel(tabId);
  // The client still comes, from the page.
  await expect(panel.getByTestId('client-name')).not.toBeEmpty();
  await expect(panel.getByTestId('client-type')).toBeVisible();
  await panel.waitForTimeout(300);
  expect(requests.filter((u) => u.includes('collector.example'))).toEqual([]);
  expect(requests.some((u) => u.includes('/api/v2/tickets/1201'))).toBe(true);
});

test('hostile names, messages and phrases are shown as text, never run', async ({ ext, zendesk, openHelpdesk, openPanel }) => {
  zendesk.setOverride(({ path }) => {
    if (path === '/api/v2/tickets/1207.json') {
      return {
        status: 200,
        body: {
          ticket: { id: 1207, subject: `Refund ${HOSTILE}`, status: 'open', requester_id: 555, tags: ['<b>vip</b>'] },
          users: [{ id: 555, name: `Mallory ${HOSTILE}`, email: 'mallory@example.com', role: 'end-user', tags: [], user_fields: { note: HOSTILE } }],
          organizations: [],
        },
      };
    }
    if (path === '/api/v2/tickets/1207/comments.json') {
      return {
        status: 200,
        body: {
          comments: [
            {
              id: 1,
              author_id: 555,
              plain_body: `I have 50k followers. I demand compensation ${HOSTILE} or a discount, or my review goes up tonight.`,
              public: true,
              created_at: '2026-03-01T10:00:00Z',
            },
          ],
          meta: { has_more: false },
        },
      };
    }
    return undefined;
  });
  const dialogs: string[] = [];
  ext.context.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
  const { tabId } = await openHelpdesk('https://acme.zendesk.com/agent/tickets/1207');
  const panel = await openPanel(tabId);
  panel.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
  await expect(panel.getByTestId('client-name')).toContainText('<img src=x');
  await expect(panel.getByTestId('ticket-subject')).toContainText('<script>');
  await expect(panel.getByTestId('type-evidence')).toContainText('<img');
  await panel.getByTestId('helpdesk-fields').locator('summary').click();
  await expect(panel.getByTestId('helpdesk-fields')).toContainText('<script>');
  expect(await panel.locator('img, script:not([src])').count()).toBe(0);
  expect(await panel.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
