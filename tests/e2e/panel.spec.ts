import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { tabStateKey } from '../../core/messages/page-report';
import type { Launched } from '../support/launch';
import { navigateInApp, tabIdOf } from '../support/pages';
import { allRecords, clientRecord, countRecords, generateClients, noteRecord, seedClients, visitRecords } from '../support/seed';
import { storedVisit } from '../../core/store/visits';
import { storedNote } from '../../core/store/notes';
import { openBarePanel } from '../support/client-list';
import { expect, test } from './fixtures';

/**
 * The side panel for all-day use, on the production build with the fake Zendesk: notes, profile, overrides
 * and the audit trail, the 90-day history, client search over 10,000 dossiers, the draft check, keyboard use,
 * RU/EN, empty/loading/error states and the 360 px layout.
 */

const TICKET = 'https://acme.zendesk.com/agent/tickets';
const DAY = 86_400_000;
/** Requesters of the demo tickets, as dossier keys (`source:account:userId`). */
const KEY = {
  daniel: 'zendesk:acme:38156690203412', // 1202, tester, EN
  megan: 'zendesk:acme:38156690203507', // 1203, impatient, EN
};
const AGENT = 'Анна Смирнова'; // users/me.json: the agent who makes every change in these tests

/** Waits until the background has saved a fresh read of the tab's client (so the dossier write is done). */
async function waitForFreshRead(ext: Launched, tabId: number, since: number) {
  await expect
    .poll(() =>
      ext.worker.evaluate(async (key) => {
        const s = (await chrome.storage.session.get(key))[key] as { state?: string; updatedAt?: number } | undefined;
        return s?.state === 'client' ? (s.updatedAt ?? 0) : 0;
      }, tabStateKey(tabId)),
    )
    .toBeGreaterThan(since);
}

async function addNote(panel: Page, text: string) {
  const before = await panel.getByTestId('note').count();
  await panel.getByTestId('note-input').fill(text);
  await panel.getByTestId('note-add').click();
  await expect(panel.getByTestId('note')).toHaveCount(before + 1);
  await expect(panel.getByTestId('note-input')).toHaveValue('');
}

const openDetails = (details: Locator) => details.locator(':scope > summary').click();

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

