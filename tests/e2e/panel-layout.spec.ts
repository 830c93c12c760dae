import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { tabIdOf } from '../support/pages';
import { expect, test } from './fixtures';
import { openDetails, TICKET } from '../support/panel-steps';

/* The panel in Russian and English, its states (no client, reading, errors, API refused), above the fold, and long text from 360 to 252 px. On the production build with the fake Zendesk. */

test('RU and EN: the switch changes the whole panel, and the choice survives a reload', async ({ zendesk, openHelpdesk, openPanel }) => {
  void zendesk;
  const { tabId } = await openHelpdesk(`${TICKET}/1201`);
  const panel = await openPanel(tabId);
  const sw = panel.getByTestId('lang-switch');
  await expect(sw).toHaveValue('en'); // the browser's language
  await expect(panel.locator('#type-h')).toHaveText('Client type');
  await expect(panel.getByTestId('client-type')).toHaveText('Extortionist');
  await expect(panel.locator('#notes-h')).toHaveText('Private notes');
  // The client writes in Russian: phrases are Russian, whatever the panel's language.
  await expect(panel.getByTestId('reply-lang')).toHaveAttribute('data-lang', 'ru');
  await expect(panel.getByTestId('phrase').first()).toContainText('Виктория, спасибо');
  const count = Number((await panel.getByTestId('message-count').textContent())!.match(/^(\d+) messages?$/)![1]);
  await expect(panel.getByTestId('message-count')).toHaveText(count === 1 ? '1 message' : `${count} messages`);

  await sw.selectOption('ru');
  // Counted words agree with their number, as Russian wants it («2 сообщения», «5 сообщений»).
  const form = { one: 'сообщение', few: 'сообщения', many: 'сообщений', other: 'сообщения' }[new Intl.PluralRules('ru').select(count) as 'one'];
  await expect(panel.getByTestId('message-count')).toHaveText(`${count} ${form}`);
  await expect(panel.locator('.panel')).toHaveAttribute('lang', 'ru');
  await expect(panel.locator('#type-h')).toHaveText('Типаж клиента');
  await expect(panel.getByTestId('client-type')).toHaveText('Вымогатель');
  await expect(panel.locator('#notes-h')).toHaveText('Личные заметки');
  await expect(panel.locator('#boundaries-h')).toHaveText('Границы');
  await expect(panel.getByTestId('clients-button')).toHaveText('Клиенты');
  await expect(panel.getByTestId('type-confidence')).toHaveText(/^(Почти наверняка|Вероятно|Возможно|Не уверен) · /);
  // Phrases still in the client's language; the agent can switch this client to English, and it is kept.
  await expect(panel.getByTestId('phrase').first()).toContainText('Виктория, спасибо');
  await panel.getByTestId('reply-lang-switch').click();
  await expect(panel.getByTestId('reply-lang')).toHaveAttribute('data-source', 'agent');
  await expect(panel.getByTestId('phrase').first()).toContainText('Hello Виктория');
  await expect(panel.getByTestId('top-boundary')).toContainText('Никаких компенсаций');

  await panel.reload();
  await expect(sw).toHaveValue('ru');
  await expect(panel.locator('#type-h')).toHaveText('Типаж клиента');
  await expect(panel.getByTestId('phrase').first()).toContainText('Hello Виктория');
  await panel.getByTestId('reply-lang-auto').click();
  await expect(panel.getByTestId('phrase').first()).toContainText('Виктория, спасибо');
  // Another panel (another window) opens in Russian too.
  const other = await openPanel(tabId);
  await expect(other.getByTestId('client-type')).toHaveText('Вымогатель');

  await sw.selectOption('en');
  await expect(panel.getByTestId('client-type')).toHaveText('Extortionist');
  await panel.reload();
  await expect(sw).toHaveValue('en');
  await expect(panel.locator('#segment-h')).toHaveText('Service level and stage');
});

test('states: no client outside the helpdesk, reading then an error for a missing ticket, the API refused, a new client', async ({
  ext,
  zendesk,
  openHelpdesk,
  openPanel,
}) => {
  // A tab outside the helpdesk.
  const other = await ext.context.newPage();
  await other.goto('data:text/html,<h1>not a helpdesk</h1>');
  const bare = await openPanel(await tabIdOf(ext, 'data:text/html'));
  await expect(bare.getByTestId('no-client')).toContainText('No client on this tab');
  await expect(bare.getByTestId('client-type')).toHaveCount(0);

  // A ticket that does not exist: "reading" while the page is read, then an error that says so.
  const missing = await openHelpdesk(`${TICKET}/9999`);
  const missingPanel = await openPanel(missing.tabId);
  await expect(missingPanel.getByTestId('reading')).toBeVisible();
  await expect(missingPanel.getByTestId('page-error')).toBeVisible({ timeout: 15_000 });
  await expect(missingPanel.getByTestId('page-error')).toContainText('Could not read this page');

  // The API answers 403: the client is read from the page, and the panel says so.
  zendesk.setOverride(({ path }) => (path.startsWith('/api/v2/tickets/1205') ? { status: 403, body: { error: 'Forbidden' } } : undefined));
  const refused = await openHelpdesk(`${TICKET}/1205`);
  const refusedPanel = await openPanel(refused.tabId);
  await expect(refusedPanel.getByTestId('client-name')).toHaveText('Ольга Миронова');
  await expect(refusedPanel.getByTestId('api-refused')).toContainText('The helpdesk API refused');
  await expect(refusedPanel.getByTestId('read-via')).toContainText('read from the page');

  // A client seen for the first time: no notes, nothing changed, one visit.
  zendesk.setOverride(undefined);
  const fresh = await openHelpdesk(`${TICKET}/1206`);
  const freshPanel = await openPanel(fresh.tabId);
  await expect(freshPanel.getByTestId('client-name')).toHaveText('Thomas Whitfield');
  await expect(freshPanel.getByTestId('api-refused')).toHaveCount(0);
  await expect(freshPanel.getByTestId('notes-empty')).toHaveText('No notes yet.');
  await expect(freshPanel.getByTestId('visit-count')).toHaveText('1');
  await expect(freshPanel.getByTestId('history-point')).toHaveCount(1);
  await openDetails(freshPanel.locator('details.audit'));
  await expect(freshPanel.locator('details.audit')).toContainText('Nothing changed by hand yet.');
});

