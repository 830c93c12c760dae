import { describe, expect, it } from 'vitest';
import { writeAmoTags } from '../../../core/sources/amocrm/tag-write';
import { writeZendeskTags } from '../../../core/sources/zendesk/tag-write';
import type { TagJob } from '../../../core/team-sync/record';
import { AMOCRM_SITE } from '../../support/amocrm-routes';
import { fetchFrom } from '../../support/fixture-fetch';
import { fixtureServer } from '../../support/fixture-routes';
import { ZENDESK_CSRF_TOKEN, ZENDESK_SITE } from '../../support/zendesk-routes';

/* The helpdesk tag writers against the fake apps' real semantics (PUT adds, POST replaces, PATCH replaces the list). */

const ZD = 'https://brewly.zendesk.com';
const AMO = 'https://brewly.kommo.com';
const VIKTORIA = '38156690203345';
const job = (over: Partial<TagJob>): TagJob => ({
  key: 'k',
  account: 'zendesk:brewly',
  rev: 1,
  target: { kind: 'user', id: VIKTORIA },
  add: [],
  remove: [],
  ...over,
});

describe('Zendesk tag writer', () => {
  it('adds with PUT and removes with DELETE, with the session CSRF token, never POST; others’ tags stay', async () => {
    const server = fixtureServer(ZENDESK_SITE);
    server.setTags('user', VIKTORIA, ['vip', 'influencer', 'tipazh_tester']);
    const out = await writeZendeskTags(job({ add: ['tipazh_extortionist'], remove: ['tipazh_tester'] }), { origin: ZD, fetch: fetchFrom(server) });
    expect(out).toEqual({ ok: true, tags: ['vip', 'influencer', 'tipazh_extortionist'], already: [] });
    expect(server.tagsOf('user', VIKTORIA)).toEqual(['vip', 'influencer', 'tipazh_extortionist']);
    const writes = server.apiCalls.filter((c) => c.method !== 'GET');
    expect(writes.map((c) => [c.method, c.path, c.body])).toEqual([
      ['PUT', `/api/v2/users/${VIKTORIA}/tags.json`, { tags: ['tipazh_extortionist'] }],
      ['DELETE', `/api/v2/users/${VIKTORIA}/tags.json`, { tags: ['tipazh_tester'] }],
    ]);
    expect(writes.every((c) => c.headers['x-csrf-token'] === ZENDESK_CSRF_TOKEN)).toBe(true);
  });

  it('uses the page’s token when /users/me gives none, and says "forbidden" when Zendesk refuses twice', async () => {
    const server = fixtureServer(ZENDESK_SITE);
    server.setOverride((r) => (r.path.endsWith('/users/me.json') ? { status: 500 } : undefined));
    const ok = await writeZendeskTags(job({ add: ['tipazh_vip'] }), { origin: ZD, fetch: fetchFrom(server), pageCsrfToken: ZENDESK_CSRF_TOKEN });
    expect(ok.ok).toBe(true);
    server.setOverride((r) => (r.method === 'PUT' ? { status: 422, body: { error: 'RecordInvalid', description: 'User tagging is not enabled' } } : undefined));
    const refused = await writeZendeskTags(job({ add: ['tipazh_tester'] }), { origin: ZD, fetch: fetchFrom(server) });
    expect(refused).toEqual({ ok: false, reason: 'forbidden', status: 422, detail: 'User tagging is not enabled' });
  });

  it('waits instead of refusing when the token cannot be asked for now, and a closed ticket does not undo the user’s tags', async () => {
    const server = fixtureServer(ZENDESK_SITE);
    server.setOverride((r) => (r.path.endsWith('/users/me.json') ? { status: 503 } : undefined));
    expect(await writeZendeskTags(job({ add: ['tipazh_vip'] }), { origin: ZD, fetch: fetchFrom(server) })).toMatchObject({
      ok: false,
      reason: 'server',
      status: 503,
    });
    expect(server.apiCalls.filter((c) => c.method === 'PUT')).toEqual([]);
    server.setOverride((r) =>
      r.method === 'PUT' && r.path.includes('/tickets/') ? { status: 422, body: { error: 'RecordInvalid', description: 'closed' } } : undefined,
    );
    const out = await writeZendeskTags(job({ ticket: { id: '1201' }, add: ['tipazh_vip'] }), { origin: ZD, fetch: fetchFrom(server) });
    expect(out).toMatchObject({ ok: true });
    expect(server.tagsOf('user', VIKTORIA)).toContain('tipazh_vip');
  });

  it('fetches the token again once after a 403 (it may have expired)', async () => {
    const server = fixtureServer(ZENDESK_SITE);
    server.setOverride((r) => (r.method === 'PUT' && r.attempt === 1 ? { status: 403, body: { error: 'InvalidCSRFToken' } } : undefined));
    expect((await writeZendeskTags(job({ add: ['tipazh_vip'] }), { origin: ZD, fetch: fetchFrom(server) })).ok).toBe(true);
    expect(server.apiCalls.filter((c) => c.path.endsWith('/users/me.json'))).toHaveLength(2);
  });

  it('passes on a 429 with its Retry-After, and a missing user as "missing"', async () => {
    const server = fixtureServer(ZENDESK_SITE);
    server.setOverride((r) => (r.method === 'PUT' ? { status: 429, headers: { 'Retry-After': '7' } } : undefined));
    expect(await writeZendeskTags(job({ add: ['tipazh_vip'] }), { origin: ZD, fetch: fetchFrom(server) })).toMatchObject({
      ok: false,
      reason: 'rate-limited',
      retryAfterMs: 7000,
    });
    server.setOverride(undefined);
    const gone = await writeZendeskTags(job({ target: { kind: 'user', id: '999' }, add: ['tipazh_vip'] }), { origin: ZD, fetch: fetchFrom(server) });
    expect(gone).toMatchObject({ ok: false, reason: 'missing', status: 404 });
  });

  it('tags the ticket too with a safe update, re-reading the ticket once after a 409', async () => {
    const server = fixtureServer(ZENDESK_SITE);
    // A teammate updates the ticket between our read and our write, once.
    let raced = false;
    server.setOverride((r) => {
      if (r.method === 'PUT' && r.path.includes('/tickets/') && !raced) {
        raced = true;
        server.setTags('ticket', '1201', [...server.tagsOf('ticket', '1201'), 'teammate']);
      }
      return undefined;
    });
    const out = await writeZendeskTags(job({ ticket: { id: '1201' }, add: ['tipazh_vip'] }), { origin: ZD, fetch: fetchFrom(server) });
    expect(out.ok).toBe(true);
    const ticketPuts = server.apiCalls.filter((c) => c.method === 'PUT' && c.path.includes('/tickets/1201/tags'));
    expect(ticketPuts.map((c) => c.status)).toEqual([409, 200]);
    expect(ticketPuts.every((c) => (c.body as { safe_update?: unknown }).safe_update === true)).toBe(true);
    expect(server.tagsOf('ticket', '1201')).toEqual(expect.arrayContaining(['teammate', 'tipazh_vip']));
  });
});

