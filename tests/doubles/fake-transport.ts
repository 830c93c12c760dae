import { readShippedModel } from '../../core/classifier/node-model';
import { trainLearned } from '../../core/classifier/learner';
import type { PanelTransport } from '../../components/panel/transport';
import { readDefaultPack } from '../../core/pack/node-default';
import type { StrategyPack } from '../../core/pack/schema';
import type { TabState } from '../../core/messages/page-report';
import type { WirePort } from '../../core/store/port/service';
import { TipazhDb } from '../../core/store/db';
import { recordVisit } from '../../core/store/dossiers';
import { currentPack, installPack } from '../../core/store/packs';
import { liveSearchIndex } from '../../core/store/live-search-index';
import { storeAccess } from '../../core/store/port/access';
import { storeClient } from '../../core/store/port/client';
import { serveStore } from '../../core/store/port/server';
import type { Lang } from '../../core/taxonomy';
import { draftStore } from '../../core/input-drafts';
import { memoryArea } from './memory-area';
import { memoryPortPair } from './memory-port';

/**
 * A transport for component tests: the real dossier store on fake IndexedDB, served over an in-memory port
 * exactly as the background serves it to the panel; a fixed tab, and a reply box that records what was
 * inserted. `db` shares one database between panels (two panels on one client), `drafts` one session storage area. `packs` are installed as team packs. `ready` resolves once the tab's snapshot is recorded as a visit
 * and the packs are installed. `reconnect()` drops the port as a restarting background would.
 */
export function fakeTransport(
  init: { tab?: TabState | null; lang?: Lang; composer?: boolean; packs?: StrategyPack[]; db?: TipazhDb; drafts?: ReturnType<typeof memoryArea> } = {},
) {
  const db = init.db ?? new TipazhDb(`panel-${Math.random()}`);
  const state = { copied: [] as string[], inserted: [] as string[], composer: init.composer ?? true, lang: init.lang ?? ('en' as Lang) };
  const ready = Promise.all([
    init.tab?.snapshot ? recordVisit(db, init.tab.snapshot) : undefined,
    ...(init.packs ?? []).map((p) => installPack(db, p, { kind: 'file', name: `${p.id}.json` })),
  ]).then(() => undefined);
  const drafts = init.drafts ?? memoryArea();
  let serverSide: WirePort | undefined;
  // One search index for every connection, as the background keeps it.
  const builtin = async () => readDefaultPack();
  const search = liveSearchIndex(db, { pack: () => currentPack(db, builtin) });
  const store = storeClient(() => {
    const [panelEnd, backgroundEnd] = memoryPortPair();
    serveStore(backgroundEnd, storeAccess(db, builtin, search));
    serverSide = backgroundEnd;
    return panelEnd;
  });
  const transport: PanelTransport = {
    ...store,
    // The panel sees the packs once they are installed, as it would after installing them in the options page.
    watchPack(cb) {
      let stop: (() => void) | undefined;
      let live = true;
      void ready.then(() => live && (stop = store.watchPack(cb)));
      return () => {
        live = false;
        stop?.();
      };
    },
    watchTab(cb) {
      void ready.then(() => cb(init.tab ?? null));
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
    async readReply() {
      return state.composer ? { ok: true, text: state.inserted.join(' ') } : { ok: false, reason: 'no-composer' };
    },
    loadTypeModel: async () => readShippedModel(),
    learn: async (examples) => trainLearned(examples),
    loadLang: async () => state.lang,
    saveLang: async (l) => void (state.lang = l),
    drafts: draftStore(drafts),
  };
  return { transport, state, db, drafts, ready, reconnect: () => serverSide?.disconnect(), close: () => (store.close(), search.dispose()) };
}
