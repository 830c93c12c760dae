import { z } from './zod';
import { SourceId } from '../taxonomy';

const MAX_TEXT = 200_000;
const text = (max = 500) => z.string().check(z.trim(), z.maxLength(max));
const count = () => z.number().check(z.int(), z.nonnegative());
/** ISO 8601 timestamp with a zone, as helpdesk APIs return them. */
export const IsoTime = z.iso.datetime({ offset: true });

/** One message of the conversation. Only `client` messages count as the client's words. */
export const Message = z.object({
  author: z.enum(['client', 'agent', 'bot', 'system']),
  authorName: z.optional(text()),
  text: z.string().check(z.maxLength(MAX_TEXT)),
  at: z.optional(IsoTime),
  /** false for internal notes, which the client never sees. */
  public: z.boolean(),
});
export type Message = z.infer<typeof Message>;

/** What the helpdesk knows of the client's past, where it says. */
export const History = z.partial(
  z.object({
    tickets: count(),
    openTickets: count(),
    satisfactionGood: count(),
    satisfactionBad: count(),
    complaints: count(),
    compensationRequests: count(),
    promoTickets: count(),
    purchases: count(),
    firstContactAt: IsoTime,
  }),
);
export type History = z.infer<typeof History>;

/** The client as read from one helpdesk page: the single shape every adapter produces. */
export const ClientSnapshot = z.object({
  source: SourceId,
  /** The helpdesk account: the subdomain, e.g. `acme` of acme.zendesk.com. */
  account: text(200).check(z.minLength(1)),
  /** How the page was read: the helpdesk API, the page DOM, or both. */
  via: z.enum(['api', 'dom', 'mixed']),
  capturedAt: IsoTime,
  url: z.optional(z.string().check(z.maxLength(4000))),
  client: z.object({
    externalId: text(100).check(z.minLength(1)),
    name: text(),
    email: z.optional(text(320)),
    phone: z.optional(text(50)),
    organization: z.optional(text()),
    tags: z._default(z.array(text(200)).check(z.maxLength(500)), []),
    notes: z.optional(text(20_000)),
    /** Job title, where the CRM has one. */
    position: z.optional(text()),
    /** The helpdesk's custom fields for this person (Zendesk user fields), as text. */
    fields: z._default(z.record(z.string().check(z.maxLength(200)), z.string().check(z.maxLength(2000))), {}),
  }),
  /** The ticket (Zendesk) or lead (amoCRM) the agent has open, when the page is one. */
  ticket: z.optional(
    z.object({
      id: text(100).check(z.minLength(1)),
      subject: text(1000),
      status: z.optional(text(100)),
      tags: z._default(z.array(text(200)).check(z.maxLength(500)), []),
      channel: z.optional(text(100)),
    }),
  ),
  conversation: z._default(z.array(Message).check(z.maxLength(5000)), []),
  history: z._default(History, {}),
  /** Deal or order value in the CRM, when there is one. */
  deal: z.optional(z.object({ value: z.number().check(z.nonnegative()), currency: z.optional(text(10)) })),
  agent: z.optional(z.object({ name: z.optional(text()) })),
});
export type ClientSnapshot = z.infer<typeof ClientSnapshot>;
export type ClientSnapshotInput = z.input<typeof ClientSnapshot>;

/** The dossier key of a snapshot's client: one record per helpdesk account and client id. */
export function clientKeyOf(s: Pick<ClientSnapshot, 'source' | 'account'> & { client: { externalId: string } }): string {
  return `${s.source}:${s.account}:${s.client.externalId}`;
}
