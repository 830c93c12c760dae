import { afterEach, describe, expect, it } from 'vitest';
import { readDefaultPack } from '../../../core/pack/node-default';
import { describeStorageError } from '../../../core/privacy';
import { TipazhDb } from '../../../core/store/db';
import type { DossierView, LockState } from '../../../core/store/dossier-view';
import { recordVisit } from '../../../core/store/dossiers';
import { liveSearchIndex } from '../../../core/store/live-search-index';
import { storeAccess } from '../../../core/store/port/access';
import { BACKGROUND_GONE, storeClient } from '../../../core/store/port/client';
import { serveStore } from '../../../core/store/port/server';
import type { StoreReply, StoreService, WirePort } from '../../../core/store/port/service';
import { makeSnapshot, storedVisit, storedVisits } from '../helpers';
import { memoryPortPair } from '../../doubles/memory-port';

const KEY = 'zendesk:acme:42';
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0)) await f();
});

/** The store as the background serves it, with its own search index (disposed after the test). */
function accessFor(db: TipazhDb): StoreService {
  const search = liveSearchIndex(db);
  cleanup.push(() => search.dispose());
  return storeAccess(db, async () => readDefaultPack(), search);
}

async function setup() {
  const db = new TipazhDb(`port-${Math.random()}`);
  await recordVisit(db, makeSnapshot(), 1000);
  const servers: WirePort[] = [];
  const connect = (store: StoreService = accessFor(db)) => {
    const [panel, background] = memoryPortPair();
    serveStore(background, store);
    servers.push(background);
    return panel;
  };
  const client = () => {
    const c = storeClient(() => connect(), { retryMs: 5 });
    cleanup.push(() => c.close());
    return c;
  };
  cleanup.push(() => db.delete());
  return { db, client, connect, servers };
}

/** Resolves with the first value a watch sends that passes `ok`. */
const next = <T>(watch: (cb: (v: T) => void) => () => void, ok: (v: T) => boolean = () => true) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no value came')), 3000);
    const stop = watch((v) => {
      if (!ok(v)) return;
      clearTimeout(timer);
      queueMicrotask(() => stop());
      resolve(v);
    });
  });

/** Sends a raw request on a fresh port and waits for the answer to it. */
function ask(connect: () => WirePort, request: unknown) {
  const port = connect();
  const reply = new Promise<StoreReply>((resolve) => port.onMessage((m) => resolve(m as StoreReply)));
  port.post(request);
  return reply;
}

