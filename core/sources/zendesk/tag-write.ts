import { at } from '../../net/json-at';
import { isSuccess, sendJson, type Sent } from '../../net/send-json';
import type { TagJob, WriteOutcome } from '../../team-sync/record';
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

async function csrfToken(env: TagWriteEnv): Promise<string | undefined> {
  const me = await sendJson(`${env.origin}/api/v2/users/me.json`, 'GET', undefined, { fetch: env.fetch });
  const token = at(me.body, 'user', 'authenticity_token');
  return typeof token === 'string' && token ? token : env.pageCsrfToken;
}

/** Sends tag writes with the CSRF token; a 403 fetches the token again once (it may have expired) before it counts. */
function csrfSender(env: TagWriteEnv) {
  let token: Promise<string | undefined> | undefined;
  return async (method: string, path: string, body: unknown): Promise<Sent> => {
    const send = async () => {
      const t = await (token ??= csrfToken(env));
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

export const writeZendeskTags: TagWriter = async (job: TagJob, env: TagWriteEnv): Promise<WriteOutcome> => {
  if (job.target.kind !== 'user' && job.target.kind !== 'organization') return { ok: false, reason: 'invalid', detail: `Zendesk has no ${job.target.kind}s` };
  const send = csrfSender(env);
  const path = `/api/v2/${COLLECTION[job.target.kind]}/${job.target.id}/tags.json`;
  let tags: string[] | undefined;
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
      if (!isSuccess(answer)) return failed(answer);
    }
  }
  if (!tags) {
    const read = await sendJson(`${env.origin}${path}`, 'GET', undefined, { fetch: env.fetch });
    tags = isSuccess(read) ? (tagsIn(read.body) ?? []) : [];
  }
  return { ok: true, tags };
};
