import type { InsertResult } from '../../../core/messages/reply-box';
import type { RawReadInput } from '../../../core/sources/raw-read';
import type { PageTarget } from '../../../core/sources/page-target';
import type { HelpdeskSite } from '../../../core/sources/site';

/** What an adapter may use besides the page: injected so tests can swap them. */
export interface ReadEnv {
  doc: Document;
  signal: AbortSignal;
  fetch: typeof fetch;
}

/**
 * One helpdesk: recognises its pages, reads the client from them (as raw data the background validates)
 * and puts text into the reply box. No schemas here: the content script stays small.
 */
export interface HelpdeskAdapter {
  /** Its addresses: which pages it owns and which show a client (core/sources/<id>/site.ts). */
  site: HelpdeskSite;
  read(target: PageTarget, env: ReadEnv): Promise<RawReadInput>;
  /**
   * Puts text at the cursor of the page's reply box, without sending it; or 'copy-only' for a helpdesk whose
   * reply box Tipazh cannot reach (the panel then copies the phrase for the agent to paste).
   */
  insert: ((text: string, target: PageTarget | null, doc: Document) => Promise<InsertResult>) | 'copy-only';
  /** The reply box's element on this page (the active ticket's), for reading what the agent wrote; null: none. */
  replyBox(target: PageTarget | null, doc: Document): HTMLElement | null;
}