describe('amoCRM tag writer', () => {
  const contact = (over: Partial<TagJob>) => job({ target: { kind: 'contact', id: '6001' }, ...over });

  it('reads the list, writes the whole list with its own tags merged in, re-reads it; X-Requested-With sent', async () => {
    const server = fixtureServer(AMOCRM_SITE);
    server.setTags('contact', '6001', ['блогер', 'ЛПР', 'tipazh_tester']);
    const out = await writeAmoTags(contact({ add: ['tipazh_extortionist'], remove: ['tipazh_tester'] }), { origin: AMO, fetch: fetchFrom(server) });
    expect(out).toEqual({ ok: true, tags: ['блогер', 'ЛПР', 'tipazh_extortionist'], already: [] });
    const calls = server.apiCalls.map((c) => c.method);
    expect(calls).toEqual(['GET', 'PATCH', 'GET']);
    const patch = server.apiCalls.find((c) => c.method === 'PATCH')!;
    expect(patch.body).toEqual({ _embedded: { tags: [{ name: 'блогер' }, { name: 'ЛПР' }, { name: 'tipazh_extortionist' }] } });
    expect(server.apiCalls.every((c) => c.headers['x-requested-with'] === 'XMLHttpRequest')).toBe(true);
  });

  it('writes nothing when the list is already right', async () => {
    const server = fixtureServer(AMOCRM_SITE);
    server.setTags('contact', '6001', ['tipazh_vip']);
    // Already there (a teammate's): said so, so that Tipazh never counts it as its own.
    expect(await writeAmoTags(contact({ add: ['tipazh_vip'] }), { origin: AMO, fetch: fetchFrom(server) })).toEqual({
      ok: true,
      tags: ['tipazh_vip'],
      already: ['tipazh_vip'],
    });
    expect(server.apiCalls.map((c) => c.method)).toEqual(['GET']);
  });

  it('merges again when a teammate changed the list while it wrote, and gives up as a conflict after twice', async () => {
    const server = fixtureServer(AMOCRM_SITE);
    let races = 1;
    server.onWrite((w) => {
      if (w.kind === 'contact' && races-- > 0) server.setTags('contact', '6001', ['блогер']);
    });
    const out = await writeAmoTags(contact({ add: ['tipazh_vip'] }), { origin: AMO, fetch: fetchFrom(server) });
    expect(out).toEqual({ ok: true, tags: ['блогер', 'tipazh_vip'], already: [] });
    expect(server.apiCalls.filter((c) => c.method === 'PATCH')).toHaveLength(2);
    races = 5;
    const lost = await writeAmoTags(contact({ add: ['tipazh_tester'] }), { origin: AMO, fetch: fetchFrom(server) });
    expect(lost).toMatchObject({ ok: false, reason: 'conflict' });
  });

  it('says "session" on a 401 and clears the list with null when nothing is left', async () => {
    const server = fixtureServer(AMOCRM_SITE);
    server.setOverride(() => ({ status: 401 }));
    expect(await writeAmoTags(contact({ add: ['tipazh_vip'] }), { origin: AMO, fetch: fetchFrom(server) })).toMatchObject({ ok: false, reason: 'session' });
    server.setOverride(undefined);
    server.setTags('contact', '6001', ['tipazh_vip']);
    expect(await writeAmoTags(contact({ remove: ['tipazh_vip'] }), { origin: AMO, fetch: fetchFrom(server) })).toEqual({ ok: true, tags: [], already: [] });
    expect(server.apiCalls.find((c) => c.method === 'PATCH')?.body).toEqual({ _embedded: { tags: null } });
  });
});
