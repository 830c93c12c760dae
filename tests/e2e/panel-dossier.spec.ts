import { navigateInApp } from '../support/pages';
import { allRecords } from '../support/seed';
import { expect, test } from './fixtures';
import { addNote, AGENT, KEY, openDetails, TICKET, waitForFreshRead } from '../support/panel-steps';

/* The dossier in the side panel: notes, tags from two panels, unsaved drafts, the profile, overrides and the audit trail. On the production build with the fake Zendesk. */

test('notes: add, edit, pin (pinned goes first), delete, and all of it survives a reload', async ({ zendesk, openHelpdesk, openPanel }) => {
  void zendesk;
  const { tabId } = await openHelpdesk(`${TICKET}/1202`);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('client-name')).toHaveText('Daniel Okafor');
  await expect(panel.getByTestId('notes-empty')).toBeVisible();
  const notes = panel.getByTestId('note');

  await addNote(panel, 'Alpha: prefers email');
  await addNote(panel, 'Beta: runs the beta builds');
  await addNote(panel, 'Gamma: to be deleted');
  // Newest first.
  await expect(notes).toHaveText([/^Gamma/, /^Beta/, /^Alpha/]);
  await expect(panel.getByTestId('notes-empty')).toHaveCount(0);

  // Edit: the text changes in place.
  await notes.nth(1).getByTestId('note-edit').click();
  await notes.nth(1).getByTestId('note-edit-input').fill('Beta: runs the beta builds on Android 14');
  await notes.nth(1).getByTestId('note-save').click();
  await expect(notes.nth(1).locator('.notes__text')).toHaveText('Beta: runs the beta builds on Android 14');

  // Pin the oldest: it goes first, above newer notes.
  await notes.nth(2).getByTestId('note-pin').click();
  await expect(notes).toHaveText([/^Alpha/, /^Gamma/, /^Beta/]);
  await expect(notes.nth(0)).toHaveAttribute('data-pinned', 'true');
  await expect(notes.nth(0).getByTestId('note-pin')).toHaveText('Unpin');
  // The audit trail says who pinned which note, and shows the unchanged text once, not struck through.
  await openDetails(panel.locator('details.audit'));
  const pinned = panel.getByTestId('audit-entry').and(panel.locator('[data-field="note pinned"]'));
  await expect(pinned).toContainText(`${AGENT} · Note pinned: Alpha: prefers email`);
  await expect(pinned.locator('.audit__old')).toHaveCount(0);
  await expect(panel.getByTestId('audit-entry').and(panel.locator('[data-field="note"]')).locator('.audit__old')).toHaveText('Beta: runs the beta builds');

  // Delete.
  await notes.filter({ hasText: 'Gamma' }).getByTestId('note-delete').click();
  await expect(notes).toHaveText([/^Alpha/, /^Beta/]);

  await panel.reload();
  await expect(notes).toHaveText([/^Alpha: prefers email/, /^Beta: runs the beta builds on Android 14/]);
  await expect(notes.nth(0)).toHaveAttribute('data-pinned', 'true');
  await expect(notes.nth(1)).toHaveAttribute('data-pinned', 'false');

  // Unpin: back to newest first.
  await notes.nth(0).getByTestId('note-pin').click();
  await expect(notes).toHaveText([/^Beta/, /^Alpha/]);
});

test('two panels on one client, each adding 80 tags at once: all 160 are stored, and the audit trail has each one', async ({
  zendesk,
  openHelpdesk,
  openPanel,
}) => {
  test.setTimeout(120_000);
  void zendesk;
  const { tabId } = await openHelpdesk(`${TICKET}/1202`);
  const panels = [await openPanel(tabId), await openPanel(tabId)];
  for (const p of panels) await expect(p.getByTestId('client-name')).toHaveText('Daniel Okafor');
  const tagsOf = (i: number) => Array.from({ length: 80 }, (_, n) => `panel${i}-tag${n}`);
  const all = [...tagsOf(0), ...tagsOf(1)].sort();

  // Both agents type and press Enter as fast as they can, at the same time; neither waits for the other's tags to show.
  await Promise.all(
    panels.map(async (p, i) => {
      const input = p.getByTestId('tag-input');
      for (const tag of tagsOf(i)) {
        await input.fill(tag);
        await input.press('Enter');
      }
    }),
  );
  for (const p of panels) await expect(p.getByTestId('tags').locator('li')).toHaveCount(160);
  const dossier = (await allRecords<{ key: string; tags: string[] }>(panels[0]!, 'clients')).find((c) => c.key === KEY.daniel);
  expect(dossier?.tags.slice().sort()).toEqual(all);
  const added = (await allRecords<{ clientKey: string; field: string; to?: string }>(panels[0]!, 'audit')).filter(
    (a) => a.clientKey === KEY.daniel && a.field === 'tag added',
  );
  expect(added.map((a) => a.to).sort()).toEqual(all);
});

