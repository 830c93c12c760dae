import { z } from 'zod';
import type { GetJsonOptions } from '../../../core/net/http';
import type { ClientSnapshot } from '../../../core/schema/snapshot';
import { isZendeskHost, parseZendeskUrl, type PageTarget } from '../../../core/sources/urls';
import {
  ZdCommentsPage,
  ZdMe,
  ZdRequestedTickets,
  ZdTicketResponse,
  ZdUser,
  ZdUserRelated,
  ZdOrganizationFull,
  zendeskApiToSnapshot,
  zendeskOrgToSnapshot,
  zendeskUserToSnapshot,
  type ZdComment,
  type ZendeskApiRead,
} from '../../../core/sources/zendesk-api';
import { zendeskDomToSnapshot } from '../../../core/sources/zendesk-dom';
import { log } from '../log';
import { waitFor } from './dom-utils';
import { getParsed as getParsedOrNull, optional } from './read-helpers';
import type { HelpdeskAdapter, ReadEnv } from './types';
import { findTicketRoot, readZendeskDom } from './zendesk-dom';
import { insertViaCkEditor } from './zendesk-insert';

const MAX_COMMENT_PAGES = 10;

/** Zendesk always answers a body; a null here is a broken answer. */
async function getParsed<S extends z.ZodType>(schema: S, url: string, opts: GetJsonOptions): Promise<z.infer<S>> {
  const v = await getParsedOrNull(schema, url, opts);
  if (v === null) throw new Error(`empty answer from ${url}`);
  return v;
}

async function readComments(origin: string, id: string, opts: GetJsonOptions): Promise<ZdComment[]> {
  const all: ZdComment[] = [];
  let next: string | null | undefined = `${origin}/api/v2/tickets/${id}/comments.json?page[size]=100`;
  for (let page = 0; next && page < MAX_COMMENT_PAGES; page++) {
    const res: ZdCommentsPage = await getParsed(ZdCommentsPage, next, opts);
    all.push(...res.comments);
    const candidate: string | null | undefined = res.meta?.has_more ? res.links?.next : res.next_page;
    // Follow pagination links only on the helpdesk's own origin.
    next = candidate && new URL(candidate, origin).origin === origin ? candidate : null;
  }
  return all;
}

let agentName: Promise<z.infer<typeof ZdMe> | undefined> | undefined;

async function readApi(target: PageTarget, env: ReadEnv): Promise<{ read: ZendeskApiRead; commentsFailed: boolean }> {
  const origin = new URL(env.doc.location.href).origin;
  const opts: GetJsonOptions = { fetch: env.fetch, signal: env.signal };
  const ticket = await getParsed(ZdTicketResponse, `${origin}/api/v2/tickets/${target.id}.json?include=users,organizations`, opts);
  const rid = ticket.ticket.requester_id;
  agentName ??= optional('agent profile', getParsed(ZdMe, `${origin}/api/v2/users/me.json`, opts));
  const [comments, requester, related, requested, me] = await Promise.all([
    readComments(origin, target.id, opts).catch((e) => (log.warn('comments unavailable, reading them from the page', e), null)),
    ticket.users.some((u) => u.id === rid)
      ? undefined
      : optional('requester', getParsed(z.object({ user: ZdUser }), `${origin}/api/v2/users/${rid}.json`, opts).then((r) => r.user)),
    optional('related counts', getParsed(ZdUserRelated, `${origin}/api/v2/users/${rid}/related.json`, opts)),
    optional('requested tickets', getParsed(ZdRequestedTickets, `${origin}/api/v2/users/${rid}/tickets/requested.json?per_page=100&sort_order=desc`, opts)),
    agentName,
  ]);
  return {
    read: { account: target.account, url: env.doc.location.href, ticket, comments: comments ?? [], requester, related, requested, me },
    commentsFailed: comments === null,
  };
}

async function readDom(target: PageTarget, env: ReadEnv) {
  const root = await waitFor(env.doc, () => findTicketRoot(env.doc, target.id), env.signal);
  return readZendeskDom(root, target.id);
}

/** A user page: the person with their history (no conversation of their own). */
async function readUser(target: PageTarget, env: ReadEnv): Promise<ClientSnapshot> {
  const origin = new URL(env.doc.location.href).origin;
  const opts: GetJsonOptions = { fetch: env.fetch, signal: env.signal };
  const { user } = await getParsed(z.object({ user: ZdUser }), `${origin}/api/v2/users/${target.id}.json`, opts);
  agentName ??= optional('agent profile', getParsed(ZdMe, `${origin}/api/v2/users/me.json`, opts));
  const [organization, related, requested, me] = await Promise.all([
    user.organization_id ? optional('organization', getParsed(z.object({ organization: ZdOrganizationFull }), `${origin}/api/v2/organizations/${user.organization_id}.json`, opts).then((r) => r.organization)) : undefined,
    optional('related counts', getParsed(ZdUserRelated, `${origin}/api/v2/users/${target.id}/related.json`, opts)),
    optional('requested tickets', getParsed(ZdRequestedTickets, `${origin}/api/v2/users/${target.id}/tickets/requested.json?per_page=100&sort_order=desc`, opts)),
    agentName,
  ]);
  return zendeskUserToSnapshot({ account: target.account, url: env.doc.location.href, user, organization, related, requested, me });
}

/** An organization page: the organization as a B2B client. */
async function readOrganization(target: PageTarget, env: ReadEnv): Promise<ClientSnapshot> {
  const origin = new URL(env.doc.location.href).origin;
  const opts: GetJsonOptions = { fetch: env.fetch, signal: env.signal };
  const [{ organization }, tickets, me] = await Promise.all([
    getParsed(z.object({ organization: ZdOrganizationFull }), `${origin}/api/v2/organizations/${target.id}.json`, opts),
    optional('organization tickets', getParsed(z.object({ count: z.number().nullish() }), `${origin}/api/v2/organizations/${target.id}/tickets.json?per_page=1`, opts)),
    (agentName ??= optional('agent profile', getParsed(ZdMe, `${origin}/api/v2/users/me.json`, opts))),
  ]);
  return zendeskOrgToSnapshot({ account: target.account, url: env.doc.location.href, organization, ticketCount: tickets?.count ?? undefined, me });
}

/** Zendesk Support: the API with the agent's session first, the page as a fallback on tickets. */
export const zendesk: HelpdeskAdapter = {
  id: 'zendesk',
  owns: isZendeskHost,
  target: parseZendeskUrl,
  insert: (text, target, doc) => insertViaCkEditor(doc, text, target?.kind === 'ticket' ? target.id : undefined),
  async read(target, env): Promise<ClientSnapshot> {
    if (target.kind === 'user') return readUser(target, env);
    if (target.kind === 'organization') return readOrganization(target, env);
    const url = env.doc.location.href;
    let api: Awaited<ReturnType<typeof readApi>>;
    try {
      api = await readApi(target, env);
    } catch (e) {
      if (env.signal.aborted) throw e;
      log.warn('Zendesk API refused or failed; reading the page instead', e);
      return zendeskDomToSnapshot(await readDom(target, env), target.account, url);
    }
    const snap = zendeskApiToSnapshot(api.read);
    if (!api.commentsFailed) return snap;
    const dom = zendeskDomToSnapshot(await readDom(target, env), target.account, url);
    return { ...snap, via: 'mixed', conversation: dom.conversation };
  },
};
