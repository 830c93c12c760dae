import { loadBundledModel } from '../../components/bundled-model';
import { workerLearner } from '../../components/panel/learn-in-worker';
import { browser } from 'wxt/browser';
import { langFromLocale } from '../../components/i18n';
import { trustedTabState } from '../../components/panel/tab-state';
import type { PanelTransport } from '../../components/panel/transport';
import { draftStore } from '../../core/input-drafts';
import { InsertResult, ReadReplyResult, type InsertRequest, type ReadReplyRequest } from '../../core/messages/reply-box';
import { TAB_STATE_PREFIX, tabStateKey } from '../../core/messages/page-report';
import { storeClient } from '../../core/store/port/client';
import { STORE_PORT, wirePort } from '../../core/store/port/service';
import { Lang } from '../../core/taxonomy';

const LANG_KEY = 'settings.lang';

/** The real transport: follows the active tab of this window (or a pinned tab); the dossier store is the background's. */
export function createBrowserTransport(pinnedTabId?: number): PanelTransport {
  const store = storeClient(() => wirePort(browser.runtime.connect({ name: STORE_PORT })));
  const learner = workerLearner();
  let followedTabId: number | undefined = pinnedTabId;
  return {
    ...store,
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
    async readReply() {
      if (followedTabId == null) return { ok: false, reason: 'unsupported' };
      const request: ReadReplyRequest = { kind: 'read-reply' };
      try {
        const answer = ReadReplyResult.safeParse(await browser.tabs.sendMessage(followedTabId, request));
        return answer.success ? answer.data : { ok: false, reason: 'unsupported' };
      } catch {
        return { ok: false, reason: 'unsupported' };
      }
    },
    async copyText(text) {
      await navigator.clipboard.writeText(text);
    },
    loadTypeModel: () => loadBundledModel(),
    learn: (examples) => learner.learn(examples),
    async loadLang() {
      const saved = Lang.safeParse((await browser.storage.local.get(LANG_KEY))[LANG_KEY]);
      return saved.success ? saved.data : langFromLocale(browser.i18n.getUILanguage());
    },
    async saveLang(lang) {
      await browser.storage.local.set({ [LANG_KEY]: lang });
    },
    // Session storage: survives a panel reload and a ticket switch, never reaches the disk, and content scripts cannot read it.
    drafts: draftStore(browser.storage.session),
  };
}
