/**
 * The Firefox build in a real Firefox (headless, over Marionette): an agent's session on the fixture Zendesk
 * and amoCRM, the panel, the real sidebar and the options page. The tests run in order on one browser; the
 * last two check the whole session (network and console).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { writesOf } from '../support/fixture-routes';
import { TEAM_SYNC_ON } from '../support/idb-put';
import { ZENDESK_CSRF_TOKEN } from '../support/zendesk-routes';
import { putRecordsHere } from './extension-db';
import { waitForTestId, textsOf } from './page-checks';
import { ADDON_ID, EXTENSION_ORIGIN, EXTENSION_UUID, startFirefoxSuite, type FirefoxSuite } from './start-suite';
import { poll } from './poll';
import { clickToolbarButton, openSidebar, reloadSidebar, sidebarIdOf, sidebarShowing, type SidebarLayout } from './sidebar';
import { openAsAgent, openPanelFor, type Tab } from './tabs';

const ZENDESK_TICKET = 'https://acme.zendesk.com/agent/tickets/1201';
/** Reached in the app from 1201: Daniel Okafor, a tester, tagged beta_tester and b2b in Zendesk. */
const DANIEL_TICKET = 'https://acme.zendesk.com/agent/tickets/1202';
const DANIEL = '38156690203412';
const AMO_LEAD = 'https://brewly.amocrm.ru/leads/detail/5001';
/** The reply box of the active ticket (1201), where the bridge inserts through CKEditor. */
const ZENDESK_COMPOSER = '[data-test-id="ticket-1201-standard-layout"][data-is-active="true"] [data-test-id="omnicomposer-rich-text-ckeditor"]';
const AMO_COMPOSER = '.feed-compose__message[contenteditable="true"]';
const ZENDESK_SESSION = { name: '_zendesk_session', value: 'agent-session-zd' };
const AMO_SESSION = { name: 'session_id', value: 'agent-session-amo' };
const PACK_FILE = resolve(import.meta.dirname, '../fixtures/packs/acme-support.json');
/**
 * The real sidebar's picture: into reports/ on every run; into the README's screenshots only when asked
 * (TIPAZH_SCREENSHOTS=1), so a test run leaves the checkout as it was.
 */
const SCREENSHOT =
  process.env.TIPAZH_SCREENSHOTS === '1'
    ? resolve(import.meta.dirname, '../screenshots/firefox-sidebar.png')
    : resolve(import.meta.dirname, '../../reports/firefox-sidebar.png');
/** Hosts Firefox itself calls whatever the add-on does: remote settings, the captive-portal check, the update check. */
const FIREFOX_SERVICES = ['firefox.settings.services.mozilla.com', 'detectportal.firefox.com', 'aus5.mozilla.org'];

let started: Promise<FirefoxSuite> | undefined;
let suite: FirefoxSuite;
/** The browser's first tab: the Zendesk ticket. */
let zendeskTab: string;
let zendeskPanel: Tab;
let amoTab: string;
let amoPanel: Tab;

beforeAll(() => {
  started = startFirefoxSuite();
  started.catch(() => undefined); // reported by every test below
});
// Each test waits for the browser: if it did not start, every test fails with the reason (none is skipped).
beforeEach(async () => {
  suite = await started!;
  zendeskTab = suite.firstTab;
});
afterAll(async () => {
  await (await started?.catch(() => undefined))?.close();
});

/** The paths of the API requests the fixture server for `page`'s host answered, with their Cookie and Referer headers. */
const apiRequests = (page: string, prefix: string) =>
  suite.proxy.served
    .map((r) => ({ url: new URL(r.url), cookie: r.headers.cookie, referer: r.headers.referer }))
    .filter((r) => r.url.host === new URL(page).host && r.url.pathname.startsWith(prefix))
    .map((r) => ({ path: r.url.pathname, cookie: r.cookie, referer: r.referer }));

/**
 * The content script's API requests must be the page's own (content.fetch): with the agent's session cookie
 * and the page as their referrer. Firefox's content-script `fetch` would send the cookie but no Referer.
 */
