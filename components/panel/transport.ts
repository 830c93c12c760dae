import type { LearnedModel, LearningExample } from '../../core/classifier/learner';
import type { TypeModel } from '../../core/classifier/type-model';
import type { DraftStore } from '../../core/input-drafts';
import type { InsertResult, ReadReplyResult } from '../../core/messages/reply-box';
import type { TabState } from '../../core/messages/page-report';
import type { Unsubscribe } from '../../core/store/dossier-view';
import type { StoreService } from '../../core/store/port/service';
import type { Lang } from '../../core/taxonomy';

export type { DossierView, Unsubscribe } from '../../core/store/dossier-view';

/**
 * Everything the panel needs from the extension. The side panel entrypoint injects the real one (browser.*,
 * and the dossier store served by the background over a port); component tests inject the same store client
 * over an in-memory port to a test database, and a fake tab.
 */
export interface PanelTransport extends StoreService {
  /** The followed tab's state (the active tab, or the one the page is pinned to); null when it has no client. */
  watchTab(cb: (state: TabState | null) => void): Unsubscribe;
  copyText(text: string): Promise<void>;
  /** Puts text into the followed tab's reply box (never sends it). */
  insertText(text: string): Promise<InsertResult>;
  /** What is in the followed tab's reply box now. */
  readReply(): Promise<ReadReplyResult>;
  /** The shipped type model (a data file of the extension, read once per page). */
  loadTypeModel(): Promise<TypeModel>;
  /** Builds the local model from corrections and pack examples (in a Worker where there is one). */
  learn(examples: LearningExample[]): Promise<LearnedModel>;
  loadLang(): Promise<Lang>;
  saveLang(lang: Lang): Promise<void>;
  /** What the agent typed and has not saved, per client and input (the browser's session storage). */
  drafts: DraftStore;
}
