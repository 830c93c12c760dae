import { z } from '../../schema/zod';
import { ClientSnapshot, type ClientSnapshotInput, type Message } from '../../schema/snapshot';
import { Id, Name, OptStr } from '../api-fields';

/*
 * Zendesk Support API shapes, only the fields Tipazh reads (unknown keys are dropped).
 * Facts: developer.zendesk.com Tickets, Ticket Comments, Users (agent view), Users Related.
 * Ids are 14-digit integers, still below 2^53, so numbers are safe; we store them as strings.
 */
const Tags = z.pipe(
  z.nullish(z.array(z.string())),
  z.transform((v) => v ?? []),
);
const Channel = z.nullish(z.object({ channel: z.nullish(z.string()) }));

export const ZdUser = z.object({
  id: Id,
  name: Name,
  email: OptStr,
  phone: OptStr,
  role: OptStr,
  organization_id: z.nullish(Id),
  tags: Tags,
  notes: OptStr,
  details: OptStr,
  created_at: OptStr,
  /** Custom user fields, keyed by field key; values may be text, numbers, booleans, dates or null. */
  user_fields: z.pipe(
    z.nullish(z.record(z.string(), z.unknown())),
    z.transform((v) =>
      Object.fromEntries(
        Object.entries(v ?? {})
          .filter(([, x]) => x !== null && x !== undefined && x !== '' && typeof x !== 'object')
          .slice(0, 100)
          .map(([k, x]) => [k, String(x).slice(0, 2000)]),
      ),
    ),
  ),
});
export type ZdUser = z.infer<typeof ZdUser>;

export const ZdOrganization = z.object({ id: Id, name: z.string() });
/** `GET /api/v2/organizations/{id}.json` (agents; some custom roles get 403). */
export const ZdOrganizationFull = z.extend(ZdOrganization, { tags: Tags, notes: OptStr, details: OptStr, domain_names: z.nullish(z.array(z.string())) });

const SatisfactionRating = z.nullish(z.object({ score: z.nullish(z.string()) }));

export const ZdTicket = z.object({
  id: Id,
  subject: Name,
  raw_subject: OptStr,
  status: OptStr,
  requester_id: Id,
  organization_id: z.nullish(Id),
  tags: Tags,
  created_at: OptStr,
  via: Channel,
  satisfaction_rating: SatisfactionRating,
});
export type ZdTicket = z.infer<typeof ZdTicket>;

/** `GET /api/v2/tickets/{id}.json?include=users,organizations` */
export const ZdTicketResponse = z.object({
  ticket: ZdTicket,
  users: z.pipe(
    z.nullish(z.array(ZdUser)),
    z.transform((v) => v ?? []),
  ),
  organizations: z.pipe(
    z.nullish(z.array(ZdOrganization)),
    z.transform((v) => v ?? []),
  ),
});
export type ZdTicketResponse = z.infer<typeof ZdTicketResponse>;

export const ZdComment = z.object({
  id: Id,
  author_id: Id,
  body: OptStr,
  html_body: OptStr,
  plain_body: OptStr,
  public: z.pipe(
    z.nullish(z.boolean()),
    z.transform((v) => v ?? true),
  ),
  created_at: OptStr,
  via: Channel,
  metadata: z.nullish(z.object({ via: Channel })),
});
export type ZdComment = z.infer<typeof ZdComment>;

/** `GET /api/v2/users/{id}/related.json` */
export const ZdUserRelated = z.object({
  user_related: z.object({ requested_tickets: z.nullish(z.number().check(z.int(), z.nonnegative())) }),
});

/** `GET /api/v2/users/{id}/tickets/requested.json` */
export const ZdRequestedTickets = z.object({ tickets: z.array(ZdTicket), count: z.nullish(z.number()) });

/** `GET /api/v2/users/me.json`: the agent, for phrase variables. */
export const ZdMe = z.object({ user: z.object({ name: z.nullish(z.string()) }) });

/** Everything the Zendesk adapter fetched for one ticket; only `ticket` and `comments` are required. */
export interface ZendeskApiRead {
  account: string;
  url?: string;
  ticket: ZdTicketResponse;
  comments: ZdComment[];
  requester?: ZdUser;
  related?: z.infer<typeof ZdUserRelated>;
  requested?: z.infer<typeof ZdRequestedTickets>;
  me?: z.infer<typeof ZdMe>;
}