const notAsThePage = (requests: ReturnType<typeof apiRequests>, page: string, cookie: { name: string; value: string }) =>
  requests.filter((r) => r.cookie !== `${cookie.name}=${cookie.value}` || r.referer !== page);

/**
 * As an agent would: once the reply box shows in the helpdesk tab, clicks the insert button of the panel's
 * first phrase and waits for the panel to say it went in. Returns the phrase; the panel is left current.
 */
async function insertFirstPhrase(helpdeskTab: string, composer: string, panel: Tab): Promise<string> {
  const { session } = suite;
  await session.switchTo(helpdeskTab);
  await session.waitFor(`the reply box (${composer})`, (css: string) => (document.querySelector(css) ? true : null), [composer]);
  await session.switchTo(panel.handle);
  const [phrase] = await textsOf(session, '[data-testid="phrase"] .phrase__text');
  expect(phrase, 'the panel offers a phrase to insert').toBeTruthy();
  await session.click('[data-testid="phrase-insert"]');
  await waitForTestId(session, 'phrase-status', /Inserted/);
  return phrase!;
}

describe('Zendesk', () => {
  test('the ticket is read through the API with the agent’s session, and the panel shows the client, the type and phrases', async () => {
    const { session } = suite;
    await session.switchTo(zendeskTab);
    await openAsAgent(session, ZENDESK_TICKET, ZENDESK_SESSION);
    zendeskPanel = await openPanelFor(session, suite.inspector, ZENDESK_TICKET);
    await waitForTestId(session, 'client-name', 'Виктория Лебедева');
    await waitForTestId(session, 'client-type', 'extortionist', { attr: 'data-type' });
    await waitForTestId(session, 'read-via', /API/);
    const phrases = await textsOf(session, '[data-testid="phrase"]');
    expect(phrases.length, 'phrases offered').toBeGreaterThan(0);
    expect(phrases[0], 'the first phrase names the client').toContain('Виктория');
    const api = apiRequests(ZENDESK_TICKET, '/api/v2/');
    expect(api.map((r) => r.path)).toContain('/api/v2/tickets/1201.json');
    expect(notAsThePage(api, ZENDESK_TICKET, ZENDESK_SESSION), 'API requests not made as the page (cookie, referrer)').toEqual([]);
  });

  test('a phrase clicked in the panel goes into the active ticket’s CKEditor through the page bridge', async () => {
    const { session } = suite;
    const phrase = await insertFirstPhrase(zendeskTab, ZENDESK_COMPOSER, zendeskPanel);
    await session.switchTo(zendeskTab);
    // Through the editor's model (the page-world bridge), not by typing into its DOM.
    expect(await session.run(() => (window as unknown as { __ckInsertions: string[] }).__ckInsertions)).toEqual([phrase]);
    expect(await session.run((css: string) => document.querySelector(css)?.textContent, ZENDESK_COMPOSER)).toContain(phrase);
  });

  test('in-app navigation to another ticket updates the panel, without a reload', async () => {
    const { session } = suite;
    await session.switchTo(zendeskTab);
    await session.run(() => void ((window as unknown as { marker: number }).marker = 1));
    await session.run((p: string) => (window as unknown as { __fixtureNavigate: (p: string) => void }).__fixtureNavigate(p), new URL(DANIEL_TICKET).pathname);
    await session.switchTo(zendeskPanel.handle, { select: false });
    await waitForTestId(session, 'client-name', 'Daniel Okafor');
    await waitForTestId(session, 'client-type', 'tester', { attr: 'data-type' });
    await session.switchTo(zendeskTab);
    expect(await session.run(() => (window as unknown as { marker?: number }).marker), 'the same document (no reload)').toBe(1);
  });

  test('with team sync on, Confirm writes the type as the client’s Zendesk tag from the helpdesk tab, with the CSRF token', async () => {
    const { session, zendesk } = suite;
    await session.switchTo(zendeskPanel.handle);
    await putRecordsHere(session, 'meta', [TEAM_SYNC_ON]);
    await session.reload();
    await waitForTestId(session, 'team-sync-status', 'preview', { attr: 'data-state' });
    expect(writesOf(zendesk), 'writes before Confirm').toEqual([]);
    await session.click('[data-testid="type-confirm"]');
    await waitForTestId(session, 'team-sync-status', 'written', { attr: 'data-state' });
    // Exactly one PUT, which adds: never a POST, which would replace everyone's tags.
    const writes = writesOf(zendesk);
    expect(writes.map((c) => [c.method, c.path, c.body])).toEqual([['PUT', `/api/v2/users/${DANIEL}/tags.json`, { tags: ['tipazh_tester'] }]]);
    expect(writes[0]?.headers['x-csrf-token'], 'the CSRF token from /api/v2/users/me.json').toBe(ZENDESK_CSRF_TOKEN);
    expect(zendesk.tagsOf('user', DANIEL), 'others’ tags stay').toEqual(['beta_tester', 'b2b', 'tipazh_tester']);
    // Written by the page's own fetch (content.fetch): with the agent's session and the ticket as referrer.
    const written = apiRequests(DANIEL_TICKET, `/api/v2/users/${DANIEL}/tags`);
    // The user's list read first (a tag already there is someone else's), then the PUT.
    expect(written, 'the read and the write the proxy carried').toHaveLength(2);
    expect(notAsThePage(written, DANIEL_TICKET, ZENDESK_SESSION), 'tag writes not made as the page (cookie, referrer)').toEqual([]);
  });
});

