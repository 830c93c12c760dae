import type { EffectivePack } from '../../core/pack/merge';
import type { InsertResult, TabState } from '../../core/protocol';
import type { StoreAccess, Unsubscribe } from '../../core/store/store-access';
import type { Lang } from '../../core/taxonomy';

export type { DossierView, Unsubscribe } from '../../core/store/store-access';

/**
 * Everything the panel needs from the extension. The side panel entrypoint injects the real one
 * (browser.* + the dossier store); component tests inject one over a test database and a fake tab.
 */
export interface PanelTransport extends Omit<StoreAccess, 'watchInstalledPacks'> {
  /** The followed tab's state (the active tab, or the one the page is pinned to); null when it has no client. */
  watchTab(cb: (state: TabState | null) => void): Unsubscribe;
  /** The effective strategy pack: the built-in one with the enabled installed packs layered over it. */
  watchPack(cb: (pack: EffectivePack) => void): Unsubscribe;
  copyText(text: string): Promise<void>;
  /** Puts text into the followed tab's reply box (never sends it). */
  insertText(text: string): Promise<InsertResult>;
  loadLang(): Promise<Lang>;
  saveLang(lang: Lang): Promise<void>;
}
