import { navigateInApp } from '../support/pages';
import { expect, test } from './fixtures';
import { openDetails, TICKET } from '../support/panel-steps';

/* The draft check (pasted or read from the reply box) and keyboard-only use of the panel. On the production build with the fake Zendesk. */

test('the draft check flags a conflicting reply and passes a good one, for the extortionist and the impatient client', async ({
  zendesk,
  openHelpdesk,
  openPanel,
}) => {
  void zendesk;
  const { page, tabId } = await openHelpdesk(`${TICKET}/1201`);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('client-type')).toHaveAttribute('data-type', 'extortionist');
  await openDetails(panel.getByTestId('draft-check'));
  const draft = panel.getByTestId('draft-input');
  const warnings = panel.getByTestId('draft-warnings');

  await draft.fill('Виктория, в качестве исключения дадим вам скидку 30% на этот заказ.');
  await expect(warnings.locator('li')).toHaveCount(1);
  await expect(warnings.locator('li')).toHaveAttribute('data-rule', 'perk-too-big');
  await expect(warnings).toContainText('A 30% perk is above what our goodwill allows (10%)');
  await expect(panel.getByTestId('draft-ok')).toHaveCount(0);

  await draft.fill('Виктория, я проверила заказ №78412: он передан в доставку, трек-номер пришлю сегодня до 18:00.');
  await expect(panel.getByTestId('draft-ok')).toBeVisible();
  await expect(warnings).toHaveCount(0);

  // Another client in the same tab: the draft written for Viktoria is not checked against Megan's type.
  await navigateInApp(page, '/agent/tickets/1203');
  await expect(panel.getByTestId('client-type')).toHaveAttribute('data-type', 'impatient');
  await openDetails(panel.getByTestId('draft-check'));
  await expect(draft).toHaveValue('');
  await expect(panel.getByTestId('draft-ok')).toHaveCount(0);

  const long =
    'Hi Megan, thank you for your patience. ' +
    'I have looked into your order history in detail and wanted to walk you through everything that happened, step by step, so nothing is left unclear. '.repeat(
      4,
    ) +
    'Your refund is on its way.';
  expect(long.length).toBeGreaterThan(500);
  await draft.fill(long);
  await expect(warnings.locator('li')).toHaveAttribute('data-rule', 'too-long');
  await expect(warnings).toContainText(`Too long for this client (${long.length} characters; keep it under 500)`);

  await draft.fill('Megan, your refund of $42 went out today; you will see it in 3–5 days. New password link: sent.');
  await expect(panel.getByTestId('draft-ok')).toBeVisible();
});

test('the draft check reads the reply already typed in the helpdesk (nothing sent) and catches a perk offered for taking a review down', async ({
  zendesk,
  openHelpdesk,
  openPanel,
}) => {
  void zendesk;
  const { page, tabId } = await openHelpdesk(`${TICKET}/1201`);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('client-type')).toHaveAttribute('data-type', 'extortionist');
  await openDetails(panel.getByTestId('draft-check'));
  // Empty reply box: the panel says so.
  await panel.getByTestId('draft-read').click();
  await expect(panel.getByTestId('draft-read-status')).toHaveText('The reply box is empty.');
  // The agent types in Zendesk's own reply box (the active ticket's), then asks the panel to read it.
  const box = page.locator('[data-test-id="ticket-1201-standard-layout"] [data-test-id="omnicomposer-rich-text-ckeditor"]');
  await box.click();
  await page.keyboard.type('Виктория, дадим вам бонус 500 ₽, если вы удалите отзыв.');
  await panel.getByTestId('draft-read').click();
  await expect(panel.getByTestId('draft-input')).toHaveValue('Виктория, дадим вам бонус 500 ₽, если вы удалите отзыв.');
  const warnings = panel.getByTestId('draft-warnings').locator('li');
  await expect(warnings.first()).toHaveAttribute('data-rule', 'perk-for-review');
  await expect(warnings.first()).toContainText('The words: “удалите”.');
  // Reading took nothing out of the reply box.
  await expect(box).toHaveText('Виктория, дадим вам бонус 500 ₽, если вы удалите отзыв.');
});

