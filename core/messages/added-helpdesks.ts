import { CustomHelpdesk, CustomHelpdeskList, HelpdeskOrigin } from '../schema/custom-helpdesks';
import { z } from '../schema/zod';

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
