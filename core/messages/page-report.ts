import { ClientSnapshot } from '../schema/snapshot';
import { z } from '../schema/zod';
import { SourceId } from '../taxonomy';

const Url = z.string().check(z.maxLength(4000));

/**
 * Messages from the content script to the background, one per page state change.
 * The background `safeParse`s every message: the content script runs next to page code.
 */
export const PageReport = z.discriminatedUnion('state', [
  z.object({ kind: z.literal('page'), state: z.literal('reading'), url: Url }),
  z.object({ kind: z.literal('page'), state: z.literal('client'), url: Url, snapshot: ClientSnapshot }),
  /** What the page and its API gave, unvalidated: the background checks it and builds the snapshot (core/sources/raw-read). */
  z.object({ kind: z.literal('page'), state: z.literal('raw'), url: Url, read: z.unknown() }),
  /** A helpdesk page that shows no client (a view, the dashboard, an "add" form). */
  z.object({ kind: z.literal('page'), state: z.literal('none'), url: Url }),
  z.object({ kind: z.literal('page'), state: z.literal('error'), url: Url, message: z.string().check(z.maxLength(2000)) }),
]);
export type PageReport = z.infer<typeof PageReport>;

/** What the side panel knows about one browser tab; kept in `storage.session` under `tabStateKey(tabId)`. */
export const TabState = z.object({
  tabId: z.number().check(z.int()),
  state: z.enum(['reading', 'client', 'none', 'error']),
  url: z.string(),
  /** The helpdesk of the tab's page, from its address: the panel names it even when the page shows no client. */
  source: z.optional(SourceId),
  clientKey: z.optional(z.string()),
  snapshot: z.optional(ClientSnapshot),
  message: z.optional(z.string()),
  updatedAt: z.number(),
});
export type TabState = z.infer<typeof TabState>;

export const TAB_STATE_PREFIX = 'tab:';
/** The message of the error state a tab gets when session storage cannot hold its state; the panel words it. */
export const STORAGE_FULL = 'storage-full';
export const tabStateKey = (tabId: number) => `${TAB_STATE_PREFIX}${tabId}`;
