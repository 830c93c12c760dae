import { expect, test } from './fixtures';

const BASE = 'https://acme.zendesk.com/agent';

test('a 429 from the API is retried after Retry-After, and the client still comes from the API', async ({ zendesk, openHelpdesk, openPanel }) => {
  zendesk.setOverride(({ path, attempt }) =>
    path === '/api/v2/tickets/1204.json' && attempt === 1 ? { status: 429, body: { error: 'TooManyRequests' }, headers: { 'Retry-After': '1' } } : undefined,
  );
  const { tabId } = await openHelpdesk(`${BASE}/tickets/1204`);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('client-name')).toHaveText('Игорь Петренко');
  await expect(panel.getByTestId('read-via')).toContainText('API');
  const calls = zendesk.apiCalls.filter((c) => c.path === '/api/v2/tickets/1204.json');
  expect(calls.map((c) => c.status)).toEqual([429, 200]);
  expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(900);
});

test('reads every page of comments and never polls', async ({ zendesk, openHelpdesk, openPanel }) => {
  const { page, tabId } = await openHelpdesk(`${BASE}/tickets/1203`);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('message-count')).toHaveText(/6 messages/);
  const countAfterRead = zendesk.apiCalls.length;
  await page.waitForTimeout(2500);
  expect(zendesk.apiCalls.length).toBe(countAfterRead);
  expect(zendesk.apiCalls.filter((c) => c.path.includes('/comments')).length).toBe(2);
});

test('a user page shows that person with their history', async ({ zendesk, openHelpdesk, openPanel }) => {
  void zendesk;
  const { tabId } = await openHelpdesk(`${BASE}/users/38156690203412`);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('client-name')).toHaveText('Daniel Okafor');
  await expect(panel.getByTestId('client-org')).toHaveText('Brightline Labs');
  await expect(panel.getByTestId('lifecycle-stage')).toHaveAttribute('data-stage', 'regular');
  // A user page has no ticket: the panel shows the person without a subject.
  await expect(panel.getByTestId('ticket-subject')).toHaveCount(0);
});

test('an organization page shows the organization as a B2B client', async ({ zendesk, openHelpdesk, openPanel }) => {
  void zendesk;
  const { tabId } = await openHelpdesk(`${BASE}/organizations/24015530871288`);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('client-name')).toHaveText('Brightline Labs');
  await expect(panel.getByTestId('service-level')).toHaveAttribute('data-level', 'passer-by');
});

test('shows the requester’s helpdesk notes and user fields', async ({ zendesk, openHelpdesk, openPanel }) => {
  void zendesk;
  const { tabId } = await openHelpdesk(`${BASE}/tickets/1201`);
  const panel = await openPanel(tabId);
  await panel.getByTestId('helpdesk-fields').locator('summary').click();
  await expect(panel.getByTestId('helpdesk-fields')).toContainText('Ведёт кофейный блог');
  await expect(panel.getByTestId('helpdesk-fields')).toContainText('loyalty tier');
  await expect(panel.getByTestId('helpdesk-fields')).toContainText('gold');
});