describe('the real sidebar', () => {
  /** Nothing cut off or scrolling sideways at the real sidebar's width. */
  const expectFits = (layout: SidebarLayout, lang: string) => {
    // Firefox's default sidebar width (about 252 px): the check must run at that width, not at a tab's.
    expect(layout.width, 'the sidebar width').toBeGreaterThanOrEqual(240);
    expect(layout.width, 'the sidebar width').toBeLessThanOrEqual(270);
    expect(layout.outside, `elements past the right edge of the ${layout.width} px sidebar (${lang})`).toEqual([]);
    expect(layout.scrollWidth, `the panel's width in the ${layout.width} px sidebar (${lang}): it scrolls sideways`).toBeLessThanOrEqual(layout.clientWidth);
  };
  /** Picks the UI language in the options page (the inspector), as an agent would; the panel shares it. */
  const chooseLanguage = async (lang: string) => {
    await suite.session.switchTo(suite.inspector, { select: false });
    await suite.session.click(`[data-testid="lang-switch"] option[value="${lang}"]`);
  };

  test('follows the selected tab and shows its client with nothing cut off at its width, in English and Russian', async () => {
    const { session, inspector } = suite;
    await session.switchTo(zendeskTab); // the selected tab: the sidebar shows its client
    expectFits(await sidebarShowing(session, inspector, 'Daniel Okafor', 'en'), 'en');
    await session.switchTo(zendeskTab);
    const png = await session.inChrome(() => session.screenshot());
    mkdirSync(resolve(SCREENSHOT, '..'), { recursive: true });
    writeFileSync(SCREENSHOT, png);
    try {
      await chooseLanguage('ru');
      await reloadSidebar(session, inspector);
      expectFits(await sidebarShowing(session, inspector, 'Daniel Okafor', 'ru'), 'ru');
    } finally {
      await chooseLanguage('en');
    }
  });

  test('the toolbar button closes and opens the sidebar', async () => {
    const { session, inspector } = suite;
    await session.switchTo(zendeskTab);
    expect(await openSidebar(session), 'the sidebar Firefox opened at install').toBe(sidebarIdOf(ADDON_ID));
    await clickToolbarButton(session, ADDON_ID);
    await poll('the sidebar to close after a click on the toolbar button', async () => ((await openSidebar(session)) === null ? true : undefined), {
      timeout: 5000,
    });
    await clickToolbarButton(session, ADDON_ID);
    await poll('the sidebar to open after a second click', async () => ((await openSidebar(session)) === sidebarIdOf(ADDON_ID) ? true : undefined), {
      timeout: 5000,
    });
    await sidebarShowing(session, inspector, 'Daniel Okafor', 'en');
  });
});

