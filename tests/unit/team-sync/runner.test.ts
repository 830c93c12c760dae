import { afterEach, describe, expect, it } from 'vitest';
import type { TeamWriteRequest } from '../../../core/messages/team-write';
import { TAG_WRITERS } from '../../../core/sources/tag-writers';
import { TipazhDb } from '../../../core/store/db';
import { planWrite } from '../../../core/team-sync/queue';
import { createTeamSync } from '../../../core/team-sync/runner';
import { fetchFrom } from '../../support/fixture-fetch';
import { fixtureServer } from '../../support/fixture-routes';
import { ZENDESK_SITE } from '../../support/zendesk-routes';
import { numberedClient, tinyPack } from '../helpers';

/* The background's worker end to end in Node: the queue, a "tab" running the real Zendesk writer, the fake Zendesk. */

let db: TipazhDb;
afterEach(async () => db?.delete());

const VIKTORIA = '38156690203345';
const KEY = `zendesk:brewly:${VIKTORIA}`;
const PACK = tinyPack({ teamSync: { enabled: true } });

async function setUp(tabs: number[] = [1]) {
  db = new TipazhDb(`run-${Math.random()}`);
  await db.clients.put(numberedClient(1, { key: KEY, account: 'brewly', externalId: VIKTORIA, helpdeskTags: ['vip', 'influencer'] }));
  const server = fixtureServer(ZENDESK_SITE);
  let clock = 1000;
  const wakes: (number | undefined)[] = [];
  const sent: TeamWriteRequest[] = [];
  const sync = createTeamSync({
    db,
    pack: async () => PACK,
    tabsOf: async (account) => (account === 'zendesk:brewly' ? tabs : []),
    send: async (_tab, request) => {
      sent.push(request);
      return TAG_WRITERS[request.source](request.job, { origin: 'https://brewly.zendesk.com', fetch: fetchFrom(server) });
    },
    wakeAt: (at) => wakes.push(at),
    now: () => clock,
  });
  return { server, sync, wakes, sent, tick: (ms: number) => (clock += ms) };
}

describe('team sync worker', () => {
  it('writes a confirmation through a tab of the account and settles it', async () => {
    const { server, sync, wakes } = await setUp();
    await db.clients.update(KEY, { typeConfirmed: { type: 'prize-hunter', at: 1 } });
    await sync.changed(KEY, 'Anna');
    await sync.run();
    expect(server.tagsOf('user', VIKTORIA)).toEqual(['vip', 'influencer', 'loyalty_gold', 'tipazh_prize_hunter']);
    expect(await db.teamSync.get(KEY)).toMatchObject({ state: 'done', written: ['tipazh_prize_hunter'] });
    expect(wakes.at(-1)).toBeUndefined();
  });

  it('waits for a Retry-After and then writes; with no tab open, waits until a page of the account reports', async () => {
    const tabs: number[] = [];
    const { server, sync, wakes, tick } = await setUp(tabs);
    await db.clients.update(KEY, { typeConfirmed: { type: 'tester', at: 1 } });
    await sync.changed(KEY, 'Anna');
    await sync.run();
    expect(await db.teamSync.get(KEY)).toMatchObject({ state: 'waiting', reason: 'no-tab' });
    tabs.push(5);
    server.setOverride((r) => (r.method === 'PUT' && r.attempt === 1 ? { status: 429, headers: { 'Retry-After': '2' } } : undefined));
    await sync.accountSeen('zendesk:brewly');
    expect(await db.teamSync.get(KEY)).toMatchObject({ state: 'waiting', reason: 'rate-limited', nextAt: 3000 });
    expect(wakes.at(-1)).toBe(3000);
    await sync.run();
    expect(server.tagsOf('user', VIKTORIA)).not.toContain('tipazh_tester');
    tick(2000);
    await sync.run();
    expect(server.tagsOf('user', VIKTORIA)).toContain('tipazh_tester');
  });

  it('sends nothing while team sync is off; what waits stays queued', async () => {
    const { sync, sent } = await setUp();
    await db.clients.update(KEY, { typeConfirmed: { type: 'tester', at: 1 } });
    await planWrite(db, KEY, PACK, 'Anna', 1000);
    await db.meta.put({ key: 'teamSync', value: { enabled: false } });
    await sync.run();
    expect(sent).toEqual([]);
    expect(await db.teamSync.get(KEY)).toMatchObject({ state: 'waiting', add: ['tipazh_tester'] });
  });

  it('plans each due write again before it goes: undone meanwhile, or put on the never-record list', async () => {
    const { sync, sent } = await setUp();
    await db.clients.update(KEY, { typeConfirmed: { type: 'tester', at: 1 } });
    await planWrite(db, KEY, PACK, 'Anna', 1000);
    await db.clients.update(KEY, { typeConfirmed: undefined });
    await sync.run();
    expect(sent.map((r) => r.job.add)).toEqual([[]]);
    await db.clients.update(KEY, { typeConfirmed: { type: 'tester', at: 1 } });
    await planWrite(db, KEY, PACK, 'Anna', 1000);
    await db.meta.put({ key: 'neverRecord', value: { emails: [], domains: [], clientKeys: [KEY] } });
    await sync.run();
    expect(sent).toHaveLength(1);
    expect(await db.teamSync.get(KEY)).toBeUndefined();
  });

  it('takes an invalid answer from a tab as no answer', async () => {
    const { sync } = await setUp();
    await db.clients.update(KEY, { typeConfirmed: { type: 'tester', at: 1 } });
    const deps = createTeamSync({
      db,
      pack: async () => PACK,
      tabsOf: async () => [1],
      send: async () => ({ ok: true, tags: 'all of them' }),
      wakeAt: () => undefined,
      now: () => 1000,
    });
    await sync.changed(KEY, 'Anna');
    await deps.run();
    expect(await db.teamSync.get(KEY)).toMatchObject({ state: 'waiting', reason: 'no-tab' });
  });
});
