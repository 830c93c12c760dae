import type { InsertResult, TabState } from '../../core/protocol';
import type { EffectivePack } from '../../core/pack/merge';
import type { ClientRecord, CorrectionRecord, NoteRecord } from '../../core/store/db';
import type { NewCorrection } from '../../core/store/corrections';
import type { Lang } from '../../core/taxonomy';

export type Unsubscribe = () => void;

/** A client's dossier as the panel shows it. */
export interface DossierView {
  client?: ClientRecord;
  /** The same person's records in other helpdesks (or accounts), linked by email or phone. */
  linked: ClientRecord[];
  /** Notes on every linked record, pinned first, newest first. */
  notes: NoteRecord[];
}

/**
 * Everything the panel needs from the extension. The side panel entrypoint injects the real one
 * (browser.* + Dexie); component tests inject a fake.
 */
export interface PanelTransport {
  /** The followed tab's state (the active tab, or the one the page is pinned to); null when it has no client. */
  watchTab(cb: (state: TabState | null) => void): Unsubscribe;
  watchDossier(clientKey: string, cb: (d: DossierView) => void): Unsubscribe;
  /** Every correction in force, which the local model learns from. */
  watchCorrections(cb: (c: CorrectionRecord[]) => void): Unsubscribe;
  /** The effective strategy pack: the built-in one with the enabled installed packs layered over it. */
  watchPack(cb: (pack: EffectivePack) => void): Unsubscribe;
  addNote(clientKey: string, text: string): Promise<void>;
  /** Undoes a wrong merge: `clientKey` becomes a person of its own. */
  splitRecord(clientKey: string): Promise<void>;
  addCorrection(c: NewCorrection): Promise<void>;
  undoCorrection(id: string): Promise<void>;
  copyText(text: string): Promise<void>;
  /** Puts text into the followed tab's reply box (never sends it). */
  insertText(text: string): Promise<InsertResult>;
  loadLang(): Promise<Lang>;
  saveLang(lang: Lang): Promise<void>;
}
