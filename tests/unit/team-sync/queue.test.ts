import { afterEach, describe, expect, it } from 'vitest';
import type { StrategyPack } from '../../../core/pack/schema';
import { addToNeverRecord } from '../../../core/store/never-record';
import { TipazhDb, type ClientRecord } from '../../../core/store/db';
import { NOT_DUE, planWrite, retryAccount, setTeamSyncChoice, settleWrite, jobOf, dueWrites } from '../../../core/team-sync/queue';
import type { TypeVerdict } from '../../../core/taxonomy';
import { numberedClient, tinyPack } from '../helpers';

let db: TipazhDb;
afterEach(async () => db?.delete());

const PACK = tinyPack();
const ON: StrategyPack = { ...PACK, teamSync: { enabled: true } };
const KEY = 'zendesk:t:00007';

async function withClient(over: Partial<ClientRecord> = {}) {
  db = new TipazhDb(`ts-${Math.random()}`);
  await db.clients.put(numberedClient(7, over));
}
const confirm = (type: TypeVerdict) => db.clients.update(KEY, { typeConfirmed: { type, at: 1 } });

describe('team sync queue', () => {
  it('queues nothing while team sync is off (the default), whatever the agent confirms', async () => {
    await withClient();
    await confirm('tester');
    expect(await planWrite(db, KEY, PACK, 'Anna', 10)).toBeUndefined();
    expect(await db.teamSync.count()).toBe(0);
  });

  it('queues the confirmed type; the agent’s own choice wins over the pack', async () => {
    await withClient();
    await confirm('tester');
    const r = await planWrite(db, KEY, ON, 'Anna', 10);
    expect(r).toMatchObject({ state: 'waiting', add: ['tipazh_tester'], remove: [], target: { kind: 'user', id: '7' }, nextAt: 10, who: 'Anna' });
    await setTeamSyncChoice(db, false);
    await db.teamSync.clear();
    expect(await planWrite(db, KEY, ON, 'Anna', 11)).toBeUndefined();
    await setTeamSyncChoice(db, true);
    expect(await planWrite(db, KEY, PACK, 'Anna', 12)).toMatchObject({ add: ['tipazh_tester'] });
  });

  it('replaces the previous type tag, writes VIP for the agent’s mark but not for the helpdesk’s own tag, with the pack’s prefix', async () => {
    await withClient({ helpdeskTags: ['team_impatient', 'billing'], vip: true });
    await confirm('know-it-all');
    const pack: StrategyPack = { ...PACK, teamSync: { enabled: true, prefix: 'team_' } };
    expect(await planWrite(db, KEY, pack, 'Anna', 10)).toMatchObject({ add: ['team_know_it_all', 'team_vip'], remove: ['team_impatient'] });
    // The helpdesk's own `vip` tag says VIP by itself: Tipazh's tag (queued, maybe on its way) is taken back.
    await db.clients.update(KEY, { vip: false, helpdeskTags: ['vip'] });
    expect(await planWrite(db, KEY, pack, 'Anna', 11)).toMatchObject({ add: ['team_know_it_all'], remove: ['team_vip'] });
  });

  it('settles a write: written, the dossier’s helpdesk tags, an audit entry; undo then removes only what Tipazh wrote', async () => {
    await withClient({ helpdeskTags: ['billing'] });
    await confirm('tester');
    const r = (await planWrite(db, KEY, ON, 'Anna', 10))!;
    const done = await settleWrite(db, jobOf(r), { ok: true, tags: ['billing', 'tipazh_tester'] }, 20);
    expect(done).toMatchObject({ state: 'done', written: ['tipazh_tester'], add: [], remove: [], nextAt: NOT_DUE, doneAt: 20 });
    expect((await db.clients.get(KEY))?.helpdeskTags).toEqual(['billing', 'tipazh_tester']);
    expect((await db.audit.where('clientKey').equals(KEY).toArray()).map((a) => [a.field, a.from, a.to, a.who])).toEqual([
      ['team sync', undefined, 'tipazh_tester', 'Anna'],
    ]);
    await db.clients.update(KEY, { typeConfirmed: undefined });
    expect(await planWrite(db, KEY, ON, 'Anna', 30)).toMatchObject({ state: 'waiting', add: [], remove: ['tipazh_tester'] });
  });

  it('keeps a change queued while a write was under way', async () => {
    await withClient();
    await confirm('tester');
    const first = (await planWrite(db, KEY, ON, 'Anna', 10))!;
    await db.clients.update(KEY, { typeConfirmed: undefined });
    await planWrite(db, KEY, ON, 'Anna', 11);
    const after = await settleWrite(db, jobOf(first), { ok: true, tags: ['tipazh_tester'] }, 12);
    expect(after).toMatchObject({ state: 'waiting', written: ['tipazh_tester'], remove: ['tipazh_tester'], nextAt: 12 });
  });

  it('waits with back-off on 429/5xx, and stops the whole account on a refusal until the agent tries again', async () => {
    await withClient();
    await db.clients.put(numberedClient(8, { typeConfirmed: { type: 'impatient', at: 1 } }));
    await confirm('tester');
    const a = (await planWrite(db, KEY, ON, 'Anna', 10))!;
    const b = (await planWrite(db, 'zendesk:t:00008', ON, 'Anna', 10))!;
    expect(await settleWrite(db, jobOf(a), { ok: false, reason: 'rate-limited', status: 429, retryAfterMs: 3000 }, 100)).toMatchObject({
      state: 'waiting',
      attempts: 1,
      nextAt: 3100,
    });
    expect(await settleWrite(db, jobOf(a), { ok: false, reason: 'server', status: 503 }, 200)).toMatchObject({ attempts: 2, nextAt: 10_200 });
    expect((await dueWrites(db, 300)).map((r) => r.key)).toEqual([b.key]);
    await settleWrite(db, jobOf(b), { ok: false, reason: 'forbidden', status: 403 }, 400);
    expect((await db.teamSync.toArray()).map((r) => [r.key, r.state, r.reason])).toEqual([
      [KEY, 'refused', 'forbidden'],
      [b.key, 'refused', 'forbidden'],
    ]);
    expect((await db.audit.where('clientKey').equals(b.key).toArray()).map((r) => r.to)).toEqual(['forbidden (403)']);
    expect((await db.audit.where('clientKey').equals(KEY).toArray()).map((r) => [r.field, r.to])).toEqual([['team sync refused', 'forbidden (403)']]);
    // A new confirmation on that account is refused at once, without a request.
    await confirm('complainer');
    expect(await planWrite(db, KEY, ON, 'Anna', 500)).toMatchObject({ state: 'refused', reason: 'forbidden' });
    await retryAccount(db, 'zendesk:t', 600);
    expect((await dueWrites(db, 600)).map((r) => r.key).sort()).toEqual([KEY, b.key]);
  });

  it('queues nothing for a client on the never-record list, or one read from the page only', async () => {
    await withClient();
    await confirm('tester');
    await addToNeverRecord(db, KEY);
    expect(await planWrite(db, KEY, ON, 'Anna', 10)).toBeUndefined();
    await db.clients.put(numberedClient(9, { externalId: 'name:megan price', typeConfirmed: { type: 'tester', at: 1 } }));
    expect(await planWrite(db, 'zendesk:t:00009', ON, 'Anna', 10)).toBeUndefined();
  });
});

