import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { TipazhDb, type ClientRecord } from '../../../core/store/db';
import { changedKeys } from '../../../core/store/client-changes';
import { liveSearchIndex, type LiveSearchIndex } from '../../../core/store/live-search-index';
import { searchClients } from '../../../core/store/search';
import { SearchIndex } from '../../../core/store/search-index';
import { indexedClient } from '../../../core/store/indexed-client';
import { numberedClient } from '../helpers';

const client = numberedClient;
const keys = (found: { key: string }[]) => found.map((c) => c.key);
/** Query words looked for as written (the index's own matching; search-words.test.ts covers what a query becomes). */
const plain = (words: readonly string[]) => words.map((w) => ({ prefixes: [w] }));
/** A dossier as the index takes it, without a pack. */
const entry = (c: ClientRecord) => indexedClient(c, undefined);

/** Every match, newest first (higher key first at the same moment): what the index must answer. */
function bruteForce(all: Iterable<ClientRecord>, words: string[], limit: number): string[] {
  return [...all]
    .filter((c) => words.every((w) => c.searchTokens.some((t) => t.startsWith(w))))
    .sort((a, b) => b.lastSeen - a.lastSeen || (a.key < b.key ? 1 : -1))
    .slice(0, limit)
    .map((c) => c.key);
}

