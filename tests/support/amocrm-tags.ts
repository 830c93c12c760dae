import { isJson, put, uniqueTags, type ApiReply, type TagKind, type TagModel, type TagStore } from './fake-tags';

/*
 * amoCRM/Kommo's tag API v4 on the fake (shared/helpdesks/WRITES.md): `PATCH /api/v4/{contacts|companies}/{id}`
 * with `_embedded.tags` replaces the whole list; tag ids are kept per entity type (`GET /api/v4/contacts/tags`).
 * No CSRF token: the fake records the headers so a test can check `X-Requested-With`.
 */

const FOLDER_KIND: Record<string, TagKind> = { contacts: 'contact', companies: 'company' };
const SELF = /\/api\/v4\/(contacts|companies)\/(\d+)\/?$/;
const secs = (ms: number) => Math.floor(ms / 1000);

/** amo's answer to a request that fails validation. */
const invalid = (path: string, detail: string): ApiReply => ({
  status: 400,
  body: {
    title: 'Bad Request',
    type: 'https://httpstatus.es/400',
    status: 400,
    detail: 'Request validation failed',
    'validation-errors': [{ request_id: '0', errors: [{ code: 'NotSupportedChoice', path, detail }] }],
  },
});

/** The tag names a PATCH's `_embedded.tags` asks for, or the validation error of the first tag amo would refuse. */
function requestedTags(sent: unknown, kind: TagKind, store: TagStore): string[] | ApiReply {
  if (sent === null) return [];
  if (!Array.isArray(sent)) return invalid('_embedded.tags', 'This value should be of type array.');
  const names: string[] = [];
  for (const [i, tag] of sent.entries()) {
    const name = !isJson(tag) ? undefined : tag.id != null ? store.tagName(kind, Number(tag.id)) : typeof tag.name === 'string' ? tag.name.trim() : undefined;
    if (!name) return invalid(`_embedded.tags.${i}.${isJson(tag) && tag.id != null ? 'id' : 'name'}`, 'The value you selected is not a valid choice.');
    names.push(name);
  }
  return uniqueTags(names);
}

export const AMOCRM_TAGS: TagModel = {
  folders: { contact: 'contacts', company: 'companies' },
  initial(_kind, file) {
    const embedded = file._embedded as { tags?: { id: number; name: string }[] } | undefined;
    return { tags: (embedded?.tags ?? []).map(({ id, name }) => ({ id, name })), updatedAt: Number(file.updated_at) * 1000 };
  },
  /** An entity is known by its own address, `_links.self.href`, wherever it is (a card, a list, an embed). */
  locate(obj) {
    const links = obj._links as { self?: { href?: string } } | undefined;
    const m = SELF.exec(String(links?.self?.href ?? '').split('?')[0] ?? '');
    const kind = m?.[1] ? FOLDER_KIND[m[1]] : undefined;
    return kind && m?.[2] && isJson(obj._embedded) && Array.isArray(obj._embedded.tags) ? { kind, id: m[2] } : undefined;
  },
  show(obj, ref, entity, store) {
    const tags = entity.tags.map((name) => ({ id: store.tagId(ref.kind, name), name, color: null }));
    const changedTags = put(obj._embedded as Record<string, unknown>, 'tags', tags);
    const changedTime = 'updated_at' in obj ? put(obj, 'updated_at', secs(entity.updatedAt)) : false;
    return changedTags || changedTime;
  },
  /** amo keeps names as written: trimmed, each once. */
  normalise: (tags) => uniqueTags(tags.map((t) => String(t).trim())),

  answer(req, store, notFound) {
    const list = /^\/api\/v4\/(contacts|companies)\/tags\/?$/.exec(req.path);
    const listKind = list?.[1] ? FOLDER_KIND[list[1]] : undefined;
    if (listKind && req.method === 'GET') {
      const tags = store.tagList(listKind).map((t) => ({ ...t, color: null }));
      if (!tags.length) return { status: 204 };
      return { status: 200, body: { _page: 1, _links: { self: { href: req.url.href } }, _embedded: { tags } } };
    }
    const card = /^\/api\/v4\/(contacts|companies)\/(\d+)\/?$/.exec(req.path);
    const kind = card?.[1] ? FOLDER_KIND[card[1]] : undefined;
    if (!kind || !card?.[2] || req.method !== 'PATCH') return undefined;
    const id = card[2];
    if (!store.get(kind, id)) return { status: 404, body: notFound };
    if (!isJson(req.body)) return invalid('', 'This value should be of type object.');
    const embedded = req.body._embedded;
    const sent = isJson(embedded) && 'tags' in embedded ? requestedTags(embedded.tags, kind, store) : undefined;
    if (sent && !Array.isArray(sent)) return sent;
    const written = sent ? store.write(kind, id, req.method, sent) : store.touch(kind, id);
    const href = `${req.url.origin}/api/v4/${card[1]}/${id}`;
    return { status: 200, body: { id: Number(id), updated_at: secs(written.updatedAt), _links: { self: { href } } } };
  },
};