describe('amoCRM', () => {
  test('the lead is read through API v4 with the agent’s session and the card feed, and the panel shows the client, the type and phrases', async () => {
    const { session } = suite;
    amoTab = await session.openTab('about:blank');
    await openAsAgent(session, AMO_LEAD, AMO_SESSION);
    amoPanel = await openPanelFor(session, suite.inspector, AMO_LEAD);
    await waitForTestId(session, 'client-name', 'Алексей Воронцов');
    await waitForTestId(session, 'client-org', 'ООО «Пространство Ко»');
    await waitForTestId(session, 'client-type', 'extortionist', { attr: 'data-type' });
    await waitForTestId(session, 'read-via', /amoCRM/);
    expect((await textsOf(session, '[data-testid="phrase"]')).length, 'phrases offered').toBeGreaterThan(0);
    const api = apiRequests(AMO_LEAD, '/api/v4/');
    expect(api.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/v4/leads/5001', '/api/v4/contacts/6001']));
    expect(notAsThePage(api, AMO_LEAD, AMO_SESSION), 'API requests not made as the page (cookie, referrer)').toEqual([]);
  });

  test('a phrase clicked in the panel goes into the feed composer, with an input event, and nothing is sent', async () => {
    const { session } = suite;
    const phrase = await insertFirstPhrase(amoTab, AMO_COMPOSER, amoPanel);
    await session.switchTo(amoTab);
    const composer = await session.run((css: string) => {
      const el = document.querySelector(css);
      return {
        text: el?.textContent,
        inputEvents: Number(el?.getAttribute('data-input-events')),
        sent: (window as unknown as { __fixtureSent: unknown[] }).__fixtureSent.length,
      };
    }, AMO_COMPOSER);
    expect(composer.text, 'the composer’s text').toBe(phrase);
    expect(composer.inputEvents, 'input events the composer saw').toBeGreaterThan(0);
    expect(composer.sent, 'messages sent').toBe(0);
  });
});

describe('the options page', () => {
  test('imports a pack file, and the open panel uses it', async () => {
    const { session } = suite;
    await session.openTab(`${EXTENSION_ORIGIN}/options.html`);
    await waitForTestId(session, 'builtin-row', /./);
    await session.sendKeys('[data-testid="import-file"]', PACK_FILE);
    await waitForTestId(session, 'notice', /Installed “ACME support” 1\.0\.0/);
    expect(await session.run(() => [...document.querySelectorAll('[data-testid="pack-row"]')].map((r) => r.getAttribute('data-pack-id')))).toEqual([
      'acme-support',
    ]);
    // The amoCRM lead is an extortionist writing in Russian: the team's Russian phrase, with the client's name.
    await session.switchTo(amoPanel.handle, { select: false });
    await waitForTestId(session, 'phrase', /Алексей, по правилам ACME/);
  });
});

describe('the whole session', () => {
  test('no request left the helpdesk origins: the proxy refused nothing but Firefox’s own services', () => {
    const { refused, served } = suite.proxy;
    const hosts = new Set(served.map((r) => new URL(r.url).host));
    expect([...hosts].sort()).toEqual(['acme.zendesk.com', 'brewly.amocrm.ru']);
    expect(served.length, 'requests the fixture helpdesks answered').toBeGreaterThan(20);
    const outside = refused.filter((target) => !FIREFOX_SERVICES.includes(target.split(':')[0]!));
    expect(outside, 'connections refused by the proxy (not Firefox’s own services)').toEqual([]);
  });

  test('no Tipazh error or warning in the console, and no uncaught error in the extension', () => {
    const ours = suite.firefox.output.filter(
      (line) => /^console\.(error|warn): "\[Tipazh\]/.test(line) || line.startsWith(`JavaScript error: moz-extension://${EXTENSION_UUID}/`),
    );
    expect(ours, 'Tipazh’s errors and warnings in the console').toEqual([]);
  });
});
