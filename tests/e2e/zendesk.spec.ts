import { commentsPage } from '../support/zendesk-routes';
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

/** `n` comments alternating client and agent, a minute apart, with `text(i)` as comment i's words. */
function comments(n: number, text: (i: number) => string) {
  const start = Date.parse('2026-02-01T08:00:00Z');
  return Array.from({ length: n }, (_, i) => ({
    id: 1000 + i,
    type: 'Comment',
    author_id: i % 2 ? 38156690120027 : 38156690203507,
    plain_body: text(i),
    public: true,
    created_at: new Date(start + i * 60_000).toISOString(),
  }));
}

test('a ticket of 1,250 comments: the newest 1,000 are read, and the panel says 250 older ones were not', async ({ zendesk, openHelpdesk, openPanel }) => {
  const all = comments(1250, (i) => `message number ${i}`);
  const asked: URL[] = [];
  zendesk.setOverride(({ path, url }) => {
    if (path === '/api/v2/tickets/1203/comments.json') {
      asked.push(url);
      return { status: 200, body: commentsPage(all, url) };
    }
    if (path === '/api/v2/tickets/1203/comments/count.json') return { status: 200, body: { count: { value: all.length } } };
    return undefined;
  });
  const { tabId } = await openHelpdesk(`${BASE}/tickets/1203`);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('message-count')).toHaveText('1000 messages');
  await expect(panel.getByTestId('omitted')).toHaveText('250 older messages were not read: Tipazh works from the newest.');
  // Every page asked newest first.
  expect(asked.length).toBeGreaterThanOrEqual(10);
  expect(asked.every((u) => u.searchParams.get('sort') === '-created_at')).toBe(true);
});

test('a ticket bigger than session storage (60 comments of 190 KB) still shows its client, and says what was shortened', async ({
  zendesk,
  openHelpdesk,
  openPanel,
}) => {
  const all = comments(
    60,
    (i) => `${i % 2 ? 'We are looking into it.' : 'I demand a full refund right now or I go to the press.'} ${'lorem ipsum dolor '.repeat(10_500)}`,
  );
  zendesk.setOverride(({ path, url }) => (path === '/api/v2/tickets/1203/comments.json' ? { status: 200, body: commentsPage(all, url) } : undefined));
  const { tabId } = await openHelpdesk(`${BASE}/tickets/1203`);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('client-name')).toBeVisible({ timeout: 20_000 });
  await expect(panel.getByTestId('omitted')).toContainText('very long messages were shortened for the panel');
  await expect(panel.getByTestId('client-type')).toBeVisible();
});

test('200 ticket switches in a few seconds stay within 10 API requests a second, and the last ticket is shown', async ({
  zendesk,
  openHelpdesk,
  openPanel,
}) => {
  const { page, tabId } = await openHelpdesk(`${BASE}/tickets/1201`);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('client-name')).toBeVisible();
  const before = zendesk.apiCalls.length;
  const tickets = [1202, 1203, 1204, 1205, 1206];
  const started = Date.now();
  // In the page, as an agent's clicks would: one switch every 20 ms, ending on ticket 1204.
  await page.evaluate(async (ids) => {
    const go = (window as unknown as { __fixtureNavigate: (p: string) => void }).__fixtureNavigate;
    for (let i = 0; i < 200; i++) {
      go(`/agent/tickets/${ids[i % ids.length]}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    go('/agent/tickets/1204');
  }, tickets);
  await expect(panel.getByTestId('client-name')).toHaveText('Игорь Петренко', { timeout: 20_000 });
  await page.waitForTimeout(1000);
  const calls = zendesk.apiCalls
    .slice(before)
    .map((c) => c.at)
    .sort((a, b) => a - b);
  const busiest = Math.max(...calls.map((t) => calls.filter((u) => u >= t && u < t + 900).length));
  expect(busiest).toBeLessThanOrEqual(10);
  const seconds = (Date.now() - started) / 1000;
  expect(calls.length).toBeLessThanOrEqual(10 * Math.ceil(seconds));
});