test('above the fold at 360 × 800, in both languages: the client, the type, the top boundary and three phrases', async ({
  zendesk,
  openHelpdesk,
  openPanel,
}) => {
  void zendesk;
  const { tabId } = await openHelpdesk(`${TICKET}/1201`);
  const panel = await openPanel(tabId);
  await panel.setViewportSize({ width: 360, height: 800 });
  await expect(panel.getByTestId('client-type')).toHaveAttribute('data-type', 'extortionist');
  for (const lang of ['en', 'ru']) {
    await panel.getByTestId('lang-switch').selectOption(lang);
    for (const id of ['client-name', 'client-type', 'top-boundary']) {
      const box = await panel.getByTestId(id).boundingBox();
      expect(box && box.y + box.height, `${id} (${lang})`).toBeLessThanOrEqual(800);
    }
    const third = await panel.getByTestId('phrase').nth(2).boundingBox();
    expect(third && third.y + third.height, `third phrase (${lang})`).toBeLessThanOrEqual(800);
  }
});

test('layout: a very long name, email and quote wrap inside 360 px, in the tab view and in the client list', async ({ zendesk, openHelpdesk, openPanel }) => {
  const fixture = (rel: string) => resolve(import.meta.dirname, '../fixtures/zendesk/api', rel);
  const longName = 'Виктория-Александра-Констанция Лебедева-Римская-Корсакова-Оболенская-Трубецкая';
  const longEmail = 'viktoria.aleksandra.konstanciya.lebedeva-rimskaya-korsakova@severny-veter-coffee-roasters.example';
  const longWord = 'https://instagram.com/' + 'coffee_blog_viktoria_'.repeat(8);
  zendesk.setOverride(({ path, url }) => {
    if (path === '/api/v2/tickets/1201.json') {
      const body = JSON.parse(readFileSync(fixture('tickets/1201.json'), 'utf8').replaceAll('{{origin}}', url.origin));
      for (const u of body.users) if (u.id === body.ticket.requester_id) Object.assign(u, { name: longName, email: longEmail });
      return { status: 200, body };
    }
    if (path === '/api/v2/tickets/1201/comments.json') {
      const body = JSON.parse(readFileSync(fixture('tickets/1201/comments.json'), 'utf8').replaceAll('{{origin}}', url.origin));
      const c = body.comments[0];
      // The client's strongest words first, each beside the long word, so the quotes around them carry it.
      c.body = c.plain_body = `${longWord} скидку ${longWord} компенсацию ${longWord} подписчиков ${longWord} бонусы ${longWord} ${c.body}`;
      c.html_body = `<p>${c.body}</p>`;
      return { status: 200, body };
    }
    return undefined;
  });
  const { tabId } = await openHelpdesk(`${TICKET}/1201`);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('client-name')).toHaveText(longName);
  await expect(panel.getByTestId('type-evidence')).toContainText('coffee_blog_viktoria_');

  const overflow = () =>
    panel.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      // Any element whose right edge passes the window's.
      wide: [...document.querySelectorAll('.panel *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5 && e.getClientRects().length > 0)
        .map(
          (e) =>
            `${e.tagName.toLowerCase()}.${e.className}${e.getAttribute('data-testid') ? `#${e.getAttribute('data-testid')}` : ''}${e.parentElement?.className ? ` in .${e.parentElement.className}` : ''}`,
        )
        .slice(0, 5),
    }));
  expect(await overflow()).toEqual({ page: 360, wide: [] });
  // Body text is the panel's 14 px, not Chrome's 75 % default for extension pages (10.5 px).
  expect(
    await panel
      .getByTestId('phrase')
      .first()
      .locator('.phrase__text')
      .evaluate((e) => getComputedStyle(e).fontSize),
  ).toBe('14px');
  await panel.getByTestId('phrases-more').click();
  await openDetails(panel.getByTestId('draft-check'));
  await panel.getByTestId('draft-input').fill(`${longWord} скидка 30%`);
  await openDetails(panel.getByTestId('profile'));
  await openDetails(panel.locator('details.audit'));
  expect(await overflow()).toEqual({ page: 360, wide: [] });

  // Firefox's sidebar is 252 px wide by default: nothing cut off or scrolling sideways there either, in both languages.
  await panel.setViewportSize({ width: 252, height: 800 });
  expect(await overflow()).toEqual({ page: 252, wide: [] });
  await panel.getByTestId('lang-switch').selectOption('ru');
  expect(await overflow()).toEqual({ page: 252, wide: [] });
  await panel.getByTestId('lang-switch').selectOption('en');
  await panel.setViewportSize({ width: 360, height: 800 });

  await panel.getByTestId('clients-button').click();
  await expect(panel.getByTestId('client-result')).toContainText(longName);
  expect(await overflow()).toEqual({ page: 360, wide: [] });
  await panel.getByTestId('client-result').click();
  await expect(panel.getByTestId('client-name')).toHaveText(longName);
  expect(await overflow()).toEqual({ page: 360, wide: [] });
});