test('unsaved note and tag text is kept per client: back after a ticket switch and a panel reload, gone once saved', async ({
  ext,
  zendesk,
  openHelpdesk,
  openPanel,
}) => {
  void zendesk;
  const { page, tabId } = await openHelpdesk(`${TICKET}/1202`);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('client-name')).toHaveText('Daniel Okafor');
  const note = panel.getByTestId('note-input');
  const tag = panel.getByTestId('tag-input');
  await note.fill('Wants the beta build before Friday');
  await tag.fill('beta-tes');

  // Another ticket, another client: none of Daniel's text shows there.
  await navigateInApp(page, '/agent/tickets/1203');
  await expect(panel.getByTestId('client-name')).toHaveText('Megan Price');
  await expect(note).toHaveValue('');
  await expect(tag).toHaveValue('');
  await navigateInApp(page, '/agent/tickets/1202');
  await expect(panel.getByTestId('client-name')).toHaveText('Daniel Okafor');
  await expect(note).toHaveValue('Wants the beta build before Friday');
  await expect(tag).toHaveValue('beta-tes');

  await panel.reload();
  await expect(panel.getByTestId('client-name')).toHaveText('Daniel Okafor');
  await expect(note).toHaveValue('Wants the beta build before Friday');
  await expect(tag).toHaveValue('beta-tes');

  // Saved: the text is a note and a tag now, and no draft is left, in the panel or in storage.
  await panel.getByTestId('note-add').click();
  await expect(panel.getByTestId('note')).toHaveText([/^Wants the beta build before Friday/]);
  await tag.fill('beta-tester');
  await tag.press('Enter');
  await expect(panel.getByTestId('tags')).toContainText('beta-tester');
  await expect(note).toHaveValue('');
  await expect(tag).toHaveValue('');
  const drafts = () => ext.worker.evaluate(async () => Object.keys(await chrome.storage.session.get(null)).filter((k) => k.startsWith('draft:')));
  await expect.poll(drafts).toEqual([]);
  await panel.reload();
  await expect(panel.getByTestId('client-name')).toHaveText('Daniel Okafor');
  await expect(panel.getByTestId('note')).toHaveCount(1);
  await expect(note).toHaveValue('');
  await expect(tag).toHaveValue('');
});

test('profile: an edit survives a reload and a fresh page read; a prefilled field is marked until the agent edits it', async ({
  ext,
  zendesk,
  openHelpdesk,
  openPanel,
}) => {
  void zendesk;
  const { page, tabId } = await openHelpdesk(`${TICKET}/1201`);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('client-name')).toHaveText('Виктория Лебедева');
  await openDetails(panel.getByTestId('profile'));
  // Preferences first; the 26 marketing fields under one heading that says how much is known.
  await expect(panel.getByTestId('profile-preferences')).toBeVisible();
  await expect(panel.getByTestId('profile-age')).toBeHidden();
  await expect(panel.getByTestId('profile-marketing-summary')).toHaveText('Marketing profile: 2 of 26 known');
  await openDetails(panel.getByTestId('profile-marketing'));

  // The ticket came by email: the channel is prefilled from the helpdesk and marked so; an empty field is not.
  await expect(panel.getByTestId('profile-channels')).toHaveValue('email');
  await expect(panel.getByTestId('prefilled-channels')).toHaveText('from the helpdesk');
  // Her Zendesk user field "city" fills the region.
  await expect(panel.getByTestId('profile-region')).toHaveValue('Москва');
  await expect(panel.getByTestId('prefilled-region')).toHaveText('from the helpdesk');
  await expect(panel.getByTestId('profile-age')).toHaveValue('');
  await expect(panel.getByTestId('prefilled-age')).toHaveCount(0);

  await panel.getByTestId('profile-age').fill('34');
  await panel.getByTestId('profile-age').press('Enter');
  await panel.getByTestId('profile-preferences').fill('Только почта, после 18:00');
  await panel.getByTestId('profile-preferences').blur(); // saved on leaving the field, too
  await panel.getByTestId('profile-channels').fill('email, Instagram');
  await panel.getByTestId('profile-channels').press('Enter');
  // The agent's own value is no longer "from the helpdesk".
  await expect(panel.getByTestId('prefilled-channels')).toHaveCount(0);
  await expect(panel.getByTestId('audit-entry').filter({ hasText: 'Profile: Age' })).toHaveCount(1);

  await panel.reload();
  await openDetails(panel.getByTestId('profile'));
  await openDetails(panel.getByTestId('profile-marketing'));
  await expect(panel.getByTestId('profile-age')).toHaveValue('34');
  await expect(panel.getByTestId('profile-preferences')).toHaveValue('Только почта, после 18:00');
  await expect(panel.getByTestId('profile-channels')).toHaveValue('email, Instagram');
  await expect(panel.getByTestId('prefilled-channels')).toHaveCount(0);

  // The helpdesk page is read again: its "email" must not overwrite what the agent wrote.
  const before = Date.now();
  await page.reload();
  await waitForFreshRead(ext, tabId, before);
  await panel.reload();
  await openDetails(panel.getByTestId('profile'));
  await openDetails(panel.getByTestId('profile-marketing'));
  await expect(panel.getByTestId('profile-channels')).toHaveValue('email, Instagram');
  await expect(panel.getByTestId('prefilled-channels')).toHaveCount(0);
  await expect(panel.getByTestId('profile-age')).toHaveValue('34');
});

