import { afterEach, describe, expect, it } from 'vitest';
import { TipazhDb, type ClientRecord } from '../../core/store/db';
import { searchClients } from '../../core/store/search';
import { numberedClient } from './helpers';

let db: TipazhDb;
afterEach(async () => db?.delete());

/** A crowd whose 600 oldest share a word ("oldtimer") that none of the newest has. */
const client = (i: number, over: Partial<ClientRecord> = {}) =>
  numberedClient(i, { ...(i < 600 ? { name: `${numberedClient(i).name} Oldtimer` } : {}), ...over });

/** What a search must answer: every match, newest first (reading the whole table, as the index must not). */
async function bruteForce(query: string, limit = 50) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const all = await db.clients.toArray();
  return all.filter((c) => words.every((w) => c.searchTokens.some((t) => t.startsWith(w)))).sort((a, b) => b.lastSeen - a.lastSeen).slice(0, limit).map((c) => c.key);
}

describe('searchClients on 4,000 dossiers: every way a query is answered gives the same results as reading everything', () => {
  it('narrow words, common words, words rare among the newest, and the empty query', { timeout: 60_000 }, async () => {
    db = new TipazhDb(`paths-${Math.random()}`);
    await db.clients.bulkPut(Array.from({ length: 4000 }, (_, i) => client(i)));
    // client1234: a few hits. anna: a quarter of everyone. oldtimer: 600 of the oldest, none among the 3,000 newest the walk reads.
    // corp7 (corp7, corp70…): rarer. "anna corp1": two words, the longest narrows.
    for (const q of ['client1234', 'anna', 'oldtimer', 'oldtimer olga', 'corp7', 'anna corp1', 'c29', 'nobody']) {
      expect(await searchClients(db, q).then((r) => r.map((c) => c.key)), q).toEqual(await bruteForce(q));
    }
    expect((await searchClients(db, '')).map((c) => c.key)).toEqual(await bruteForce(''));
  });

  it('does not lose dossiers that share one lastSeen across the walk’s batches', { timeout: 60_000 }, async () => {
    db = new TipazhDb(`ties-${Math.random()}`);
    await db.clients.bulkPut(Array.from({ length: 1500 }, (_, i) => client(i + 1000, { lastSeen: 5 + Math.floor(i / 700) })));
    const found = await searchClients(db, 'client', 1500);
    expect(found).toHaveLength(1500);
    expect(new Set(found.map((c) => c.key)).size).toBe(1500);
    expect(found.map((c) => c.lastSeen)).toEqual([...found.map((c) => c.lastSeen)].sort((a, b) => b - a));
  });
});