test('the history chart shows one point per visit in the last 90 days; a visit is one per client, ticket and day', async ({ ext, zendesk, openPanel }) => {
  void zendesk;
  // Megan Price was seen before: three tickets on three days, two tickets on one day, and one visit too old to show.
  const bare = await openBarePanel(ext);
  const now = Date.now();
  const visits = visitRecords(
    KEY.megan,
    [
      { daysAgo: 120, ticketId: '1001', type: 'undecided', confidence: 0.4, stage: 'first-buyer' },
      { daysAgo: 80, ticketId: '1050', type: 'undecided', confidence: 0.5, stage: 'first-buyer' },
      { daysAgo: 45, ticketId: '1101', type: 'impatient', confidence: 0.6, stage: 'regular' },
      { daysAgo: 45, ticketId: '1102', type: 'complainer', confidence: 0.45, stage: 'regular' },
      { daysAgo: 10, ticketId: '1190', type: 'impatient', confidence: 0.7, stage: 'regular' },
    ],
    now,
  ).map(storedVisit);
  await seedClients(bare, [
    clientRecord({
      key: KEY.megan,
      name: 'Megan Price',
      email: 'megan.price@example.com',
      firstSeen: now - 120 * DAY,
      lastSeen: now - 10 * DAY,
      visitCount: 5,
      visits,
    }),
  ]);
  expect(await countRecords(bare, 'visits')).toBe(5);

  const helpdesk = await ext.context.newPage();
  await helpdesk.goto(`${TICKET}/1203`);
  const tabId = await tabIdOf(ext, '/tickets/1203');
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('client-name')).toHaveText('Megan Price');
  // Today's visit is the sixth; five of them are within 90 days.
  await expect(panel.getByTestId('visit-count')).toHaveText('6');
  const points = panel.getByTestId('history-point');
  await expect(points).toHaveCount(5);
  await expect(panel.getByTestId('history-chart')).toHaveAttribute('aria-label', /5 visits in the last 90 days/);
  // Oldest first, left to right; the two tickets of one day share a day (x) but keep their own types (rows).
  const xs = await points.evaluateAll((els) => els.map((e) => Number(e.getAttribute('cx'))));
  expect(xs).toEqual([...xs].sort((a, b) => a - b));
  // The chart is 320 units wide with 8 of padding: a visit d days ago sits at 8 + (90 - d) / 90 × 304.
  const xOf = (daysAgo: number) => 8 + ((90 - daysAgo) / 90) * 304;
  [80, 45, 45, 10, 0].forEach((d, i) => expect(Math.abs(xs[i]! - xOf(d)), `point ${i}`).toBeLessThan(1.5));
  expect(await points.evaluateAll((els) => els.map((e) => e.getAttribute('data-type')))).toEqual([
    'undecided',
    'impatient',
    'complainer',
    'impatient',
    'impatient',
  ]);
  const ys = await points.evaluateAll((els) => els.map((e) => Number(e.getAttribute('cy'))));
  expect(ys[1]).not.toBe(ys[2]);
  // Today's point carries what the panel said today (the panel writes what it showed into the visit).
  await expect(points.last()).toHaveAttribute('data-stage', /.+/);
  // Read without hovering: a colour per type (the legend names them), dates along the bottom.
  const fills = await points.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-type')}=${getComputedStyle(e).fill}`));
  const colourOf = new Map(fills.map((f) => f.split('=') as [string, string]));
  expect(new Set(colourOf.values()).size).toBe(colourOf.size);
  const legend = panel.getByTestId('history-legend').locator('li');
  expect(await legend.evaluateAll((els) => els.map((e) => e.getAttribute('data-type')))).toEqual(['impatient', 'undecided', 'complainer', 'stage']);
  await expect(legend.first()).toHaveText('Want-it-all-now');
  const axis = panel.getByTestId('history-axis').locator('text');
  await expect(axis).toHaveCount(3);
  await expect(axis.last()).toHaveText('today');
  await expect(axis.first()).toHaveText(new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' }).format(now - 90 * DAY));

  // The same ticket again today (a reload, then in-app navigation away and back): still one visit for today.
  const before = Date.now();
  await helpdesk.reload();
  await waitForFreshRead(ext, tabId, before);
  await navigateInApp(helpdesk, '/agent/tickets/1202');
  await expect(panel.getByTestId('client-name')).toHaveText('Daniel Okafor');
  await navigateInApp(helpdesk, '/agent/tickets/1203');
  await expect(panel.getByTestId('client-name')).toHaveText('Megan Price');
  await panel.reload();
  await expect(panel.getByTestId('history-point')).toHaveCount(5);
  await expect(panel.getByTestId('visit-count')).toHaveText('6');
  expect(await countRecords(panel, 'visits')).toBe(7); // Megan's six and Daniel's one
});

