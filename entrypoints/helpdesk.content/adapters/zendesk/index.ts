import type { GetJsonOptions } from '../../../../core/net/http';
import type { RawReadInput } from '../../../../core/sources/raw-read';
import type { PageTarget } from '../../../../core/sources/page-target';
import { zendeskSite } from '../../../../core/sources/zendesk/site';
import { log } from '../../log';
import { queryFirst, waitFor } from '../dom-utils';
import { withId, ZD } from './selectors';
import { at, idAt } from '../../../../core/net/json-at';
import { getBody, optional } from '../read-helpers';
import type { HelpdeskAdapter, ReadEnv } from '../types';
import { findTicketRoot, readZendeskDom } from './read-dom';
import { insertViaCkEditor } from './insert';

/** At most this many pages of 100 comments are read: the newest. */
const MAX_COMMENT_PAGES = 10;

const timeOf = (c: unknown) => {
  const t = at(c, 'created_at');
  return typeof t === 'string' ? Date.parse(t) : NaN;
};

/**
 * The ticket's newest comments (asked newest first, up to MAX_COMMENT_PAGES pages of cursor or offset
 * pagination), returned oldest first, and how many older ones were left unread (`'some'` when the count is
 * unavailable).
 */
async function readComments(origin: string, id: string, opts: GetJsonOptions): Promise<{ comments: unknown[]; older?: number | 'some' }> {
  const all: unknown[] = [];
  let next: string | null = `${origin}/api/v2/tickets/${id}/comments.json?page[size]=100&sort=-created_at`;
  for (let page = 0; next && page < MAX_COMMENT_PAGES; page++) {
    const res = await getBody(next, opts);
    const comments = at(res, 'comments');
    if (!Array.isArray(comments)) throw new Error('the comments answer has no comments list');
    all.push(...comments);
    const candidate = at(res, 'meta', 'has_more') === true ? at(res, 'links', 'next') : at(res, 'next_page');
    // Follow pagination links only on the helpdesk's own origin.
    next = typeof candidate === 'string' && new URL(candidate, origin).origin === origin ? candidate : null;
  }
  all.reverse();
  // Oldest first by time, whichever order the helpdesk answered in (the reversal keeps ties newest-last).
  if (all.every((c) => !Number.isNaN(timeOf(c)))) all.sort((a, b) => timeOf(a) - timeOf(b));
  if (!next) return { comments: all };
  const count = await optional('comment count', getBody(`${origin}/api/v2/tickets/${id}/comments/count.json`, opts));
  const total = at(count, 'count', 'value');
  return { comments: all, older: typeof total === 'number' && total > all.length ? total - all.length : 'some' };
}

let me: Promise<unknown> | undefined;
/** The agent's profile (for phrase variables), fetched once per page. */
const agentProfile = (origin: string, opts: GetJsonOptions) => (me ??= optional('agent profile', getBody(`${origin}/api/v2/users/me.json`, opts)));

/** The requester's history: counts and their other tickets. Optional: failures cost nothing. */
const history = (origin: string, userId: string, opts: GetJsonOptions) =>
  Promise.all([
    optional('related counts', getBody(`${origin}/api/v2/users/${userId}/related.json`, opts)),
    optional('requested tickets', getBody(`${origin}/api/v2/users/${userId}/tickets/requested.json?per_page=100&sort_order=desc`, opts)),
  ]);

async function readTicketApi(target: PageTarget, origin: string, opts: GetJsonOptions) {
  const ticket = await getBody(`${origin}/api/v2/tickets/${target.id}.json?include=users,organizations`, opts);
  const rid = idAt(ticket, 'ticket', 'requester_id');
  if (!rid) throw new Error('the ticket answer has no requester');
  const users = at(ticket, 'users');
  const sideloaded = Array.isArray(users) && users.some((u) => idAt(u, 'id') === rid);
  const [read, requester, [related, requested], meAnswer] = await Promise.all([
    readComments(origin, target.id, opts).catch((e: unknown) => (log.warn('comments unavailable, reading them from the page', e), null)),
    sideloaded ? undefined : optional('requester', getBody(`${origin}/api/v2/users/${rid}.json`, opts)),
    history(origin, rid, opts),
    agentProfile(origin, opts),
  ]);
  return { ticket, comments: read?.comments ?? null, olderComments: read?.older, requester, related, requested, me: meAnswer };
}

async function readTicket(target: PageTarget, env: ReadEnv): Promise<RawReadInput> {
  const url = env.doc.location.href;
  const origin = new URL(url).origin;
  let api: Awaited<ReturnType<typeof readTicketApi>> | undefined;
  try {
    api = await readTicketApi(target, origin, { fetch: env.fetch, signal: env.signal });
  } catch (e) {
    if (env.signal.aborted) throw e;
    log.warn('Zendesk API refused or failed; reading the page instead', e);
  }
  const needPage = !api || api.comments === null;
  const dom = needPage ? readZendeskDom(await waitFor(env.doc, () => findTicketRoot(env.doc, target.id), env.signal), target.id) : undefined;
  return { kind: 'zendesk-ticket', target, url, api, dom };
}

/** A user page: the person with their history (no conversation of their own). */
async function readUser(target: PageTarget, env: ReadEnv): Promise<RawReadInput> {
  const origin = new URL(env.doc.location.href).origin;
  const opts: GetJsonOptions = { fetch: env.fetch, signal: env.signal };
  const user = await getBody(`${origin}/api/v2/users/${target.id}.json`, opts);
  const orgId = idAt(user, 'user', 'organization_id');
  const [organization, [related, requested], meAnswer] = await Promise.all([
    orgId ? optional('organization', getBody(`${origin}/api/v2/organizations/${orgId}.json`, opts)) : undefined,
    history(origin, target.id, opts),
    agentProfile(origin, opts),
  ]);
  return { kind: 'zendesk-user', target, url: env.doc.location.href, user, organization, related, requested, me: meAnswer };
}

/** An organization page: the organization as a B2B client. */
async function readOrganization(target: PageTarget, env: ReadEnv): Promise<RawReadInput> {
  const origin = new URL(env.doc.location.href).origin;
  const opts: GetJsonOptions = { fetch: env.fetch, signal: env.signal };
  const [organization, tickets, meAnswer] = await Promise.all([
    getBody(`${origin}/api/v2/organizations/${target.id}.json`, opts),
    optional('organization tickets', getBody(`${origin}/api/v2/organizations/${target.id}/tickets.json?per_page=1`, opts)),
    agentProfile(origin, opts),
  ]);
  return { kind: 'zendesk-organization', target, url: env.doc.location.href, organization, tickets, me: meAnswer };
}

/** Zendesk Support: the API with the agent's session first, the page as a fallback on tickets. */
export const zendesk: HelpdeskAdapter = {
  site: zendeskSite,
  insert: (text, target, doc) => insertViaCkEditor(doc, text, target?.kind === 'ticket' ? target.id : undefined),
  replyBox: (target, doc) => {
    const root = target?.kind === 'ticket' ? queryFirst<HTMLElement>(doc, withId(ZD.activeTicket, target.id)) : null;
    return queryFirst<HTMLElement>(root ?? doc, ZD.composer);
  },
  read(target, env) {
    if (target.kind === 'user') return readUser(target, env);
    if (target.kind === 'organization') return readOrganization(target, env);
    return readTicket(target, env);
  },
};