/** Strips tags and decodes the few entities Zendesk puts in `html_body`, for when no plain body is given. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/li)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function commentText(c: ZdComment): string {
  if (c.plain_body != null) return c.plain_body.trim();
  if (c.html_body != null) return htmlToText(c.html_body);
  return (c.body ?? '').trim();
}

const isClosed = (status?: string) => status === 'solved' || status === 'closed';

/** Builds a snapshot from the Zendesk API responses. Throws a zod error when the result is not a valid snapshot. */
export function zendeskApiToSnapshot(read: ZendeskApiRead, now = new Date()): ClientSnapshot {
  const { ticket, users, organizations } = read.ticket;
  const requesterId = ticket.requester_id;
  const requester = read.requester ?? users.find((u) => u.id === requesterId);
  const agentRoles = new Set(['agent', 'admin']);
  const roleOf = new Map(users.map((u) => [u.id, u.role]));
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  const orgId = requester?.organization_id ?? ticket.organization_id;
  const organization = organizations.find((o) => o.id === orgId)?.name;

  const conversation: Message[] = read.comments.map((c) => {
    const role = roleOf.get(c.author_id);
    const author: Message['author'] =
      c.author_id === requesterId ? 'client' : role && agentRoles.has(role) ? 'agent' : role === 'end-user' ? 'client' : 'agent';
    return {
      author,
      authorName: nameOf.get(c.author_id),
      text: commentText(c),
      at: c.created_at,
      public: c.public,
    };
  });

  const input: ClientSnapshotInput = {
    source: 'zendesk',
    account: read.account,
    via: 'api',
    capturedAt: now.toISOString(),
    url: read.url,
    client: {
      externalId: requesterId,
      name: requester?.name ?? '',
      email: requester?.email,
      phone: requester?.phone,
      organization,
      tags: requester?.tags ?? [],
      notes: requester ? notesOf(requester) : undefined,
      fields: requester?.user_fields ?? {},
    },
    ticket: {
      id: ticket.id,
      subject: ticket.subject || ticket.raw_subject || '',
      status: ticket.status,
      tags: ticket.tags,
      channel: ticket.via?.channel ?? undefined,
    },
    conversation,
    history: historyOf(read, requester),
    agent: agentOf(read.me),
  };
  return ClientSnapshot.parse(input);
}

type HistorySources = Pick<ZendeskApiRead, 'related' | 'requested'>;

/** The requester's past from their other tickets: count, open ones, satisfaction ratings, first contact. */
function historyOf(read: HistorySources, user?: ZdUser): ClientSnapshotInput['history'] {
  const others = read.requested?.tickets ?? [];
  const ratings = others.map((t) => t.satisfaction_rating?.score);
  const firstContact = others
    .map((t) => t.created_at)
    .filter((t): t is string => !!t)
    .sort()[0];
  return {
    tickets: read.related?.user_related.requested_tickets ?? read.requested?.count ?? (others.length || undefined),
    openTickets: read.requested ? others.filter((t) => !isClosed(t.status)).length : undefined,
    satisfactionGood: read.requested ? ratings.filter((s) => s === 'good').length : undefined,
    satisfactionBad: read.requested ? ratings.filter((s) => s === 'bad').length : undefined,
    firstContactAt: firstContact ?? user?.created_at,
  };
}

const agentOf = (me?: z.infer<typeof ZdMe>) => (me?.user.name ? { name: me.user.name } : undefined);

/** What every Zendesk API snapshot starts with: where it came from, when, and who the agent is. */
const envelope = (read: { account: string; url?: string; me?: z.infer<typeof ZdMe> }, now: Date) =>
  ({ source: 'zendesk', account: read.account, via: 'api', capturedAt: now.toISOString(), url: read.url, agent: agentOf(read.me) }) as const;

/** Zendesk's free-text `notes` and `details` on a user or organization, as one text. */
const notesOf = (x: { notes?: string; details?: string }) => [x.notes, x.details].filter(Boolean).join('\n\n') || undefined;

/** A Zendesk user page (`/agent/users/{id}`): the person, their organization and their ticket history. */
export function zendeskUserToSnapshot(
  read: HistorySources & { account: string; url?: string; user: ZdUser; organization?: z.infer<typeof ZdOrganization>; me?: z.infer<typeof ZdMe> },
  now = new Date(),
): ClientSnapshot {
  const u = read.user;
  return ClientSnapshot.parse({
    ...envelope(read, now),
    client: {
      externalId: u.id,
      name: u.name,
      email: u.email,
      phone: u.phone,
      organization: read.organization?.name,
      tags: u.tags,
      notes: notesOf(u),
      fields: u.user_fields,
    },
    conversation: [],
    history: historyOf(read, u),
  } satisfies ClientSnapshotInput);
}

/** A Zendesk organization page: the organization is the client (B2B). */
export function zendeskOrgToSnapshot(
  read: { account: string; url?: string; organization: z.infer<typeof ZdOrganizationFull>; ticketCount?: number; me?: z.infer<typeof ZdMe> },
  now = new Date(),
): ClientSnapshot {
  const o = read.organization;
  return ClientSnapshot.parse({
    ...envelope(read, now),
    client: { externalId: `org:${o.id}`, name: o.name, organization: o.name, tags: o.tags, notes: notesOf(o) },
    conversation: [],
    history: { tickets: read.ticketCount },
  } satisfies ClientSnapshotInput);
}
