import { at } from '../../net/json-at';
import { isSuccess, sendJson, type Sent } from '../../net/send-json';
import type { TagJob, WriteOutcome } from '../../team-sync/record';
import { lowerSet } from '../../team-sync/tag-lists';
import { failed, type TagWriteEnv, type TagWriter } from '../../team-sync/writer';

/*
 * Zendesk tags, written with the agent's session (shared/helpdesks/WRITES.md): PUT adds tags, DELETE removes the
 * ones named; POST would replace the whole list and wipe everyone else's tags, so it is never used. Session writes
 * need the `X-CSRF-Token` header, from `/api/v2/users/me.json` (or the page's own meta tag).
 */

const COLLECTION = { user: 'users', organization: 'organizations' } as const;

const tagsIn = (body: unknown): string[] | undefined => {
  const tags = at(body, 'tags');
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : undefined;
};

/** The session's CSRF token, from `/users/me` or the page; a failure to ask (429, 5xx, offline) is passed on to wait and retry. */
async function csrfToken(env: TagWriteEnv): Promise<string | Sent | undefined> {
  const me = await sendJson(`${env.origin}/api/v2/users/me.json`, 'GET', undefined, { fetch: env.fetch });
  const token = at(me.body, 'user', 'authenticity_token');
  if (typeof token === 'string' && token) return token;
  if (env.pageCsrfToken) return env.pageCsrfToken;
  return isSuccess(me) ? undefined : me;
}

/** Sends tag writes with the CSRF token; a 403 fetches the token again once (it may have expired) before it counts. */
function csrfSender(env: TagWriteEnv) {
  let token: Promise<string | Sent | undefined> | undefined;
  return async (method: string, path: string, body: unknown): Promise<Sent> => {
    const send = async () => {
      const t = await (token ??= csrfToken(env));
      if (typeof t === 'object') return t;
      return sendJson(`${env.origin}${path}`, method, body, { fetch: env.fetch, headers: t ? { 'X-CSRF-Token': t } : {} });
    };
    const first = await send();
    if (first.status !== 403) return first;
    token = undefined;
    return send();
  };
}

/**
 * The ticket's tags with Zendesk's safe update: the ticket's `updated_at` goes along, and a 409 (the ticket changed
 * meanwhile) re-reads the ticket and tries once more.
 */
async function writeTicketTags(send: ReturnType<typeof csrfSender>, env: TagWriteEnv, id: string, method: 'PUT' | 'DELETE', tags: string[]): Promise<Sent> {
  let answer: Sent | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    const ticket = await sendJson(`${env.origin}/api/v2/tickets/${id}.json`, 'GET', undefined, { fetch: env.fetch });
    if (!isSuccess(ticket)) return ticket;
    const stamp = at(ticket.body, 'ticket', 'updated_at');
    answer = await send(method, `/api/v2/tickets/${id}/tags.json`, { tags, safe_update: true, ...(typeof stamp === 'string' ? { updated_stamp: stamp } : {}) });
    if (answer.status !== 409) return answer;
  }
  return answer!;
}

/** A ticket tag write that fails for good (a closed ticket, 403/422…) leaves the client's own tags written: the ticket's are a bonus. */
const ticketMustRetry = (s: Sent) => s.status === 0 || s.status === 429 || s.status === 401 || s.status >= 500;

export const writeZendeskTags: TagWriter = async (job: TagJob, env: TagWriteEnv): Promise<WriteOutcome> => {
  if (job.target.kind !== 'user' && job.target.kind !== 'organization') return { ok: false, reason: 'invalid', detail: `Zendesk has no ${job.target.kind}s` };
  const send = csrfSender(env);
  const path = `/api/v2/${COLLECTION[job.target.kind]}/${job.target.id}/tags.json`;
  // What the record carries before: an added tag already there is someone else's, never counted as Tipazh's.
  const read = await sendJson(`${env.origin}${path}`, 'GET', undefined, { fetch: env.fetch });
  if (!isSuccess(read)) return failed(read);
  let tags = tagsIn(read.body) ?? [];
  const before = lowerSet(tags);
  for (const [method, list] of [
    ['PUT', job.add],
    ['DELETE', job.remove],
  ] as const) {
    if (!list.length) continue;
    const answer = await send(method, path, { tags: list });
    if (!isSuccess(answer)) return failed(answer);
    tags = tagsIn(answer.body) ?? tags;
  }
  if (job.ticket) {
    for (const [method, list] of [
      ['PUT', job.add],
      ['DELETE', job.remove],
    ] as const) {
      if (!list.length) continue;
      const answer = await writeTicketTags(send, env, job.ticket.id, method, list);
      if (!isSuccess(answer) && ticketMustRetry(answer)) return failed(answer);
    }
  }
  return { ok: true, tags, already: job.add.filter((t) => before.has(t.toLowerCase())) };
};
