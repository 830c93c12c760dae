import { z } from 'zod';
import { ClientSnapshot } from './schema/snapshot';

/**
 * Messages from the content script to the background, one per page state change.
 * The background `safeParse`s every message: the content script runs next to page code.
 */
export const PageReport = z.discriminatedUnion('state', [
  z.object({ kind: z.literal('page'), state: z.literal('reading'), url: z.string().max(4000) }),
  z.object({ kind: z.literal('page'), state: z.literal('client'), url: z.string().max(4000), snapshot: ClientSnapshot }),
  /** What the page and its API gave, unvalidated: the background checks it and builds the snapshot (core/sources/raw-read). */
  z.object({ kind: z.literal('page'), state: z.literal('raw'), url: z.string().max(4000), read: z.unknown() }),
  /** A helpdesk page that shows no client (a view, the dashboard, an "add" form). */
  z.object({ kind: z.literal('page'), state: z.literal('none'), url: z.string().max(4000) }),
  z.object({ kind: z.literal('page'), state: z.literal('error'), url: z.string().max(4000), message: z.string().max(2000) }),
]);
export type PageReport = z.infer<typeof PageReport>;

/** What the side panel knows about one browser tab; kept in `storage.session` under `tabStateKey(tabId)`. */
export const TabState = z.object({
  tabId: z.number().int(),
  state: z.enum(['reading', 'client', 'none', 'error']),
  url: z.string(),
  clientKey: z.string().optional(),
  snapshot: ClientSnapshot.optional(),
  message: z.string().optional(),
  updatedAt: z.number(),
});
export type TabState = z.infer<typeof TabState>;

export const TAB_STATE_PREFIX = 'tab:';
export const tabStateKey = (tabId: number) => `${TAB_STATE_PREFIX}${tabId}`;

/** The panel asks the tab's content script to put a phrase into the helpdesk's reply box (never to send it). */
export const InsertRequest = z.object({ kind: z.literal('insert'), text: z.string().min(1).max(10_000) });
export type InsertRequest = z.infer<typeof InsertRequest>;

export const InsertResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), reason: z.enum(['no-composer', 'unsupported', 'error']), message: z.string().max(2000).optional() }),
]);
export type InsertResult = z.infer<typeof InsertResult>;
