import { z } from '../schema/zod';
import { ClientSnapshot } from '../schema/snapshot';
import { AmoCompany, AmoContact, AmoLead, AmoNotes, AmoUser, amoToSnapshot } from './amocrm/api';
import { AmoDomRead, amoDomToSnapshot } from './amocrm/dom-read';
import {
  ZdComment,
  ZdMe,
  ZdOrganizationFull,
  ZdRequestedTickets,
  ZdTicketResponse,
  ZdUser,
  ZdUserRelated,
  zendeskApiToSnapshot,
  zendeskOrgToSnapshot,
  zendeskUserToSnapshot,
} from './zendesk/api';
import { domConversation, ZendeskDomRead, zendeskDomToSnapshot } from './zendesk/dom-read';

/*
 * What a content script read from a helpdesk page, as it came: API answers not yet validated, plus what
 * the page showed. The content script stays small (no schemas); the background validates this here and
 * builds the snapshot. A broken answer is refused with its path, never half-used.
 */
const Target = z.object({
  source: z.enum(['zendesk', 'amocrm']),
  account: z.string().check(z.minLength(1)),
  kind: z.enum(['ticket', 'user', 'organization']),
  id: z.string().check(z.minLength(1)),
});
const opt = z.optional(z.unknown());
const Url = z.string().check(z.maxLength(4000));

export const RawRead = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('zendesk-ticket'),
    target: Target,
    url: Url,
    /** Present when the ticket API answered; `comments` is null when only the comments failed. */
    api: z.optional(
      z.object({
        ticket: z.unknown(),
        comments: z.nullable(z.array(z.unknown()).check(z.maxLength(5000))),
        /** Older comments left unread (how many, or 'some'); anything else reads as none. */
        olderComments: z.optional(z.pipe(z.unknown(), z.transform((v): number | 'some' | undefined => (v === 'some' || (typeof v === 'number' && Number.isInteger(v) && v > 0) ? v : undefined)))),
        requester: opt,
        related: opt,
        requested: opt,
        me: opt,
      }),
    ),
    dom: z.optional(ZendeskDomRead),
  }),
  z.object({ kind: z.literal('zendesk-user'), target: Target, url: Url, user: z.unknown(), organization: opt, related: opt, requested: opt, me: opt }),
  z.object({ kind: z.literal('zendesk-organization'), target: Target, url: Url, organization: z.unknown(), tickets: opt, me: opt }),
  z.object({
    kind: z.literal('amocrm'),
    target: Target,
    url: Url,
    api: z.optional(z.object({ lead: opt, contact: opt, company: opt, notes: opt, account: opt, user: opt })),
    dom: AmoDomRead,
  }),
]);
export type RawRead = z.infer<typeof RawRead>;
export type RawReadInput = z.input<typeof RawRead>;

/** Parses an optional extra; a malformed extra is dropped (the card still shows), the required parts are not. */
const maybe = <S extends z.ZodMiniType>(schema: S, v: unknown): z.infer<S> | undefined => (v == null ? undefined : schema.safeParse(v).data);
const amoEntity = <S extends z.ZodMiniType>(schema: S, v: unknown) => (v == null ? undefined : schema.parse(v));

/** Validates a raw read and builds the client snapshot. Throws a zod error (`z.core.$ZodError`) that says where the data is wrong. */
export function snapshotFromRaw(input: unknown, now = new Date()): ClientSnapshot {
  const raw = RawRead.parse(input);
  const account = raw.target.account;
  switch (raw.kind) {
    case 'zendesk-ticket': {
      if (!raw.api) {
        if (!raw.dom) throw new Error('neither the API nor the page gave the ticket');
        return zendeskDomToSnapshot(raw.dom, account, raw.url, now);
      }
      const snap = zendeskApiToSnapshot(
        {
          account,
          url: raw.url,
          ticket: ZdTicketResponse.parse(raw.api.ticket),
          comments: z.array(ZdComment).parse(raw.api.comments ?? []),
          requester: maybe(z.object({ user: ZdUser }), raw.api.requester)?.user,
          related: maybe(ZdUserRelated, raw.api.related),
          requested: maybe(ZdRequestedTickets, raw.api.requested),
          me: maybe(ZdMe, raw.api.me),
        },
        now,
      );
      if (raw.api.olderComments && raw.api.comments !== null) snap.omitted = { older: raw.api.olderComments };
      if (raw.api.comments !== null || !raw.dom) return snap;
      return ClientSnapshot.parse({ ...snap, via: 'mixed', conversation: domConversation(raw.dom) });
    }
    case 'zendesk-user':
      return zendeskUserToSnapshot(
        {
          account,
          url: raw.url,
          user: z.object({ user: ZdUser }).parse(raw.user).user,
          organization: maybe(z.object({ organization: ZdOrganizationFull }), raw.organization)?.organization,
          related: maybe(ZdUserRelated, raw.related),
          requested: maybe(ZdRequestedTickets, raw.requested),
          me: maybe(ZdMe, raw.me),
        },
        now,
      );
    case 'zendesk-organization':
      return zendeskOrgToSnapshot(
        {
          account,
          url: raw.url,
          organization: z.object({ organization: ZdOrganizationFull }).parse(raw.organization).organization,
          ticketCount: maybe(z.object({ count: z.number() }), raw.tickets)?.count,
          me: maybe(ZdMe, raw.me),
        },
        now,
      );
    case 'amocrm': {
      if (!raw.api) return amoDomToSnapshot(raw.dom, raw.target, raw.url, now);
      const entity = raw.target.kind === 'ticket' ? 'lead' : raw.target.kind === 'user' ? 'contact' : 'company';
      return amoToSnapshot(
        {
          account,
          url: raw.url,
          entity,
          lead: amoEntity(AmoLead, raw.api.lead),
          contact: amoEntity(AmoContact, raw.api.contact),
          company: maybe(AmoCompany, raw.api.company),
          notes: maybe(AmoNotes, raw.api.notes),
          feed: raw.dom.feed ?? [],
          agentName: maybe(AmoUser, raw.api.user)?.name,
          statusText: raw.dom.status,
        },
        now,
      );
    }
  }
}