test('a service-level override with a reason is shown at once and kept in the audit trail (who, field, old → new)', async ({
  zendesk,
  openHelpdesk,
  openPanel,
}) => {
  void zendesk;
  const { tabId } = await openHelpdesk(`${TICKET}/1201`);
  const panel = await openPanel(tabId);
  // Automatic: she is VIP, tagged so in Zendesk.
  await expect(panel.getByTestId('service-level')).toHaveAttribute('data-level', 'lion-king');
  await expect(panel.getByTestId('service-level-reason')).toContainText('VIP — tagged in Zendesk');
  const audit = panel.locator('details.audit');
  await openDetails(audit);
  await expect(audit).toContainText('Nothing changed by hand yet.');

  await panel.getByText('Set the service level').click();
  await panel.getByTestId('level-override').selectOption('boss');
  await panel.getByTestId('level-reason').fill('Owner of a coffee chain');
  await panel.getByTestId('level-save').click();
  await expect(panel.getByTestId('service-level')).toHaveAttribute('data-level', 'boss');
  await expect(panel.getByTestId('service-level-reason')).toContainText('set by you');

  const entries = panel.getByTestId('audit-entry').and(panel.locator('[data-field="serviceLevel"]'));
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText(AGENT);
  await expect(entries.first().locator('.audit__old')).toHaveText('∅');
  await expect(entries.first()).toContainText('Service level: ∅ → Boss (Owner of a coffee chain)');

  // A second change records the old value.
  await panel.getByTestId('level-override').selectOption('pal');
  await panel.getByTestId('level-reason').fill('Not the owner after all');
  await panel.getByTestId('level-save').click();
  await expect(panel.getByTestId('service-level')).toHaveAttribute('data-level', 'pal');
  await expect(entries).toHaveCount(2);
  // Newest first.
  await expect(entries.first().locator('.audit__old')).toHaveText('Boss');
  await expect(entries.first()).toContainText('→ Pal (Not the owner after all)');

  // Kept across a reload; and "back to automatic" is audited too.
  await panel.reload();
  await expect(panel.getByTestId('service-level')).toHaveAttribute('data-level', 'pal');
  await panel.getByText('Set the service level').click();
  await panel.getByTestId('level-clear').click();
  await expect(panel.getByTestId('service-level')).toHaveAttribute('data-level', 'lion-king');
  await openDetails(panel.locator('details.audit'));
  await expect(entries).toHaveCount(3);
  await expect(entries.first().locator('.audit__old')).toHaveText('Pal');
});

test('a type override with a reason is shown at once and kept in the audit trail (who, field, old → new)', async ({ zendesk, openHelpdesk, openPanel }) => {
  void zendesk;
  const { tabId } = await openHelpdesk(`${TICKET}/1201`);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('client-type')).toHaveAttribute('data-type', 'extortionist');

  await panel.getByText('Not right? Set the type').click();
  await panel.getByTestId('override-type').selectOption('complainer');
  await panel.getByTestId('override-reason').fill('She complains, she does not bargain');
  await panel.getByTestId('override-save').click();
  await expect(panel.getByTestId('client-type')).toHaveAttribute('data-type', 'complainer');
  await expect(panel.getByTestId('type-confidence')).toHaveText('Set by you');
  await expect(panel.locator('.type__model')).toContainText('She complains, she does not bargain');

  await panel.reload();
  await expect(panel.getByTestId('client-type')).toHaveAttribute('data-type', 'complainer');
  await openDetails(panel.locator('details.audit'));
  const entry = panel.getByTestId('audit-entry').filter({ hasText: 'She complains, she does not bargain' });
  await expect(entry, 'the type override is in the audit trail').toHaveCount(1, { timeout: 3000 });
  await expect(entry).toContainText(AGENT);
  await expect(entry).toHaveText(/type/i);
  await expect(entry.locator('.audit__old')).toHaveText(/extortionist/i);
  await expect(entry).toContainText(/→.*complainer/i);
});
