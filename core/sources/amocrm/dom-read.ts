import { z } from '../../schema/zod';
import { normalizeEmail } from '../../identity';
import { ClientSnapshot, type ClientSnapshotInput } from '../../schema/snapshot';
import { AmoFeedMessage } from './api';
import type { PageTarget } from '../page-target';

/** What the content script reads from an amoCRM/Kommo card when the API is refused. */
export const AmoDomRead = z.object({
  leadName: z._default(z.string(), ''),
  status: z.optional(z.string()),
  contactId: z.optional(z.string()),
  contactName: z._default(z.string(), ''),
  phone: z.optional(z.string()),
  email: z.optional(z.string()),
  feed: z._default(z.array(AmoFeedMessage), []),
});
export type AmoDomRead = z.input<typeof AmoDomRead>;

/** A snapshot from the card as the page shows it. */
export function amoDomToSnapshot(raw: AmoDomRead, target: PageTarget, url?: string, now = new Date()): ClientSnapshot {
  const page = AmoDomRead.parse(raw);
  const onContactCard = target.kind === 'user';
  const contactId = onContactCard ? target.id : page.contactId;
  const name = (onContactCard ? page.leadName : page.contactName) || page.contactName;
  const input: ClientSnapshotInput = {
    source: 'amocrm',
    account: target.account,
    via: 'dom',
    capturedAt: now.toISOString(),
    url,
    client: {
      externalId: contactId ? `contact:${contactId}` : name ? `name:${name.toLowerCase()}` : '',
      name,
      email: normalizeEmail(page.email) ?? page.email,
      phone: page.phone,
    },
    ticket: target.kind === 'ticket' ? { id: target.id, subject: page.leadName, status: page.status } : undefined,
    conversation: page.feed
      .filter((m) => m.direction !== 'system' && m.text.trim())
      .map((m) => ({
        author: m.direction === 'incoming' ? ('client' as const) : ('agent' as const),
        authorName: m.author,
        text: m.text.trim(),
        at: m.at,
        public: true,
      })),
  };
  return ClientSnapshot.parse(input);
}
