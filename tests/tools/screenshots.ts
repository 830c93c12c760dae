/**
 * README screenshots of the side panel, 360 px wide, on demo ticket 1201 (the extortionist, RU).
 *
 *   npx wxt build && npx tsx tests/tools/screenshots.ts [outDir]
 *
 * Launches Chromium with the production build like the e2e tests (tests/support/launch.ts), serves the fake
 * Zendesk (routeZendesk), gives the client a little history (an older dossier with three visits, a pinned note,
 * a tag), then writes to tests/screenshots/:
 *   panel-en-light.png  panel-en-dark.png  panel-ru-light.png  panel-ru-dark.png   (the first screen, 360×900)
 *   panel-en-full.png                                                              (the whole panel, sections open)
 * The language is set through the panel's own switch; dark mode through prefers-color-scheme.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { launchWithExtension } from '../support/launch';
import { openHelpdeskPage, openPanelPage } from '../support/pages';
import { clientRecord, seedClients, visitRecords } from '../support/seed';
import { storedVisit } from '../../core/store/visits';
import { routeZendesk } from '../support/zendesk-routes';

const OUT = resolve(process.argv[2] ?? resolve(import.meta.dirname, '../screenshots'));
const KEY = 'zendesk:acme:38156690203345';
const DAY = 86_400_000;

async function settle(panel: Page) {
  await panel.getByTestId('client-type').waitFor();
  await panel.evaluate(() => document.fonts.ready);
  await panel.waitForTimeout(200);
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const ext = await launchWithExtension();
  try {
    await routeZendesk(ext.context);
    // A client seen before: a dossier from two months ago with three earlier visits, then today's ticket.
    const blank = await ext.context.newPage();
    await blank.goto(`chrome-extension://${ext.extensionId}/sidepanel.html`);
    await blank.getByTestId('no-client').waitFor();
    const now = Date.now();
    const visits = visitRecords(
      KEY,
      [
        { daysAgo: 62, ticketId: '1087', type: 'complainer', confidence: 0.55, stage: 'first-buyer', level: 'passer-by' },
        { daysAgo: 35, ticketId: '1140', type: 'extortionist', confidence: 0.62, stage: 'regular', level: 'passer-by' },
        { daysAgo: 12, ticketId: '1176', type: 'extortionist', confidence: 0.71, stage: 'regular', level: 'passer-by' },
      ],
      now,
    ).map(storedVisit);
    await seedClients(blank, [
      clientRecord({
        key: KEY,
        name: 'Виктория Лебедева',
        email: 'v.lebedeva@example.com',
        organization: 'ООО Северный ветер',
        firstSeen: now - 62 * DAY,
        lastSeen: now - 12 * DAY,
        visitCount: 3,
        visits,
      }),
    ]);
    await blank.close();

    const { tabId } = await openHelpdeskPage(ext, 'https://acme.zendesk.com/agent/tickets/1201');
    const panel = await openPanelPage(ext, tabId, 360);
    await panel.getByTestId('client-type').waitFor();
    await panel.getByTestId('note-input').fill('Coffee blogger, ~40k followers. Asked for compensation in October too — team lead approved 10 % then.');
    await panel.getByTestId('note-add').click();
    await panel.getByTestId('note-pin').first().click();
    await panel.getByTestId('tag-input').fill('blogger');
    await panel.getByTestId('tag-input').press('Enter');
    await panel.getByTestId('tags').getByText('blogger').waitFor();

    for (const lang of ['en', 'ru'] as const) {
      await panel.getByTestId('lang-switch').selectOption(lang);
      for (const scheme of ['light', 'dark'] as const) {
        await panel.emulateMedia({ colorScheme: scheme });
        await panel.evaluate(() => window.scrollTo(0, 0));
        await settle(panel);
        const file = resolve(OUT, `panel-${lang}-${scheme}.png`);
        await panel.screenshot({ path: file });
        console.log(file);
      }
    }

    // The whole panel in English, light, with the folded sections open and a draft being checked.
    await panel.getByTestId('lang-switch').selectOption('en');
    await panel.emulateMedia({ colorScheme: 'light' });
    await panel.getByTestId('draft-check').locator('summary').click();
    await panel.getByTestId('draft-input').fill('Viktoria, as an exception we can give you a 30% discount on this order.');
    await panel.getByTestId('draft-warnings').waitFor();
    await panel.locator('details.audit > summary').click();
    await panel.getByTestId('profile').locator(':scope > summary').click();
    await panel.getByTestId('type-alternatives').locator('summary').first().click();
    await settle(panel);
    const full = resolve(OUT, 'panel-en-full.png');
    await panel.screenshot({ path: full, fullPage: true });
    console.log(full);
  } finally {
    await ext.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