test('client search finds one client among 10,000 dossiers as you type, and opens the dossier without a helpdesk tab', async ({ ext }) => {
  test.setTimeout(120_000);
  const panel = await openBarePanel(ext);
  const now = Date.now();
  const crowd = generateClients(10_000, now);
  const target = clientRecord(
    {
      key: 'zendesk:acme:777000111',
      name: 'Олеся Квятковская',
      email: 'O.Kvyatkovskaya@Brewly-Partners.example',
      phone: '8 (916) 555-01-42',
      organization: 'Кофейня «Зерно»',
      tags: ['оптовик'],
      firstSeen: now - 400 * DAY,
      lastSeen: now - 3 * DAY,
      visitCount: 7,
      visits: visitRecords(
        'zendesk:acme:777000111',
        [400, 300, 200, 120, 60, 30, 3].map((daysAgo, i) => ({ daysAgo, ticketId: String(9000 + i) })),
        now,
      ).map(storedVisit),
      lastSubject: 'Партия зерна для кофейни',
    },
    now,
  );
  const note = noteRecord(target.key, 'Закупает для трёх кофеен; счёт — только на юрлицо', { pinned: true, at: now - 3 * DAY });
  await seedClients(panel, [...crowd.slice(0, 5000), { ...target, notes: [storedNote(note)] }, ...crowd.slice(5000)]);
  expect(await countRecords(panel, 'clients')).toBe(10_001);

  await panel.getByTestId('clients-button').click();
  const search = panel.getByTestId('client-search');
  await expect(search).toBeFocused();
  const results = panel.getByTestId('client-result');
  // No query: the 50 most recently seen.
  await expect(results).toHaveCount(50);

  // Typed letter by letter: every keystroke searches; the answer for the last one wins.
  await search.pressSequentially('квятк', { delay: 30 });
  let typedAt = Date.now();
  await expect(results).toHaveCount(1);
  const firstMs = Date.now() - typedAt;
  await expect(results.first()).toContainText('Олеся Квятковская');
  // A common surname (200 dossiers) narrowed by a first name: one input event, timed to the new list.
  typedAt = Date.now();
  await search.fill('whitlock olga');
  await expect(results).toHaveCount(4);
  const narrowMs = Date.now() - typedAt;
  test.info().annotations.push({ type: 'search over 10,000 dossiers', description: `${firstMs} ms (prefix), ${narrowMs} ms (two words)` });
  expect(firstMs, 'the result appears within a second').toBeLessThan(1000);
  expect(narrowMs, 'the result appears within a second').toBeLessThan(1000);

  // Other ways in: phone digits (typed as written anywhere), email, tag; and two common words narrow each other.
  for (const query of ['555-01-42', '+79165550142', '9165550142', 'o.kvyatkovskaya', 'brewly-partners.example', 'оптовик', 'олеся зерно']) {
    await search.fill(query);
    await expect(results, query).toHaveCount(1);
    await expect(results.first(), query).toHaveAttribute('data-key', target.key);
  }
  await search.fill('Olga Whitlock');
  await expect(results).toHaveCount(4); // 2,500 distinct names over 10,000 dossiers
  await expect(results).toHaveText([/Olga Whitlock/, /Olga Whitlock/, /Olga Whitlock/, /Olga Whitlock/]);
  await search.fill('Квятковская Daniel');
  await expect(panel.getByTestId('clients-empty')).toHaveText('No client matches.');

  await search.fill('Квятковская');
  await results.first().click();
  await expect(panel.getByTestId('client-name')).toHaveText('Олеся Квятковская');
  await expect(panel.getByTestId('client-email')).toHaveText('O.Kvyatkovskaya@Brewly-Partners.example');
  await expect(panel.getByTestId('client-org')).toHaveText('Кофейня «Зерно»');
  await expect(panel.getByTestId('note')).toHaveText(/Закупает для трёх кофеен/);
  await expect(panel.getByTestId('visit-count')).toHaveText('7');
  await expect(panel.getByTestId('tags')).toContainText('оптовик');
  // No helpdesk tab, so no type or phrases — but the dossier can be edited here.
  await expect(panel.getByTestId('client-type')).toHaveCount(0);
  await addNote(panel, 'Звонила сама, без тикета');
  await expect(panel.getByTestId('note')).toHaveCount(2);
  // "← Clients" goes back to the list, with the query kept.
  await expect(panel.getByTestId('back')).toHaveText('← Clients');
  await panel.getByTestId('back').click();
  await expect(search).toHaveValue('Квятковская');
  await expect(results).toHaveCount(1);
});

test('a phone number typed the way people write it (spaces, a leading 8) finds the client', async ({ ext }) => {
  const panel = await openBarePanel(ext);
  await seedClients(panel, [clientRecord({ key: 'zendesk:acme:1', name: 'Олеся Квятковская', phone: '8 (916) 555-01-42' }), ...generateClients(50)]);
  await panel.getByTestId('clients-button').click();
  for (const query of ['8 916 555 01 42', '89165550142', '916 555 01 42']) {
    await panel.getByTestId('client-search').fill(query);
    await expect(panel.getByTestId('client-result'), query).toHaveText([/Олеся Квятковская/], { timeout: 3000 });
  }
});

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
