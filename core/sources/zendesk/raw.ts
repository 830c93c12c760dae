import type { ClientSnapshot } from '../../schema/snapshot';
import { ClientSnapshot as Snapshot } from '../../schema/snapshot';
import { z } from '../../schema/zod';
import { maybe, opt, Target, Url } from '../raw-parts';
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
} from './api';
import { domConversation, ZendeskDomRead, zendeskDomToSnapshot } from './dom-read';

/** What the Zendesk reader sends from a ticket, a user or an organization page. */
export const ZendeskRaw = z.discriminatedUnion('kind', [
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
        olderComments: z.optional(
          z.pipe(
            z.unknown(),
            z.transform((v): number | 'some' | undefined => (v === 'some' || (typeof v === 'number' && Number.isInteger(v) && v > 0) ? v : undefined)),
          ),
        ),
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
]);
export type ZendeskRaw = z.infer<typeof ZendeskRaw>;

/** The snapshot of a checked Zendesk read. Throws a zod error that says where an answer is wrong. */
export function zendeskRawToSnapshot(raw: ZendeskRaw, now: Date): ClientSnapshot {
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
      return Snapshot.parse({ ...snap, via: 'mixed', conversation: domConversation(raw.dom) });
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
  }
}
