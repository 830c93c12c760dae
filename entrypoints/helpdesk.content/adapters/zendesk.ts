import { z } from 'zod';
import { getJson, type GetJsonOptions } from '../../../core/net/http';
import type { ClientSnapshot } from '../../../core/schema/snapshot';
import { isZendeskHost, parseZendeskUrl, type PageTarget } from '../../../core/sources/urls';
import {
  ZdCommentsPage,
  ZdMe,
  ZdRequestedTickets,
  ZdTicketResponse,
  ZdUser,
  ZdUserRelated,
  zendeskApiToSnapshot,
  type ZdComment,
  type ZendeskApiRead,
} from '../../../core/sources/zendesk-api';
import { zendeskDomToSnapshot } from '../../../core/sources/zendesk-dom';
import { log } from '../log';
import { waitFor } from './dom-utils';
import type { HelpdeskAdapter, ReadEnv } from './types';
import { findTicketRoot, readZendeskDom } from './zendesk-dom';

const MAX_COMMENT_PAGES = 10;

async function getParsed<S extends z.ZodType>(schema: S, url: string, opts: GetJsonOptions): Promise<z.infer<S>> {
  return schema.parse(await getJson(url, opts));
}

/** Optional extras: a refusal or an error here never costs the client card. */
async function optional<T>(what: string, p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    log.info(`${what} unavailable`, e);
    return undefined;
  }
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

/** Zendesk Support: the API with the agent's session first, the page as a fallback. */
export const zendesk: HelpdeskAdapter = {
  id: 'zendesk',
  owns: isZendeskHost,
  target: (url) => {
    const t = parseZendeskUrl(url);
    return t?.kind === 'ticket' ? t : null;
  },
  async read(target, env): Promise<ClientSnapshot> {
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