test('keyboard only: Tab shows a focus ring, 1 inserts a phrase into the reply box, / searches, n starts a note, Escape goes back', async ({
  zendesk,
  openHelpdesk,
  openPanel,
}) => {
  void zendesk;
  const { page, tabId } = await openHelpdesk(`${TICKET}/1201`);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('client-type')).toHaveAttribute('data-type', 'extortionist');
  // Only the top 3 phrases are on screen until "more" is pressed.
  await expect(panel.getByTestId('phrase').filter({ visible: true })).toHaveCount(3);

  const focused = () =>
    panel.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const cs = getComputedStyle(el);
      return {
        id: el.dataset.testid ?? `${el.tagName.toLowerCase()}.${el.className}`,
        outline: cs.outlineStyle,
        width: parseFloat(cs.outlineWidth),
        color: cs.outlineColor,
        focusVisible: el.matches(':focus-visible'),
      };
    });
  const reached: string[] = [];
  for (let i = 0; i < 14; i++) {
    await panel.keyboard.press('Tab');
    const f = await focused();
    reached.push(f.id);
    expect(f.focusVisible, f.id).toBe(true);
    expect(f.outline, `outline of ${f.id}`).not.toBe('none');
    expect(f.width, `outline width of ${f.id}`).toBeGreaterThanOrEqual(2);
    expect(f.color, `outline colour of ${f.id}`).not.toMatch(/rgba\(.*, 0\)|transparent/);
  }
  expect(reached).toEqual(expect.arrayContaining(['clients-button', 'lang-switch', 'phrase-insert', 'phrase-copy']));
  // Hidden phrases (4–9) are not Tab stops.
  expect(reached.filter((id) => id === 'phrase-insert').length).toBeLessThanOrEqual(3);

  // `1` inserts the first phrase into the ticket's reply box, through the editor.
  await panel.keyboard.press('Escape'); // nothing to go back from: stays on the tab's client
  await expect(panel.getByTestId('client-type')).toBeVisible();
  const first = (await panel.getByTestId('phrase').first().locator('.phrase__text').textContent())!;
  await panel.keyboard.press('1');
  await expect(panel.getByTestId('phrase-status')).toContainText('Inserted');
  await expect.poll(() => page.evaluate(() => (window as unknown as { __ckInsertions: string[] }).__ckInsertions)).toEqual([first]);

  // `/` opens the client search with the caret in it; Escape goes back.
  await panel.keyboard.press('/');
  await expect(panel.getByTestId('client-search')).toBeFocused();
  await expect(panel.getByTestId('client-search')).toHaveValue(''); // the slash was not typed into it
  await panel.keyboard.type('Виктория');
  await expect(panel.getByTestId('client-result')).toHaveCount(1);
  await panel.keyboard.press('Tab');
  await expect(panel.getByTestId('client-result')).toBeFocused();
  await panel.keyboard.press('Enter');
  await expect(panel.getByTestId('back')).toBeVisible();
  await expect(panel.getByTestId('client-name')).toHaveText('Виктория Лебедева');
  await panel.keyboard.press('Escape');
  await expect(panel.getByTestId('client-type')).toBeVisible();
  await expect(panel.getByTestId('client-search')).toHaveCount(0);

  // `n` puts the caret in the note box; keys typed there are text, not shortcuts.
  await panel.keyboard.press('n');
  await expect(panel.getByTestId('note-input')).toBeFocused();
  await panel.keyboard.type('n1/ note by keyboard');
  await expect(panel.getByTestId('note-input')).toHaveValue('n1/ note by keyboard');
  expect(await page.evaluate(() => (window as unknown as { __ckInsertions: string[] }).__ckInsertions)).toHaveLength(1);
  await expect(panel.getByTestId('client-search')).toHaveCount(0);
  await panel.keyboard.press('Control+Enter');
  await expect(panel.getByTestId('note')).toHaveText(/n1\/ note by keyboard/);

  // The same ring in dark mode.
  await panel.emulateMedia({ colorScheme: 'dark' });
  await panel.getByTestId('lang-switch').focus();
  await panel.keyboard.press('Shift+Tab');
  const dark = await focused();
  expect(dark.id).toBe('clients-button');
  expect(dark.outline).not.toBe('none');
  expect(dark.color).toBe('rgb(143, 179, 255)');
});