describe('team sync queue: races and other people’s tags', () => {
  const written = async (tags: string[]) => {
    const r = (await planWrite(db, KEY, ON, 'Anna', 10))!;
    return settleWrite(db, jobOf(r), { ok: true, tags }, 11);
  };

  it('a write that lands after the agent changed their mind leaves the tags the agent wants now', async () => {
    await withClient();
    await confirm('tester');
    await written(['tipazh_tester']);
    // Override to impatient (in flight: add impatient, remove tester), then undo the override before it lands.
    await db.clients.update(KEY, { typeOverride: { type: 'impatient', at: 2, correctionId: 'c' } });
    const inFlight = (await planWrite(db, KEY, ON, 'Anna', 20))!;
    expect(inFlight).toMatchObject({ add: ['tipazh_impatient'], remove: ['tipazh_tester'] });
    await db.clients.update(KEY, { typeOverride: undefined });
    await planWrite(db, KEY, ON, 'Anna', 21);
    const after = await settleWrite(db, jobOf(inFlight), { ok: true, tags: ['tipazh_impatient'] }, 22);
    expect(after).toMatchObject({ state: 'waiting', add: ['tipazh_tester'], remove: ['tipazh_impatient'] });
  });

  it('a removal that lands after the agent confirmed the same type again is written back', async () => {
    await withClient();
    await confirm('tester');
    await written(['tipazh_tester']);
    await db.clients.update(KEY, { typeConfirmed: undefined });
    const removing = (await planWrite(db, KEY, ON, 'Anna', 20))!;
    await confirm('tester');
    await planWrite(db, KEY, ON, 'Anna', 21);
    expect(await settleWrite(db, jobOf(removing), { ok: true, tags: [] }, 22)).toMatchObject({ state: 'waiting', add: ['tipazh_tester'] });
  });

  it('an unrelated edit does not take back a teammate’s newer type, nor put back a tag someone removed', async () => {
    await withClient();
    await confirm('tester');
    await written(['tipazh_tester']);
    // A teammate's Tipazh replaced it with extortionist; the page read shows it.
    await db.clients.update(KEY, { helpdeskTags: ['tipazh_extortionist'], vip: true });
    expect(await planWrite(db, KEY, ON, 'Anna', 30)).toMatchObject({ add: ['tipazh_vip'], remove: [] });
  });

  it('a tag the client already carried is never counted as Tipazh’s, so undo leaves it', async () => {
    await withClient();
    await db.clients.update(KEY, { vip: true });
    const r = (await planWrite(db, KEY, ON, 'Anna', 10))!;
    expect(r.add).toEqual(['tipazh_vip']);
    // A teammate had put tipazh_vip on the client after the agent's last page read.
    const done = await settleWrite(db, jobOf(r), { ok: true, tags: ['tipazh_vip'], already: ['tipazh_vip'] }, 11);
    expect(done).toMatchObject({ state: 'done', written: [] });
    await db.clients.update(KEY, { vip: false });
    expect(await planWrite(db, KEY, ON, 'Anna', 12)).toMatchObject({ state: 'done', add: [], remove: [] });
  });

  it('an edit does not skip a wait the helpdesk asked for; Retry-After 0 still waits a second', async () => {
    await withClient();
    await confirm('tester');
    const r = (await planWrite(db, KEY, ON, 'Anna', 10))!;
    await settleWrite(db, jobOf(r), { ok: false, reason: 'rate-limited', status: 429, retryAfterMs: 30_000 }, 100);
    await db.clients.update(KEY, { vip: true });
    expect(await planWrite(db, KEY, ON, 'Anna', 200)).toMatchObject({ state: 'waiting', nextAt: 30_100, attempts: 1, reason: 'rate-limited' });
    const again = (await db.teamSync.get(KEY))!;
    expect(await settleWrite(db, jobOf(again), { ok: false, reason: 'rate-limited', status: 429, retryAfterMs: 0 }, 40_000)).toMatchObject({ nextAt: 41_000 });
  });
});
