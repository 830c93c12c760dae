import { z } from 'zod';
import { SourceId } from '../taxonomy';

const MAX_TEXT = 200_000;
const text = (max = 500) => z.string().trim().max(max);
/** ISO 8601 timestamp with a zone, as helpdesk APIs return them. */
export const IsoTime = z.iso.datetime({ offset: true });

/** One message of the conversation. Only `client` messages count as the client's words. */
export const Message = z.object({
  author: z.enum(['client', 'agent', 'bot', 'system']),
  authorName: text().optional(),
  text: z.string().max(MAX_TEXT),
  at: IsoTime.optional(),
  /** false for internal notes, which the client never sees. */
  public: z.boolean(),
});
export type Message = z.infer<typeof Message>;

/** What the helpdesk knows of the client's past, where it says. */
export const History = z
  .object({
    tickets: z.number().int().nonnegative(),
    openTickets: z.number().int().nonnegative(),
    satisfactionGood: z.number().int().nonnegative(),
    satisfactionBad: z.number().int().nonnegative(),
    complaints: z.number().int().nonnegative(),
    compensationRequests: z.number().int().nonnegative(),
    promoTickets: z.number().int().nonnegative(),
    purchases: z.number().int().nonnegative(),
    firstContactAt: IsoTime,
  })
  .partial();
export type History = z.infer<typeof History>;

/** The client as read from one helpdesk page: the single shape every adapter produces. */
export const ClientSnapshot = z.object({
  source: SourceId,
  /** The helpdesk account: the subdomain, e.g. `acme` of acme.zendesk.com. */
  account: text(200).min(1),
  /** How the page was read: the helpdesk API, the page DOM, or both. */
  via: z.enum(['api', 'dom', 'mixed']),
  capturedAt: IsoTime,
  url: z.string().max(4000).optional(),
  client: z.object({
    externalId: text(100).min(1),
    name: text(),
    email: text(320).optional(),
    phone: text(50).optional(),
    organization: text().optional(),
    tags: z.array(text(200)).max(500).default([]),
    notes: text(20_000).optional(),
    /** Job title, where the CRM has one. */
    position: text().optional(),
    /** The helpdesk's custom fields for this person (Zendesk user fields), as text. */
    fields: z.record(z.string().max(200), z.string().max(2000)).default({}),
  }),
  /** The ticket (Zendesk) or lead (amoCRM) the agent has open, when the page is one. */
  ticket: z
    .object({
      id: text(100).min(1),
      subject: text(1000),
      status: text(100).optional(),
      tags: z.array(text(200)).max(500).default([]),
      channel: text(100).optional(),
    })
    .optional(),
  conversation: z.array(Message).max(5000).default([]),
  history: History.default({}),
  /** Deal or order value in the CRM, when there is one. */
  deal: z.object({ value: z.number().nonnegative(), currency: text(10).optional() }).optional(),
  agent: z.object({ name: text().optional() }).optional(),
});
export type ClientSnapshot = z.infer<typeof ClientSnapshot>;
export type ClientSnapshotInput = z.input<typeof ClientSnapshot>;

/** The dossier key of a snapshot's client: one record per helpdesk account and client id. */
export function clientKeyOf(s: Pick<ClientSnapshot, 'source' | 'account'> & { client: { externalId: string } }): string {
  return `${s.source}:${s.account}:${s.client.externalId}`;
}
