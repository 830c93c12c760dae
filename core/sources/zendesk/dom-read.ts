import { z } from '../../schema/zod';
import { ClientSnapshot, type ClientSnapshotInput, type Message } from '../../schema/snapshot';

/** What the content script reads from the Zendesk agent page when the API is refused. Plain data. */
export const ZendeskDomRead = z.object({
  ticketId: z.string().check(z.minLength(1)),
  subject: z._default(z.string(), ''),
  requesterName: z._default(z.string(), ''),
  requesterId: z.optional(z.string()),
  status: z.optional(z.string()),
  tags: z._default(z.array(z.string()), []),
  messages: z._default(
    z.array(
      z.object({
        /** The bubble's `type` attribute: `end-user`, `agent` or `bot`. */
        sender: z.string(),
        internal: z.boolean(),
        authorName: z.optional(z.string()),
        authorId: z.optional(z.string()),
        text: z.string(),
        at: z.optional(z.string()),
      }),
    ),
    [],
  ),
});
export type ZendeskDomRead = z.input<typeof ZendeskDomRead>;

const validIso = (s?: string) => (s && !Number.isNaN(Date.parse(s)) ? new Date(s).toISOString() : undefined);

/** The conversation as the page shows it (bubble types say who wrote what; internal notes marked). */
export function domConversation(raw: ZendeskDomRead): Message[] {
  return ZendeskDomRead.parse(raw).messages.map((m) => ({
    author: m.sender === 'end-user' ? 'client' : m.sender === 'bot' ? 'bot' : 'agent',
    authorName: m.authorName,
    text: m.text.trim(),
    at: validIso(m.at),
    public: !m.internal,
  }));
}

/** Builds a snapshot from what the page shows. The client's id comes from their message links, else their name. */
export function zendeskDomToSnapshot(raw: ZendeskDomRead, account: string, url?: string, now = new Date()): ClientSnapshot {
  const page = ZendeskDomRead.parse(raw);
  const clientMsg = page.messages.find((m) => m.sender === 'end-user');
  const name = page.requesterName || clientMsg?.authorName || '';
  const externalId = page.requesterId ?? clientMsg?.authorId ?? (name ? `name:${name.toLowerCase()}` : '');
  const conversation = domConversation(page);
  const input: ClientSnapshotInput = {
    source: 'zendesk',
    account,
    via: 'dom',
    capturedAt: now.toISOString(),
    url,
    client: { externalId, name },
    ticket: { id: page.ticketId, subject: page.subject, status: page.status, tags: page.tags },
    conversation,
  };
  return ClientSnapshot.parse(input);
}
