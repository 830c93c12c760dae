import { at } from '../../net/json-at';
import { isSuccess, sendJson } from '../../net/send-json';
import type { TagJob, WriteOutcome } from '../../team-sync/record';
import { applyTagChange, lowerSet } from '../../team-sync/tag-lists';
import { changeLanded, failed, type TagWriteEnv, type TagWriter } from '../../team-sync/writer';

/*
 * amoCRM/Kommo tags, written with the agent's session (shared/helpdesks/WRITES.md): a PATCH of the contact (or
 * company) replaces its whole tag list, so Tipazh reads the list, adds and removes only its own tags, writes the
 * whole list, and reads it again: a list someone changed meanwhile is merged and written once more.
 */

const COLLECTION = { contact: 'contacts', company: 'companies' } as const;
/** What jQuery sends in amo's own widgets; a plain fetch does not. */
const HEADERS = { 'X-Requested-With': 'XMLHttpRequest' };

const namesIn = (body: unknown): string[] => {
  const tags = at(body, '_embedded', 'tags');
  return Array.isArray(tags) ? tags.map((t) => at(t, 'name')).filter((n): n is string => typeof n === 'string') : [];
};

export const writeAmoTags: TagWriter = async (job: TagJob, env: TagWriteEnv): Promise<WriteOutcome> => {
  if (job.target.kind !== 'contact' && job.target.kind !== 'company')
    return { ok: false, reason: 'invalid', detail: `amoCRM has no ${job.target.kind}s to tag` };
  const url = `${env.origin}/api/v4/${COLLECTION[job.target.kind]}/${job.target.id}`;
  const opts = { fetch: env.fetch, headers: HEADERS };
  for (let attempt = 0; attempt < 2; attempt++) {
    const read = await sendJson(url, 'GET', undefined, opts);
    if (!isSuccess(read) || read.status === 204) return failed(read);
    const before = namesIn(read.body);
    const next = applyTagChange(before, job.add, job.remove);
    const had = lowerSet(before);
    const already = job.add.filter((t) => had.has(t.toLowerCase()));
    if (changeLanded(before, before, job.add, job.remove)) return { ok: true, tags: before, already };
    const patch = await sendJson(url, 'PATCH', { _embedded: { tags: next.length ? next.map((name) => ({ name })) : null } }, opts);
    if (patch.status === 409) continue;
    if (!isSuccess(patch)) return failed(patch);
    const check = await sendJson(url, 'GET', undefined, opts);
    if (!isSuccess(check) || check.status === 204) return failed(check);
    const after = namesIn(check.body);
    if (changeLanded(before, after, job.add, job.remove)) return { ok: true, tags: after, already };
    // Someone changed the list while we wrote it: read it again and merge once more.
  }
  return { ok: false, reason: 'conflict', status: 409, detail: 'the tags changed while Tipazh wrote them' };
};
