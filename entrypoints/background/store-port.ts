import { browser } from 'wxt/browser';
import type { StrategyPack } from '../../core/pack/schema';
import type { TipazhDb } from '../../core/store/db';
import { liveSearchIndex } from '../../core/store/live-search-index';
import { currentPack } from '../../core/store/packs';
import { storeAccess, type TeamSyncHooks } from '../../core/store/port/access';
import { serveStore } from '../../core/store/port/server';
import { STORE_PORT, wirePort } from '../../core/store/port/service';
import { isOwnPage } from './own-page';

/**
 * Serves the dossier store to every side panel that connects; each connection has its own notes lock. The
 * search index is shared, and kept only while a panel is connected: the last one to go takes its memory back.
 */
export function listenForPanels(db: TipazhDb, builtinPack: () => Promise<StrategyPack>, team?: TeamSyncHooks): void {
  // The effective pack says who is VIP (its lists and rules): the index finds them by "vip".
  const search = liveSearchIndex(db, { pack: () => currentPack(db, builtinPack) });
  let panels = 0;
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== STORE_PORT) return;
    // Only the extension's own pages (the side panel, in a side panel or a tab) may open the dossier store.
    if (!isOwnPage(port.sender)) {
      console.warn('[Tipazh] refused a store connection from', port.sender?.url);
      port.disconnect();
      return;
    }
    panels++;
    port.onDisconnect.addListener(() => {
      if (--panels === 0) search.drop();
    });
    serveStore(wirePort(port), storeAccess(db, builtinPack, search, team));
  });
}
