import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AMOCRM_SITE } from '../../support/amocrm-routes';
import { fixtureServer, type FixtureServer } from '../../support/fixture-routes';
import { ZENDESK_CSRF_TOKEN, ZENDESK_SITE } from '../../support/zendesk-routes';

/* The fake helpdesks' tag writes (tests/support/fake-tags.ts), asked directly, as the e2e routes and the Firefox proxy ask them. */

const ZD = 'https://brewly.zendesk.com';
const AMO = 'https://brewly.kommo.com';
const VIKTORIA = '38156690203345';
const CSRF = { 'X-CSRF-Token': ZENDESK_CSRF_TOKEN };

function ask(server: FixtureServer, origin: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const sent = body === undefined ? headers : { 'content-type': 'application/json', ...headers };
  const lower = Object.fromEntries(Object.entries(sent).map(([k, v]) => [k.toLowerCase(), v]));
  const a = server.answer(new URL(path, origin), { method, headers: lower, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = String(a.body);
  return { status: a.status, headers: a.headers, text, json: text ? JSON.parse(text) : undefined };
}
const zendesk = () => {
  const server = fixtureServer(ZENDESK_SITE);
  return { server, ask: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => ask(server, ZD, method, path, body, headers) };
};
const amo = () => {
  const server = fixtureServer(AMOCRM_SITE);
  return { server, ask: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => ask(server, AMO, method, path, body, headers) };
};

describe('fake Zendesk: tag writes', () => {
  it('PUT adds (normalised, order kept), POST replaces, DELETE removes; each answers the whole list', () => {
    const z = zendesk();
    const path = `/api/v2/users/${VIKTORIA}/tags.json`;
    expect(z.ask('GET', path).json).toEqual({ tags: ['vip', 'influencer', 'loyalty_gold'] });
    const added = z.ask('PUT', path, { tags: ['Tipazh_Extortionist', 'vip', ' two words '] }, CSRF);
    expect(added).toMatchObject({ status: 200, json: { tags: ['vip', 'influencer', 'loyalty_gold', 'tipazh_extortionist', 'two', 'words'] } });
    expect(z.ask('DELETE', path, { tags: ['TWO', 'words', 'absent'] }, CSRF).json).toEqual({
      tags: ['vip', 'influencer', 'loyalty_gold', 'tipazh_extortionist'],
    });
    expect(z.ask('POST', path, { tags: ['tipazh_tester', 'tipazh_tester'] }, CSRF).json).toEqual({ tags: ['tipazh_tester'] });
    expect(z.server.tagsOf('user', VIKTORIA)).toEqual(['tipazh_tester']);
    // Organizations too, without the .json suffix.
    expect(z.ask('PUT', '/api/v2/organizations/24015530871201/tags', { tags: ['tipazh_vip'] }, CSRF).json.tags).toEqual([
      'corporate',
      'loyalty_gold',
      'tipazh_vip',
    ]);
  });

  it('refuses a write without the session CSRF token, and changes nothing', () => {
    const z = zendesk();
    const path = `/api/v2/users/${VIKTORIA}/tags.json`;
    for (const headers of [{}, { 'X-CSRF-Token': 'forged' }] as Record<string, string>[]) {
      const r = z.ask('PUT', path, { tags: ['tipazh_vip'] }, headers);
      expect(r.status).toBe(403);
      expect(r.json.error).toBe('InvalidCSRFToken');
    }
    expect(z.ask('POST', '/api/v2/tickets/1201/tags.json', { tags: [] }).status).toBe(403);
    expect(z.server.tagsOf('user', VIKTORIA)).toEqual(['vip', 'influencer', 'loyalty_gold']);
    expect(z.server.tagsOf('ticket', '1201')).toHaveLength(5);
    // Reads need none; with the token, a write to an endpoint the fake does not have is refused, not served from a file.
    expect(z.ask('GET', path).status).toBe(200);
    expect(z.ask('PUT', '/api/v2/tickets/1201.json', { ticket: {} }, CSRF).status).toBe(405);
  });

  it('a safe update with a stale stamp answers 409; with the fresh one it succeeds and advances updated_at', () => {
    const z = zendesk();
    const before = z.ask('GET', '/api/v2/tickets/1201.json').json.ticket.updated_at;
    expect(before).toBe('2026-11-21T06:55:02Z');
    const stale = z.ask('PUT', '/api/v2/tickets/1201/tags.json', { tags: ['tipazh_vip'], safe_update: true, updated_stamp: '2026-11-01T00:00:00Z' }, CSRF);
    expect(stale).toMatchObject({ status: 409, json: { error: 'UpdateConflict' } });
    expect(stale.json.description).toContain('Safe Update prevented the update');
    expect(z.server.tagsOf('ticket', '1201')).not.toContain('tipazh_vip');
    const ok = z.ask('PUT', '/api/v2/tickets/1201/tags.json', { tags: ['tipazh_vip'], safe_update: true, updated_stamp: before }, CSRF);
    expect(ok.status).toBe(200);
    const after = z.ask('GET', '/api/v2/tickets/1201.json').json.ticket;
    expect(Date.parse(after.updated_at)).toBeGreaterThan(Date.parse(before));
    expect(after.updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(after.tags).toContain('tipazh_vip');
    // The stamp it had is stale now.
    expect(z.ask('DELETE', '/api/v2/tickets/1201/tags.json', { tags: ['vip'], safe_update: 'true', updated_stamp: before }, CSRF).status).toBe(409);
  });

  it('every answer that shows the entity shows its current tags: its file, the ticket sideload, lists, the tags endpoint, the page alias', () => {
    const z = zendesk();
    z.ask('PUT', `/api/v2/users/${VIKTORIA}/tags.json`, { tags: ['tipazh_extortionist'] }, CSRF);
    z.ask('DELETE', '/api/v2/tickets/1201/tags', { tags: ['vip'] }, CSRF);
    const now = ['vip', 'influencer', 'loyalty_gold', 'tipazh_extortionist'];
    expect(z.ask('GET', `/api/v2/users/${VIKTORIA}.json`).json.user.tags).toEqual(now);
    const ticket = z.ask('GET', '/api/v2/tickets/1201.json').json;
    expect(ticket.users.find((u: { id: number }) => String(u.id) === VIKTORIA).tags).toEqual(now);
    expect(ticket.ticket.tags).toEqual(['delivery', 'delivery_delay', 'social_media', 'order_78412']);
    expect(z.ask('GET', `/api/v2/users/${VIKTORIA}/tags.json`).json.tags).toEqual(now);
    expect(z.ask('GET', `/__fixture/api/v2/users/${VIKTORIA}.json`).json.user.tags).toEqual(now);
    const requested = z.ask('GET', `/api/v2/users/${VIKTORIA}/tickets/requested.json`).json.tickets;
    expect(requested[0].tags).not.toContain('vip');
    expect(requested[1].tags).toEqual(['delivery_delay', 'compensation']); // no file of its own: as written
  });

  it('serves an untouched file as it is, and answers 404 for an unknown entity', () => {
    const z = zendesk();
    const file = readFileSync(join(ZENDESK_SITE.dir, 'api/tickets/1202.json'), 'utf8').replaceAll('{{origin}}', ZD);
    expect(z.ask('GET', '/api/v2/tickets/1202.json').text).toBe(file);
    for (const path of ['/api/v2/users/999/tags.json', '/api/v2/tickets/1133/tags.json']) {
      expect(z.ask('PUT', path, { tags: ['x'] }, CSRF)).toMatchObject({ status: 404, json: ZENDESK_SITE.notFound });
    }
  });

  it('records the method, the headers that matter and the body of every API call', () => {
    const z = zendesk();
    z.ask('PUT', `/api/v2/users/${VIKTORIA}/tags.json`, { tags: ['a'] }, { ...CSRF, Cookie: 'secret', 'X-Requested-With': 'XMLHttpRequest' });
    z.server.answer(new URL(`${ZD}/api/v2/users/${VIKTORIA}.json`));
    expect(z.server.apiCalls.map(({ at: _, ...c }) => c)).toEqual([
      {
        path: `/api/v2/users/${VIKTORIA}/tags.json`,
        status: 200,
        method: 'PUT',
        headers: { 'x-csrf-token': ZENDESK_CSRF_TOKEN, 'x-requested-with': 'XMLHttpRequest', 'content-type': 'application/json' },
        body: { tags: ['a'] },
      },
      { path: `/api/v2/users/${VIKTORIA}.json`, status: 200, method: 'GET', headers: {}, body: undefined },
    ]);
  });
});

describe('fake amoCRM: tag writes', () => {
  const contact = '/api/v4/contacts/6001';
  const tagsOf = (a: ReturnType<typeof amo>, path: string) => a.ask('GET', path).json._embedded.tags;

  it('GET shows the tags with ids; PATCH replaces the whole list, a new name gets a new id of the entity type', () => {
    const a = amo();
    expect(tagsOf(a, contact)).toEqual([
      { id: 10121, name: 'блогер', color: null },
      { id: 10122, name: 'ЛПР', color: null },
    ]);
    const before = a.ask('GET', contact).json.updated_at;
    const r = a.ask('PATCH', contact, { _embedded: { tags: [{ name: 'tipazh_vip' }, { id: 10121 }] } }, { 'X-Requested-With': 'XMLHttpRequest' });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ id: 6001, updated_at: expect.any(Number), _links: { self: { href: `${AMO}${contact}` } } });
    expect(r.json.updated_at).toBeGreaterThan(before);
    expect(a.ask('GET', contact).json.updated_at).toBe(r.json.updated_at);
    const now = tagsOf(a, contact);
    expect(now.map((t: { name: string }) => t.name)).toEqual(['tipazh_vip', 'блогер']);
    const vipId = now[0].id;
    expect(vipId).not.toBe(10121);
    expect(a.ask('GET', '/api/v4/contacts/tags').json._embedded.tags).toContainEqual({ id: vipId, name: 'tipazh_vip', color: null });
    // Companies have tags of their own: the name is new there.
    expect(a.ask('GET', '/api/v4/companies/tags').json._embedded.tags.map((t: { name: string }) => t.name)).toEqual(['коворкинг', 'корпоративный']);
    a.ask('PATCH', '/api/v4/companies/7002', { _embedded: { tags: [{ name: 'tipazh_vip' }] } });
    expect(a.server.tagsOf('company', '7002')).toEqual(['tipazh_vip']);
    // The list answers show the current state as well.
    const listed = a.ask('GET', '/api/v4/contacts').json._embedded.contacts[0];
    expect(listed._embedded.tags.map((t: { name: string }) => t.name)).toEqual(['tipazh_vip', 'блогер']);
    expect(a.server.apiCalls.find((c) => c.method === 'PATCH')?.headers).toEqual({ 'x-requested-with': 'XMLHttpRequest', 'content-type': 'application/json' });
  });

  it('null or [] clears; no _embedded.tags leaves the tags; an unknown tag id is refused with 400 and changes nothing', () => {
    const a = amo();
    a.ask('PATCH', contact, { name: 'Алексей' });
    expect(a.server.tagsOf('contact', '6001')).toEqual(['блогер', 'ЛПР']);
    const refused = a.ask('PATCH', contact, { _embedded: { tags: [{ name: 'new' }, { id: 424242 }] } });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ title: 'Bad Request', type: 'https://httpstatus.es/400', status: 400, 'validation-errors': [expect.anything()] });
    expect(a.server.tagsOf('contact', '6001')).toEqual(['блогер', 'ЛПР']);
    expect(a.ask('GET', '/api/v4/contacts/tags').json._embedded.tags.map((t: { name: string }) => t.name)).not.toContain('new');
    a.ask('PATCH', contact, { _embedded: { tags: null } });
    expect(tagsOf(a, contact)).toEqual([]);
    a.ask('PATCH', contact, { _embedded: { tags: [{ name: 'x' }] } });
    a.ask('PATCH', contact, { _embedded: { tags: [] } });
    expect(a.server.tagsOf('contact', '6001')).toEqual([]);
    expect(a.ask('PATCH', '/api/v4/contacts/7999', { _embedded: { tags: [] } })).toMatchObject({ status: 404, json: AMOCRM_SITE.notFound });
  });
});

