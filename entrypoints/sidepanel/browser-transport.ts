import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { InsertResult, tabStateKey, TAB_STATE_PREFIX, type InsertRequest } from '../../core/protocol';
import { TipazhDb } from '../../core/store/db';
import { activeCorrections, addCorrection, undoCorrection } from '../../core/store/corrections';
import { addNote } from '../../core/store/dossiers';
import { personView, splitFromPerson } from '../../core/store/persons';
import { Lang } from '../../core/taxonomy';
import { langFromLocale } from '../../components/i18n';
import { loadBundledPack } from './bundled-pack';
import { effectiveOf, listPacks } from '../../core/store/packs';
import { trustedTabState } from '../../components/panel/tab-state';
import type { PanelTransport } from '../../components/panel/transport';

const LANG_KEY = 'settings.lang';

/** The real transport: follows the active tab of this window (or a pinned tab), reads Dexie live. */
export function createBrowserTransport(pinnedTabId?: number): PanelTransport {
  const db = new TipazhDb();
  let followedTabId: number | undefined = pinnedTabId;
  return {
    watchTab(cb) {
      let windowId: number | undefined;
      let seq = 0;
      const emit = async () => {
        const my = ++seq;
        windowId ??= (await browser.windows.getCurrent()).id;
        const [active] = pinnedTabId ? [] : await browser.tabs.query({ active: true, windowId });
        const tabId = pinnedTabId ?? active?.id;
        followedTabId = tabId;
        const tab = tabId == null ? undefined : await browser.tabs.get(tabId).catch(() => undefined);
        const stored = tabId == null ? undefined : (await browser.storage.session.get(tabStateKey(tabId)))[tabStateKey(tabId)];
        if (my === seq) cb(trustedTabState(tab?.url, stored));
      };
      const safeEmit = () => void emit().catch((e: unknown) => (console.warn('[Tipazh] panel', e), cb(null)));
      const onStorage = (changes: Record<string, unknown>, area: string) => {
        if (area === 'session' && Object.keys(changes).some((k) => k.startsWith(TAB_STATE_PREFIX))) safeEmit();
      };
      const onUpdated = (_id: number, change: { url?: string }) => change.url !== undefined && safeEmit();
      browser.tabs.onActivated.addListener(safeEmit);
      browser.tabs.onUpdated.addListener(onUpdated);
      browser.storage.onChanged.addListener(onStorage);
      safeEmit();
      return () => {
        browser.tabs.onActivated.removeListener(safeEmit);
        browser.tabs.onUpdated.removeListener(onUpdated);
        browser.storage.onChanged.removeListener(onStorage);
      };
    },
    watchDossier(clientKey, cb) {
      const sub = liveQuery(async () => {
        const view = await personView(db, clientKey);
        return { client: view.records.find((r) => r.key === clientKey), linked: view.records.filter((r) => r.key !== clientKey), notes: view.notes };
      }).subscribe({
        next: cb,
        error: (e: unknown) => console.warn('[Tipazh] dossier', e),
      });
      return () => sub.unsubscribe();
    },
    watchCorrections(cb) {
      const sub = liveQuery(() => activeCorrections(db)).subscribe({ next: cb, error: (e: unknown) => console.warn('[Tipazh] corrections', e) });
      return () => sub.unsubscribe();
    },
    watchPack(cb) {
      // The built-in pack is fetched once, outside liveQuery (which may only await Dexie).
      let sub: { unsubscribe(): void } | undefined;
      let live = true;
      loadBundledPack()
        .then((builtin) => {
          if (!live) return;
          sub = liveQuery(() => listPacks(db)).subscribe({
            next: (installed) => cb(effectiveOf(builtin, installed)),
            error: (e: unknown) => console.error('[Tipazh] packs', e),
          });
        })
        .catch((e: unknown) => console.error('[Tipazh]', e));
      return () => {
        live = false;
        sub?.unsubscribe();
      };
    },
    async addCorrection(c) {
      await addCorrection(db, c);
    },
    async undoCorrection(id) {
      await undoCorrection(db, id);
    },
    async insertText(text) {
      if (followedTabId == null) return { ok: false, reason: 'unsupported' };
      const request: InsertRequest = { kind: 'insert', text };
      try {
        const answer = InsertResult.safeParse(await browser.tabs.sendMessage(followedTabId, request));
        return answer.success ? answer.data : { ok: false, reason: 'unsupported' };
      } catch (e) {
        // No content script in the tab (not a helpdesk page, or it was loaded before Tipazh).
        return { ok: false, reason: 'unsupported', message: String(e) };
      }
    },
    async copyText(text) {
      await navigator.clipboard.writeText(text);
    },
    async splitRecord(clientKey) {
      await splitFromPerson(db, clientKey);
    },
    async addNote(clientKey, text) {
      await addNote(db, clientKey, text);
    },
    async loadLang() {
      const saved = Lang.safeParse((await browser.storage.local.get(LANG_KEY))[LANG_KEY]);
      return saved.success ? saved.data : langFromLocale(browser.i18n.getUILanguage());
    },
    async saveLang(lang) {
      await browser.storage.local.set({ [LANG_KEY]: lang });
    },
  };
}
