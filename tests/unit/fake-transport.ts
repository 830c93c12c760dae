import { readDefaultPack } from '../../core/pack/node-default';
import { layerPacks } from '../../core/pack/merge';
import type { StrategyPack } from '../../core/pack/schema';
import type { TabState } from '../../core/protocol';
import type { ClientRecord, CorrectionRecord, NoteRecord } from '../../core/store/db';
import type { DossierView, PanelTransport } from '../../components/panel/transport';
import type { Lang } from '../../core/taxonomy';

/** An in-memory transport for component tests: what the panel asks for and what it wrote. */
export function fakeTransport(init: { tab?: TabState | null; client?: ClientRecord; notes?: NoteRecord[]; lang?: Lang; composer?: boolean; linked?: ClientRecord[]; packs?: StrategyPack[] } = {}) {
  let tabCb: (s: TabState | null) => void = () => {};
  let dossierCb: (d: DossierView) => void = () => {};
  let corrCb: (c: CorrectionRecord[]) => void = () => {};
  const state = { client: init.client, notes: init.notes ?? [], corrections: [] as CorrectionRecord[], linked: init.linked ?? [], split: [] as string[], copied: [] as string[], inserted: [] as string[], composer: init.composer ?? true, lang: init.lang ?? ('en' as Lang) };
  const push = () => dossierCb({ client: state.client, linked: state.linked, notes: state.notes });
  const transport: PanelTransport = {
    watchTab(cb) {
      tabCb = cb;
      cb(init.tab ?? null);
      return () => {};
    },
    watchDossier(_key, cb) {
      dossierCb = cb;
      push();
      return () => {};
    },
    watchCorrections(cb) {
      corrCb = cb;
      cb(state.corrections);
      return () => {};
    },
    watchPack(cb) {
      cb(layerPacks([readDefaultPack(), ...(init.packs ?? [])]));
      return () => {};
    },
    async splitRecord(key) {
      state.split.push(key);
      state.linked = state.linked.filter((r) => r.key !== key);
      push();
    },
    async addNote(clientKey, text) {
      state.notes = [{ id: String(state.notes.length + 1), clientKey, text, pinned: false, createdAt: 1, updatedAt: 1 }, ...state.notes];
      push();
    },
    async addCorrection(c) {
      const rec: CorrectionRecord = { ...c, id: `c${state.corrections.length + 1}`, at: 1 };
      state.corrections = [...state.corrections, rec];
      if (state.client) state.client = { ...state.client, typeOverride: { type: c.to, reason: c.reason, at: 1, correctionId: rec.id } };
      corrCb(state.corrections);
      push();
    },
    async undoCorrection(id) {
      state.corrections = state.corrections.filter((c) => c.id !== id);
      if (state.client) {
        const { typeOverride: _t, ...rest } = state.client;
        state.client = rest;
      }
      corrCb(state.corrections);
      push();
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
  return { transport, state, setTab: (s: TabState | null) => tabCb(s) };
}
