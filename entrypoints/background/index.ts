import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { TipazhDb } from '../../core/store/db';
import { browserHelpdeskScripts } from './browser-helpdesk-scripts';
import { loadBundledPack } from './bundled-pack';
import { forgetTab, handleReport, sweepClosedTabs } from './handle-report';
import { cachedCustomHosts } from './custom-hosts';
import { createApiTurns } from './api-turns';
import { isApiTurnMessage } from '../../core/net/account-rates';
import { createHelpdeskService, isHelpdeskMessage } from './helpdesk-scripts';
import { isOwnPage } from './own-page';
import { listenForPanels } from './store-port';
import { accountOfUrl, browserTeamSync } from './team-sync';
import { isTeamSyncRun } from '../../core/messages/team-write';
import { currentPack } from '../../core/store/packs';

/** Firefox's sidebar API, missing from the Chrome-based types. */
interface FirefoxSidebar {
  sidebarAction?: { toggle(): Promise<void> };
}

export default defineBackground(() => {
  const db = new TipazhDb();
  // Chrome: the toolbar button opens the side panel. Firefox has no such setting: there, the button toggles the
  // sidebar (called at once, inside the click: Firefox allows it only as an answer to the user's action).
  browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch((e: unknown) => console.warn('[Tipazh]', e));
  const sidebar = (browser as unknown as FirefoxSidebar).sidebarAction;
  if (sidebar) browser.browserAction.onClicked.addListener(() => void sidebar.toggle().catch((e: unknown) => console.warn('[Tipazh] sidebar', e)));

  const helpdesks = createHelpdeskService(browserHelpdeskScripts());
  const hosts = cachedCustomHosts();
  const apiTurns = createApiTurns(hosts);
  const teamSync = browserTeamSync(db, () => currentPack(db, loadBundledPack), hosts);
  const resync = () => void helpdesks.sync().catch((e: unknown) => console.warn('[Tipazh] could not update the added helpdesk addresses', e));
  browser.runtime.onStartup.addListener(resync);
  browser.runtime.onInstalled.addListener(resync);
  // Access taken back (chrome://extensions, about:addons): that address is dropped and its script unregistered.
  browser.permissions.onRemoved.addListener(resync);

  browser.runtime.onMessage.addListener((message, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    // Only the extension's own pages (the options page) may change the added addresses, never a content script.
    if (isHelpdeskMessage(message)) return isOwnPage(sender) ? helpdesks.handle(message) : undefined;
    if (isTeamSyncRun(message)) return isOwnPage(sender) ? teamSync.run().catch((e: unknown) => console.warn('[Tipazh] team sync', e)) : undefined;
    if (!sender.tab) return undefined;
    if (isApiTurnMessage(message)) return sender.tab.id == null ? undefined : apiTurns(message, { tabId: sender.tab.id, url: sender.url ?? sender.tab.url });
    const url = sender.url ?? sender.tab.url;
    return handleReport(db, message, { tabId: sender.tab.id, url })
      .then(async (answer) => {
        // A page of the account is open: team sync writes waiting for one can go.
        const account = accountOfUrl(url, await hosts());
        if (account) teamSync.accountSeen(account).catch((e: unknown) => console.warn('[Tipazh] team sync', e));
        return answer;
      })
      .catch((e: unknown) => {
        console.error('[Tipazh] could not save the report', e);
        return { ok: false, error: String(e) };
      });
  });
  listenForPanels(db, loadBundledPack, teamSync);
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  // Tabs closed while the background slept left their states behind.
  sweepClosedTabs().catch((e: unknown) => console.warn('[Tipazh] could not drop the states of closed tabs', e));
  // A tab that leaves the helpdesk keeps its last state here; the panel ignores it because it only
  // trusts a state whose origin is the tab's current one (see components/panel/tab-state.ts).
});