describe('SearchIndex', () => {
  it('answers like reading everything, through puts, updates, deletes and searches in any order (random operations)', () => {
    const word = fc.constantFrom('anna', 'an', 'client1', 'corp', 'corp4', 'o', 'tom', 'zzz', 'c1', 'client12', 'quark', 'yuki', 'zed');
    const op = fc.oneof(
      // A put may rename the client: its words change, and a name is rare in the crowd.
      fc.record({ put: fc.nat(60), seen: fc.nat(20), name: fc.constantFrom(undefined, 'Zed Quark', 'Yuki Tanaka') }),
      fc.record({ del: fc.nat(60) }),
      fc.record({ find: fc.array(word, { maxLength: 2 }), limit: fc.integer({ min: 1, max: 10 }) }),
    );
    fc.assert(
      // Small walks and blocks, so that rare words are looked for block by block too.
      fc.property(
        fc.array(op, { maxLength: 120 }),
        fc.array(word, { maxLength: 3 }),
        fc.integer({ min: 1, max: 25 }),
        fc.record({ walk: fc.integer({ min: 1, max: 80 }), blockSize: fc.integer({ min: 1, max: 16 }) }),
        (ops, words, limit, shape) => {
          const index = new SearchIndex(shape);
          const model = new Map<string, ClientRecord>();
          for (const o of ops) {
            if ('find' in o) expect(keys(index.find(plain(o.find), o.limit))).toEqual(bruteForce(model.values(), o.find, o.limit));
            else if ('put' in o) {
              const c = client(o.put, { lastSeen: o.seen, ...(o.name ? { name: o.name } : {}) });
              index.put(entry(c));
              model.set(c.key, c);
            } else {
              const key = client(o.del).key;
              index.delete(key);
              model.delete(key);
            }
          }
          expect(index.size).toBe(model.size);
          expect(keys(index.find(plain(words), limit))).toEqual(bruteForce(model.values(), words, limit));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('looks past the walk block by block, and sees a rename in a block it has read before', () => {
    const index = new SearchIndex({ walk: 2, blockSize: 4 });
    for (let i = 0; i < 10; i++) index.put(entry(client(i)));
    expect(keys(index.find(plain(['quark']), 5))).toEqual([]);
    expect(keys(index.find(plain(['client1']), 5))).toEqual([client(1).key]);
    index.put(entry(client(1, { name: 'Zed Quark' })));
    expect(keys(index.find(plain(['quark']), 5))).toEqual([client(1).key]);
    index.delete(client(1).key);
    index.put(entry(client(20, { name: 'Yuki Quark', lastSeen: 0 })));
    expect(keys(index.find(plain(['quark']), 5))).toEqual([client(20).key]);
  });

  it('matches word starts only, and a limit of 0 finds nothing', () => {
    const index = new SearchIndex();
    index.put(entry({ ...client(7), searchTokens: ['olga', 'whitlock'] }));
    expect(index.find(plain(['whit']), 5)).toHaveLength(1);
    expect(index.find(plain(['hitlock']), 5)).toEqual([]);
    expect(index.find(plain(['olga', 'whit']), 5)).toHaveLength(1);
    expect(index.find(plain(['olga', 'anna']), 5)).toEqual([]);
    expect(index.find(plain([]), 0)).toEqual([]);
  });
});

describe('changedKeys', () => {
  it('reads the keys of a change, and gives up on ranges and on too many keys', () => {
    const leaf = (k: string) => ({ from: k, to: k, d: 1 });
    expect(changedKeys({ ...leaf('b'), l: leaf('a'), r: leaf('c'), d: 2 })).toEqual(['b', 'c', 'a']);
    expect(changedKeys({ d: 0 })).toEqual([]);
    expect(changedKeys(undefined)).toEqual([]);
    expect(changedKeys({ from: 'a', to: 'z', d: 1 })).toBe('all');
    expect(changedKeys({ from: -Infinity, to: [[]], d: 1 })).toBe('all');
    expect(changedKeys({ ...leaf('b'), l: leaf('a'), r: leaf('c'), d: 2 }, 2)).toBe('all');
  });
});

describe('liveSearchIndex over the dossier database', () => {
  let db: TipazhDb;
  let other: TipazhDb;
  let live: LiveSearchIndex | undefined;
  afterEach(async () => {
    live?.dispose();
    other?.close();
    await db?.delete();
  });
  const keysOf = async (q: string) => searchClients(await live!.get(), q).map((c) => c.key);
  const truth = async (q: string) => bruteForce(await db.clients.toArray(), q.toLowerCase().split(/\s+/).filter(Boolean), 50);
  const settle = () => new Promise((r) => setTimeout(r, 50));
  /** A database holding clients 0…n-1, watched by a fresh live index; `other` is a second connection to it. */
  async function crowd(n: number): Promise<LiveSearchIndex> {
    const name = `live-${Math.random()}`;
    db = new TipazhDb(name);
    other = new TipazhDb(name);
    await db.clients.bulkPut(Array.from({ length: n }, (_, i) => client(i)));
    return liveSearchIndex(db);
  }

  it('is built from every dossier (in chunks) when first asked for, and answers like reading everything', { timeout: 30_000 }, async () => {
    live = await crowd(2500);
    expect(live.ready()).toBeUndefined();
    const index = await live.get();
    expect(index.size).toBe(2500);
    expect(live.ready()).toBe(index);
    for (const q of ['anna', 'client12', 'corp7 olga', 'olga corp7', 'c29', '', 'nobody']) expect(await keysOf(q), q).toEqual(await truth(q));
  });

  it('follows single writes, other connections’ writes and deletes key by key', { timeout: 30_000 }, async () => {
    live = await crowd(300);
    const index = await live.get();

    // A visit moves an old client to the top; an edit renames another (in the other connection).
    await db.clients.update(client(3).key, { lastSeen: 9_000_000 });
    await other.clients.put(client(4, { name: 'Zoya Brightwater', lastSeen: 8_000_000 }));
    await other.clients.delete(client(5).key);
    await settle();
    expect(live.ready()).toBe(index);
    expect((await keysOf(''))[0]).toBe(client(3).key);
    expect(await keysOf('brightwater')).toEqual([client(4).key]);
    // The list shows what is stored now, from memory.
    expect(searchClients(index, 'brightwater')[0]).toMatchObject({ name: 'Zoya Brightwater', lastSeen: 8_000_000 });
    expect(searchClients(index, '')[0]).toMatchObject({ key: client(3).key, lastSeen: 9_000_000 });
    expect(await keysOf('client5')).toEqual(await truth('client5'));
    expect(index.has(client(5).key)).toBe(false);
    expect(index.size).toBe(299);
  });

  it('after a bulk write or a clear, is built again when next asked for (not after every chunk)', { timeout: 30_000 }, async () => {
    live = await crowd(300);
    const first = await live.get();
    for (let chunk = 0; chunk < 3; chunk++) {
      await other.clients.bulkPut(Array.from({ length: 200 }, (_, i) => client(1000 + chunk * 200 + i, { name: `Restored${i} Person` })));
    }
    await settle();
    expect(live.ready()).toBeUndefined();
    const second = await live.get();
    expect(second).not.toBe(first);
    expect(second.size).toBe(900);
    expect(await keysOf('restored12')).toEqual(await truth('restored12'));
    await other.clients.clear();
    await settle();
    expect((await live.get()).size).toBe(0);
  });

  it('does not lose a write made while it is being built', { timeout: 30_000 }, async () => {
    live = await crowd(3000);
    const built = live.get();
    // Lands while the first chunks are read: the first dossier's chunk is already behind the build.
    await db.clients.put(client(0, { name: 'Late Changer', lastSeen: 9_000_000 }));
    await db.clients.delete(client(2999).key);
    const index = await built;
    expect(index.size).toBe(2999);
    expect(index.has(client(2999).key)).toBe(false);
    expect(await keysOf('late')).toEqual([client(0).key]);
  });

  it('a bulk write during the build: that build answers, the next ask builds again', { timeout: 30_000 }, async () => {
    live = await crowd(3000);
    const built = live.get();
    await db.clients.bulkPut(Array.from({ length: 100 }, (_, i) => client(5000 + i)));
    await built;
    expect(live.ready()).toBeUndefined();
    expect((await live.get()).size).toBe(3100);
  });

  it('is forgotten on drop and built again on the next ask', { timeout: 30_000 }, async () => {
    live = await crowd(100);
    await live.get();
    live.drop();
    expect(live.ready()).toBeUndefined();
    await db.clients.put(client(500, { name: 'After Drop' }));
    expect(await keysOf('after')).toEqual([client(500).key]);
    expect(live.ready()?.size).toBe(101);
  });

  it('a failed build is reported to the asker, and the next ask tries again', { timeout: 30_000 }, async () => {
    live = await crowd(10);
    const orderBy = db.clients.orderBy.bind(db.clients);
    db.clients.orderBy = () => {
      throw new Error('disk on fire');
    };
    await expect(live.get()).rejects.toThrow('disk on fire');
    db.clients.orderBy = orderBy;
    expect((await live.get()).size).toBe(10);
  });
});
