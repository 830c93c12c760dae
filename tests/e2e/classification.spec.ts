import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from '../support/launch';
import { openHelpdeskPage, openPanelPage, restartOn } from '../support/pages';
import { routeZendesk } from '../support/zendesk-routes';
import { expect, test } from './fixtures';

const TICKET = 'https://acme.zendesk.com/agent/tickets';

test('classifies the client with quotes from their own words, and shows strategy, boundaries and phrases', async ({ zendesk, openHelpdesk, openPanel }) => {
  void zendesk;
  const { tabId } = await openHelpdesk(`${TICKET}/1201`);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('client-type')).toHaveAttribute('data-type', 'extortionist');
  await expect(panel.getByTestId('client-type')).toHaveText('Extortionist');
  await expect(panel.getByTestId('type-confidence')).toHaveText(/^(Very likely|Likely|Possibly|Unsure) · (\d+|>99)%$/);
  const marks = panel.getByTestId('type-evidence').locator('mark');
  await expect(marks.first()).toBeVisible();
  // Highlighted quotes are the client's own words; the agent's internal note (скидку/компенсацию) is not quoted.
  const quotes = await panel.getByTestId('type-evidence').locator('q').allTextContents();
  expect(quotes.length).toBeGreaterThan(2);
  for (const q of quotes) expect(q).not.toContain('без согласования со старшим смены');
  await expect(panel.getByTestId('type-alternatives').locator(':scope > li')).toHaveCount(3);
  await expect(panel.getByTestId('strategy').locator('li')).not.toHaveCount(0);
  await expect(panel.getByTestId('boundaries').locator('li')).not.toHaveCount(0);
  await expect(panel.getByTestId('phrase')).toHaveCount(9);
  // Phrases are filled with the client's first name (no raw {{variables}}).
  await expect(panel.getByTestId('phrases')).not.toContainText('{{');
  await expect(panel.getByTestId('service-level')).toBeVisible();
  await expect(panel.getByTestId('lifecycle-stage')).toHaveAttribute('data-stage', 'regular');

  await panel.getByTestId('lang-switch').selectOption('ru');
  await expect(panel.getByTestId('client-type')).toHaveText('Вымогатель');
  await expect(panel.getByTestId('type-confidence')).toHaveText(/^(Почти наверняка|Вероятно|Возможно|Не уверен) · (\d+|>99)%$/);
});

test('different clients get different types', async ({ zendesk, openHelpdesk, openPanel }) => {
  void zendesk;
  const want: Record<string, string> = { '1202': 'tester', '1203': 'impatient', '1204': 'complainer', '1205': 'prize-hunter', '1206': 'know-it-all' };
  for (const [id, type] of Object.entries(want)) {
    const { page, tabId } = await openHelpdesk(`${TICKET}/${id}`);
    const panel = await openPanel(tabId);
    await expect(panel.getByTestId('client-type'), `ticket ${id}`).toHaveAttribute('data-type', type);
    // Calibrated figures only: no demo ticket is "100 %" (nor any alternative "0 %").
    await expect(panel.getByTestId('type-confidence'), `ticket ${id}`).not.toContainText('100%');
    await expect(panel.getByTestId('type-alternatives'), `ticket ${id}`).not.toContainText(/\b0%/);
    await panel.close();
    await page.close();
  }
});

test('an override shows at once, teaches the model, survives a restart, and can be undone', async () => {
  const first = await launchWithExtension();
  await routeZendesk(first.context);
  const { tabId } = await openHelpdeskPage(first, `${TICKET}/1203`);
  const panel = await openPanelPage(first, tabId);
  await expect(panel.getByTestId('client-type')).toHaveAttribute('data-type', 'impatient');
  await panel.getByText('Not right? Set the type').click();
  await panel.getByTestId('override-type').selectOption('complainer');
  await panel.getByTestId('override-reason').fill('argues about the refund rules');
  await panel.getByTestId('override-save').click();
  await expect(panel.getByTestId('client-type')).toHaveAttribute('data-type', 'complainer');
  await expect(panel.getByTestId('type-confidence')).toHaveText('Set by you');
  const { ext: second, panel: panel2 } = await restartOn(first, `${TICKET}/1203`);
  try {
    await expect(panel2.getByTestId('client-type')).toHaveAttribute('data-type', 'complainer');
    await expect(panel2.locator('.type__model')).toContainText('argues about the refund rules');
    // The local model learned from the correction: its evidence for the chosen type quotes the client.
    await expect(panel2.getByTestId('type-evidence').locator('[data-kind="learned"]')).toHaveCount(1);
    await panel2.getByTestId('override-undo').click();
    await expect(panel2.getByTestId('type-confidence')).toHaveText(/^(Very likely|Likely|Possibly|Unsure) · (\d+|>99)%$/);
    await expect(panel2.getByTestId('client-type')).toHaveAttribute('data-type', 'impatient');
  } finally {
    await second.close();
  }
});

test('the panel shows the client’s segment from the pack, with its priority and first-reply target', async ({ zendesk, openHelpdesk, openPanel }) => {
  void zendesk;
  const vip = await openHelpdesk(`${TICKET}/1201`);
  const panel = await openPanel(vip.tabId);
  await expect(panel.getByTestId('segment')).toHaveAttribute('data-segment', 'vip');
  await expect(panel.getByTestId('first-reply-target')).toHaveText(/15 min/);
  const other = await openHelpdesk(`${TICKET}/1203`);
  const panel2 = await openPanel(other.tabId);
  await expect(panel2.getByTestId('segment')).toHaveAttribute('data-segment', 'everyone');
  await expect(panel2.getByTestId('first-reply-target')).toHaveText(/240 min/);
});

test("a teammate's type tag in Zendesk shows as the team's verdict and counts as evidence; a disagreement with the model shows", async ({
  zendesk,
  openHelpdesk,
  openPanel,
}) => {
  // Daniel Okafor (ticket 1202) writes like a tester; a teammate tagged him as an extortionist.
  zendesk.setOverride(({ path, url }) => {
    if (path !== '/api/v2/tickets/1202.json') return undefined;
    const body = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../fixtures/zendesk/api/tickets/1202.json'), 'utf8').replaceAll('{{origin}}', url.origin),
    );
    for (const u of body.users) if (u.id === body.ticket.requester_id) u.tags = [...(u.tags ?? []), 'tipazh_extortionist'];
    return { status: 200, body };
  });
  const { tabId } = await openHelpdesk(`${TICKET}/1202`);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('team-type')).toHaveText(/^Team: Extortionist — tagged in Zendesk/);
  await expect(panel.getByTestId('team-conflict')).toHaveText('On their own words alone, the model says Tester.');
  await panel.getByTestId('type-evidence').waitFor({ state: 'attached' });
  await expect(panel.locator('[data-kind="team"]')).toHaveCount(1);
  await expect(panel.locator('[data-kind="team"]').first()).toContainText('tipazh_extortionist');
});
