import { z } from './schema/zod';

const Url = z.string().check(z.maxLength(4000));
import { CustomHelpdesk, CustomHelpdeskList, HelpdeskOrigin } from './schema/custom-helpdesks';
import { ClientSnapshot } from './schema/snapshot';

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
  clientKey: z.optional(z.string()),
  snapshot: z.optional(ClientSnapshot),
  message: z.optional(z.string()),
  updatedAt: z.number(),
});
export type TabState = z.infer<typeof TabState>;

export const TAB_STATE_PREFIX = 'tab:';
export const tabStateKey = (tabId: number) => `${TAB_STATE_PREFIX}${tabId}`;

/** The panel asks the tab's content script to put a phrase into the helpdesk's reply box (never to send it). */
export const InsertRequest = z.object({ kind: z.literal('insert'), text: z.string().check(z.minLength(1), z.maxLength(10_000)) });
export type InsertRequest = z.infer<typeof InsertRequest>;

export const InsertResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), reason: z.enum(['no-composer', 'unsupported', 'error']), message: z.optional(z.string().check(z.maxLength(2000))) }),
]);
export type InsertResult = z.infer<typeof InsertResult>;

/**
 * The options page asks the background to start or stop reading an address the agent added. The background
 * alone writes the list and registers the content scripts (Firefox ties registrations to the page that made them).
 */
export const HelpdeskRequest = z.discriminatedUnion('action', [
  /** Sent after the browser granted access to the origin; refused when it did not. */
  z.object({ kind: z.literal('helpdesks'), action: z.literal('add'), helpdesk: CustomHelpdesk }),
  z.object({ kind: z.literal('helpdesks'), action: z.literal('remove'), origin: HelpdeskOrigin }),
]);
export type HelpdeskRequest = z.infer<typeof HelpdeskRequest>;

export const HelpdeskAnswer = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), list: CustomHelpdeskList }),
  z.object({ ok: z.literal(false), reason: z.enum(['no-access', 'error']), message: z.optional(z.string().check(z.maxLength(2000))) }),
]);
export type HelpdeskAnswer = z.infer<typeof HelpdeskAnswer>;
