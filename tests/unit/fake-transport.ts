import type { PanelTransport } from '../../components/panel/transport';
import { layerPacks } from '../../core/pack/merge';
import { readDefaultPack } from '../../core/pack/node-default';
import type { StrategyPack } from '../../core/pack/schema';
import type { TabState } from '../../core/protocol';
import { TipazhDb } from '../../core/store/db';
import { recordVisit } from '../../core/store/dossiers';
import { storeAccess } from '../../core/store/store-access';
import type { Lang } from '../../core/taxonomy';

/**
 * A transport for component tests: the real dossier store on fake IndexedDB, a fixed tab, and a reply box
 * that records what was inserted. `ready` resolves once the tab's snapshot is recorded as a visit.
 */
export function fakeTransport(init: { tab?: TabState | null; lang?: Lang; composer?: boolean; packs?: StrategyPack[] } = {}) {
  const db = new TipazhDb(`panel-${Math.random()}`);
  const state = { copied: [] as string[], inserted: [] as string[], composer: init.composer ?? true, lang: init.lang ?? ('en' as Lang) };
  const ready = init.tab?.snapshot ? recordVisit(db, init.tab.snapshot).then(() => undefined) : Promise.resolve();
  const transport: PanelTransport = {
    ...storeAccess(db),
    watchTab(cb) {
      void ready.then(() => cb(init.tab ?? null));
      return () => {};
    },
    watchPack(cb) {
      cb(layerPacks([readDefaultPack(), ...(init.packs ?? [])]));
      return () => {};
    },
    async insertText(text) {
      if (!state.composer) return { ok: false, reason: 'no-composer' };
      state.inserted.push(text);
      return { ok: true };
    },
    async copyText(text) {
      state.copied.push(text);
    },
    loadLang: async () => state.lang,
    saveLang: async (l) => void (state.lang = l),
  };
  return { transport, state, db, ready };
}
