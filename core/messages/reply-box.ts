import { z } from '../schema/zod';

/** The panel asks the tab's content script to put a phrase into the helpdesk's reply box (never to send it). */
export const InsertRequest = z.object({ kind: z.literal('insert'), text: z.string().check(z.minLength(1), z.maxLength(10_000)) });
export type InsertRequest = z.infer<typeof InsertRequest>;

export const InsertResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), reason: z.enum(['no-composer', 'unsupported', 'error']), message: z.optional(z.string().check(z.maxLength(2000))) }),
]);
export type InsertResult = z.infer<typeof InsertResult>;

/** The panel asks the tab's content script for the text already in the reply box (to check it; nothing is sent). */
export const ReadReplyRequest = z.object({ kind: z.literal('read-reply') });
export type ReadReplyRequest = z.infer<typeof ReadReplyRequest>;
export const ReadReplyResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), text: z.string().check(z.maxLength(20_000)) }),
  z.object({ ok: z.literal(false), reason: z.enum(['no-composer', 'unsupported']) }),
]);
export type ReadReplyResult = z.infer<typeof ReadReplyResult>;
