/**
 * `npm run demo`: opens Chromium with the built extension on a bundled demo Zendesk account
 * (https://demo.zendesk.com, served from tests/fixtures/zendesk; nothing goes to the network).
 *   npm run demo                          a browser window; the side panel opens beside the ticket
 *   npm run demo -- --screenshot out.png  headless: writes a PNG of the ticket with the side panel
 *   npm run demo -- --ticket 1202         start on another demo ticket (1201–1206)
 */
import type { Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchWithExtension, type Launched } from '../support/launch';
import { openHelpdeskPage, openPanelPage } from '../support/pages';
import { routeZendesk } from '../support/zendesk-routes';

const { values } = parseArgs({
  options: {
    screenshot: { type: 'string' },
    ticket: { type: 'string', default: '1201' },
    lang: { type: 'string' },
  },
});

async function openRealSidePanel(ext: Launched, page: Page) {
  // A click on the toolbar button, as CDP sees it: opens the real side panel next to the tab.
  const cdp = await ext.context.browser()!.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as { targetInfos: { targetId: string; url: string }[] };
  const tab = targetInfos.find((t) => t.url === page.url());
  if (tab) await cdp.send('Extensions.triggerAction' as never, { id: ext.extensionId, targetId: tab.targetId } as never);
}

async function screenshotSideBySide(ext: Launched, page: Page, panel: Page, out: string) {
  await panel.waitForSelector('[data-testid="client-name"]', { timeout: 15_000 });
  await page.waitForTimeout(300);
  const left = (await page.screenshot()).toString('base64');
  const right = (await panel.screenshot({ fullPage: false })).toString('base64');
  const sheet = await ext.context.newPage();
  await sheet.setViewportSize({ width: 1280 + 360, height: 900 });
  await sheet.setContent(
    `<body style="margin:0;display:flex;background:#ccc"><img src="data:image/png;base64,${left}" style="width:1280px;height:900px;object-fit:cover;object-position:top left"><img src="data:image/png;base64,${right}" style="width:360px;height:900px;border-left:1px solid #999"></body>`,
  );
  writeFileSync(out, await sheet.screenshot());
}

async function main() {
  const headless = !!values.screenshot || !process.env.DISPLAY;
  const ext = await launchWithExtension({ headless, width: 1280, height: 900 });
  await routeZendesk(ext.context);
  if (values.lang === 'ru' || values.lang === 'en') {
    await ext.worker.evaluate((lang) => chrome.storage.local.set({ 'settings.lang': lang }), values.lang);
  }
  const { page, tabId } = await openHelpdeskPage(ext, `https://demo.zendesk.com/agent/tickets/${values.ticket}`);
  if (values.screenshot) {
    const panel = await openPanelPage(ext, tabId, 360);
    await panel.setViewportSize({ width: 360, height: 900 });
    await page.bringToFront();
    const out = resolve(values.screenshot);
    await screenshotSideBySide(ext, page, panel, out);
    console.log(`Wrote ${out}`);
    await ext.close();
    return;
  }
  if (headless) {
    console.log('No display: run `npm run demo -- --screenshot out.png` to get a picture of the demo.');
    await ext.close();
    return;
  }
  await openRealSidePanel(ext, page).catch((e: unknown) => console.warn('Open the side panel with the Tipazh toolbar button:', e));
  console.log('Demo running: switch tickets from the Views page or the tabs on top. Close the browser to stop.');
  await new Promise((done) => ext.context.on('close', done));
  await ext.close();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
