import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isJson, isRead, put, uniqueTags, type ApiReply, type TagKind, type TagModel } from './fake-tags';

/*
 * Zendesk's tag API on the fake (shared/helpdesks/WRITES.md): `/api/v2/{users|organizations|tickets}/{id}/tags`,
 * PUT adds, POST replaces, DELETE removes; every write needs the session's X-CSRF-Token; ticket writes may ask
 * for a safe update against the ticket's `updated_at`.
 */

/** The session's CSRF token: `authenticity_token` of `api/users/me.json`. */
export const ZENDESK_CSRF_TOKEN: string = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/zendesk/api/users/me.json'), 'utf8')).user
  .authenticity_token;
/** `updated_at` of a fixture entity whose file has none. */
export const ZENDESK_FIRST_UPDATE = '2026-01-01T00:00:00Z';

const KIND_OF: Record<string, TagKind> = {
  user: 'user',
  users: 'user',
  organization: 'organization',
  organizations: 'organization',
  ticket: 'ticket',
  tickets: 'ticket',
};
const FOLDER_KIND: Record<string, TagKind> = { users: 'user', organizations: 'organization', tickets: 'ticket' };
/** Zendesk's time format: whole seconds, `Z`. */
const stamp = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const error = (status: number, error: string, description: string): ApiReply => ({ status, body: { error, description } });

/** What each verb makes of the current list and the (normalised) tags sent. */
const VERBS: Record<string, (now: string[], sent: string[]) => string[]> = {
  PUT: (now, sent) => uniqueTags([...now, ...sent]),
  POST: (_now, sent) => sent,
  DELETE: (now, sent) => now.filter((t) => !sent.includes(t)),
};

/** Stale when the request asks for a safe update and its `updated_stamp` is not the ticket's `updated_at`. */
function staleStamp(body: Record<string, unknown>, updatedAt: number): boolean {
  if (body.safe_update !== true && body.safe_update !== 'true') return false;
  return Date.parse(String(body.updated_stamp)) !== updatedAt;
}

export const ZENDESK_TAGS: TagModel = {
  folders: { user: 'users', organization: 'organizations', ticket: 'tickets' },
  initial(kind, file) {
    const entity = file[kind] as { tags?: string[]; updated_at?: string };
    return { tags: (entity.tags ?? []).map((name) => ({ name })), updatedAt: Date.parse(entity.updated_at ?? ZENDESK_FIRST_UPDATE) };
  },
  locate(obj, key) {
    const kind = key === undefined ? undefined : KIND_OF[key];
    return kind && obj.id != null && Array.isArray(obj.tags) ? { kind, id: String(obj.id) } : undefined;
  },
  show(obj, ref, entity) {
    const tags = put(obj, 'tags', entity.tags);
    const updated = ref.kind === 'ticket' || 'updated_at' in obj ? put(obj, 'updated_at', stamp(entity.updatedAt)) : false;
    return tags || updated;
  },
  /** Lower case, trimmed; a tag with spaces is several tags; each once. */
  normalise: (tags) => uniqueTags(tags.flatMap((t) => String(t).toLowerCase().trim().split(/\s+/))),

  answer(req, store, notFound) {
    if (!isRead(req.method) && req.headers['x-csrf-token'] !== ZENDESK_CSRF_TOKEN) {
      return error(403, 'InvalidCSRFToken', 'The request has no valid X-CSRF-Token header: the session could not be verified.');
    }
    const m = /^\/api\/v2\/(users|organizations|tickets)\/(\d+)\/tags(?:\.json)?$/.exec(req.path);
    const kind = m?.[1] ? FOLDER_KIND[m[1]] : undefined;
    if (!m?.[2] || !kind) return undefined;
    const id = m[2];
    const entity = store.get(kind, id);
    if (!entity) return { status: 404, body: notFound };
    if (isRead(req.method)) return { status: 200, body: { tags: entity.tags } };
    const verb = VERBS[req.method];
    if (!verb) return undefined;
    const body = req.body;
    if (!isJson(body) || !Array.isArray(body.tags)) return error(400, 'InvalidValue', 'tags: an array of tags is required');
    if (kind === 'ticket' && staleStamp(body, entity.updatedAt)) {
      return error(409, 'UpdateConflict', 'Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.');
    }
    const written = store.write(kind, id, req.method, verb(entity.tags, ZENDESK_TAGS.normalise(body.tags)));
    return { status: 200, body: { tags: written.tags } };
  },
};