describe('test control of the fake tags', () => {
  it('onWrite sees each write; setTags from it is a teammate between the write and the re-read', () => {
    const a = amo();
    const seen: unknown[] = [];
    a.server.onWrite((w) => {
      seen.push(w);
      a.server.setTags('contact', '6001', [...w.tags, 'teammate']);
    });
    const r = a.ask('PATCH', '/api/v4/contacts/6001', { _embedded: { tags: [{ name: 'tipazh_vip' }] } });
    expect(seen).toEqual([{ kind: 'contact', id: '6001', method: 'PATCH', tags: ['tipazh_vip'] }]);
    const reread = a.ask('GET', '/api/v4/contacts/6001').json;
    expect(reread._embedded.tags.map((t: { name: string }) => t.name)).toEqual(['tipazh_vip', 'teammate']);
    expect(reread.updated_at).toBeGreaterThan(r.json.updated_at);
    a.server.onWrite(undefined);
    expect(() => a.server.tagsOf('contact', '1')).toThrow(/no contact 1/);
  });

  it("a teammate's change on a ticket makes the agent's stamp stale; each server starts from the files", () => {
    const z = zendesk();
    const stamp = z.ask('GET', '/api/v2/tickets/1202.json').json.ticket.updated_at;
    z.server.setTags('ticket', '1202', ['Bug', 'urgent ios']);
    expect(z.server.tagsOf('ticket', '1202')).toEqual(['bug', 'urgent', 'ios']);
    expect(z.ask('PUT', '/api/v2/tickets/1202/tags.json', { tags: ['x'], safe_update: true, updated_stamp: stamp }, CSRF).status).toBe(409);
    expect(fixtureServer(ZENDESK_SITE).tagsOf('ticket', '1202')).toEqual(['bug', 'ios', 'mobile_app', 'checkout']);
  });

  it('an override sees the method and the body, and counts attempts per method', () => {
    const z = zendesk();
    const seen: unknown[] = [];
    z.server.setOverride(({ method, body, attempt }) => {
      seen.push({ method, body, attempt });
      return method === 'PUT' && attempt === 1 ? { status: 429, body: { error: 'TooManyRequests' }, headers: { 'Retry-After': '7' } } : undefined;
    });
    const path = `/api/v2/users/${VIKTORIA}/tags.json`;
    const limited = z.ask('PUT', path, { tags: ['a'] }, CSRF);
    expect(limited.status).toBe(429);
    expect(limited.headers['Retry-After']).toBe('7');
    expect(z.server.tagsOf('user', VIKTORIA)).not.toContain('a');
    expect(z.ask('GET', path).status).toBe(200);
    expect(z.ask('PUT', path, { tags: ['a'] }, CSRF).status).toBe(200);
    expect(seen).toEqual([
      { method: 'PUT', body: { tags: ['a'] }, attempt: 1 },
      { method: 'GET', body: undefined, attempt: 1 },
      { method: 'PUT', body: { tags: ['a'] }, attempt: 2 },
    ]);
  });
});
