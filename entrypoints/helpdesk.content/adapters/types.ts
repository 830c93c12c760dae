import type { InsertResult } from '../../../core/insert-protocol';
import type { RawReadInput } from '../../../core/sources/raw-read';
import type { PageTarget } from '../../../core/sources/urls';
import type { SourceId } from '../../../core/taxonomy';

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
  id: SourceId;
  /**
   * The client page this URL shows, or null; pure, tested both ways across adapters. `custom`: the hosts the
   * agent added for this helpdesk (core/sources/custom-helpdesks.ts).
   */
  target(url: URL, custom: readonly string[]): PageTarget | null;
  /** True when this adapter owns the host (its own domains or one of `custom`), even on pages without a client. */
  owns(url: URL, custom: readonly string[]): boolean;
  read(target: PageTarget, env: ReadEnv): Promise<RawReadInput>;
  /** Puts text at the cursor of the page's reply box, without sending it. */
  insert(text: string, target: PageTarget | null, doc: Document): Promise<InsertResult>;
}