describe('the dossier store over a port (how the side panel reaches the background)', () => {
  it('answers calls and keeps watches live: a note written by one panel shows in another', async () => {
    const { client } = await setup();
    const a = client();
    const b = client();
    const first = await next<DossierView>((cb) => b.watchDossier(KEY, cb));
    expect(first.client?.name).toBe('Megan Price');
    expect(first.notes).toEqual([]);
    const withNote = next<DossierView>(
      (cb) => b.watchDossier(KEY, cb),
      (d) => d.notes.length === 1,
    );
    await a.addNote(KEY, 'prefers email');
    expect((await withNote).notes[0]!.text).toBe('prefers email');
    expect((await a.searchClients('meg')).map((c) => c.key)).toEqual([KEY]);
    const pack = await next((cb: Parameters<StoreService['watchPack']>[0]) => a.watchPack(cb));
    expect(pack.layers).toEqual(['default']);
  });

  it('refuses malformed requests and says where they are wrong, touching nothing', async () => {
    const { connect, db, client } = await setup();
    const bad = [
      [{ t: 'call', id: 1, method: 'dropDatabase', args: [] }, /method/],
      [{ t: 'call', id: 2, method: 'addNote', args: [KEY] }, /args: .*2 items/],
      [{ t: 'call', id: 3, method: 'edit', args: [{ kind: 'vip', key: KEY, vip: 'yes' }, 'me'] }, /args\[0\]\.vip/],
      [{ t: 'call', id: 4, method: 'watchDossier', args: [KEY] }, /watchDossier cannot be used with "call"/],
      [{ t: 'watch', id: 5, method: 'forget', args: [KEY, false] }, /forget cannot be used with "watch"/],
    ] as const;
    for (const [request, where] of bad) {
      const reply = await ask(connect, request);
      expect(reply).toMatchObject({ t: 'failed', id: request.id });
      expect(reply.t === 'failed' && reply.error.message).toMatch(where);
    }
    expect(await db.clients.count()).toBe(1);
    expect(await db.notes.count()).toBe(0);
    // The client reports a refused call as an error of that call.
    await expect(client().edit({ kind: 'tag-add', key: KEY, tag: 'x'.repeat(300) }, 'me')).rejects.toThrow(/args\[0\]\.tag/);
  });

  it('keeps an error’s name across the port, so storage errors still read as storage errors', async () => {
    const { connect } = await setup();
    const full = Object.assign(new Error('full'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } });
    const failing = { ...accessFor(new TipazhDb('unused')), addNote: () => Promise.reject(full) };
    const c = storeClient(() => connect(failing));
    cleanup.push(() => c.close());
    const e = await c.addNote(KEY, 'x').catch((err: unknown) => err);
    expect((e as Error).name).toBe('QuotaExceededError');
    expect(describeStorageError(e)).toMatch(/full: nothing was saved/);
  });

  it('survives a background restart: watches come back, a call in flight fails clearly, the lock closes', async () => {
    const { client, servers } = await setup();
    const c = client();
    await c.setUpNotesLock('correct horse battery staple');
    const states: LockState[] = [];
    const views: DossierView[] = [];
    c.watchLock((s) => states.push(s));
    c.watchDossier(KEY, (d) => views.push(d));
    await expect.poll(() => states.at(-1)).toEqual({ enabled: true, unlocked: true });
    const inFlight = c.searchClients('meg');
    servers.at(-1)!.disconnect();
    await expect(inFlight).rejects.toThrow(BACKGROUND_GONE);
    // A new port: the watches are sent again, and this new connection has not opened the lock.
    await expect.poll(() => states.at(-1)).toEqual({ enabled: true, unlocked: false });
    const seen = views.length;
    await c.addNote(KEY, 'after the restart');
    await expect.poll(() => views.slice(seen).some((d) => d.notes.some((n) => n.text === 'after the restart'))).toBe(true);
    expect(servers).toHaveLength(2);
  });

  it('stops a panel’s watches when it goes away', async () => {
    const { connect, db } = await setup();
    let pushes = 0;
    const store = accessFor(db);
    const counting: StoreService = { ...store, watchCorrections: (cb) => store.watchCorrections((v) => (pushes++, cb(v))) };
    const c = storeClient(() => connect(counting));
    c.watchCorrections(() => {});
    await expect.poll(() => pushes).toBe(1);
    c.close();
    await new Promise((r) => setTimeout(r, 20));
    await db.corrections.add({ id: 'c1', clientKey: KEY, from: 'unknown', to: 'tester', at: 1, stems: [] });
    await new Promise((r) => setTimeout(r, 50));
    expect(pushes).toBe(1);
  });
});

describe('recordVerdict', () => {
  it('writes a visit’s verdict once, ignores visits not recorded yet, and refuses a malformed one', async () => {
    const { db, client } = await setup();
    const c = client();
    const [visit] = await storedVisits(db);
    const verdict = { type: 'tester', confidence: 0.8, stage: 'visitor', level: 'passer-by' } as const;
    await c.recordVerdict(visit!.clientKey, visit!.id, verdict);
    expect(await storedVisit(db, visit!.id)).toMatchObject(verdict);
    await c.recordVerdict(visit!.clientKey, 'zendesk:acme:42|9|2020-01-01', verdict);
    await c.recordVerdict('zendesk:acme:nobody', visit!.id, verdict);
    expect(await storedVisits(db)).toHaveLength(1);
    await expect(c.recordVerdict(visit!.clientKey, visit!.id, { ...verdict, confidence: 2 })).rejects.toThrow(/args\[2\]\.confidence/);
  });
});
