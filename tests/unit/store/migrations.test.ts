import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { TipazhDb } from '../../../core/store/db';
import { declareVersions, LATEST_VERSION } from '../../../core/store/schema-versions';
import { searchTokensOf } from '../../../core/store/search';
import { vipFactsOf, vipOf } from '../../../core/vip';

/**
 * Up to version 8 a dossier kept its helpdesk tags ("VIP", "Gold tier") only among its search words, folded, next
 * to its own words and its phone's digits (whole, last 10, last 7); the agent's own tag is "tea".
 */
const v8Words = ['megan', 'price', 'megan@example.com', 'example.com', '79035550142', '9035550142', '5550142', 'tea', 'vip', 'gold tier'];
const client = {
  key: 'zendesk:acme:1',
  source: 'zendesk',
  account: 'acme',
  externalId: '1',
  name: 'Megan Price',
  email: 'Megan@Example.com',
  phone: '8 (903) 555-01-42',
  firstSeen: 5,
  lastSeen: 9,
  visitCount: 2,
  searchTokens: v8Words,
  tags: ['tea'],
  vip: false,
  profile: { prefilled: [] },
};

/** A database as version `v` of the extension wrote it: one record (or two) in every table that version has. */
async function writtenBy(v: number): Promise<string> {
  const name = `mig-v${v}-${Math.random()}`;
  const old = new Dexie(name);
  declareVersions(old, v);
  await old.open();
  expect(old.verno).toBe(v);
  // Version 2 added updatedAt (its upgrade fills it in for older rows); version 3 added revenue.
  // Version 5 moved the visits into their dossier; version 7 gave it its identity keys.
  const visits = [
    { id: 'v1', day: '2026-01-01', firstAt: 5, at: 5, messageCount: 1 },
    { id: 'v2', day: '2026-01-02', firstAt: 9, at: 9, messageCount: 3, type: 'tester' },
  ];
  // Version 8 moved the notes into their dossier; one whose dossier is not there stays in the table.
  const notes = [
    { id: 'n1', text: 'likes tea', pinned: true, createdAt: 6, updatedAt: 6 },
    { id: 'n2', text: 'calls before noon', pinned: false, createdAt: 3, updatedAt: 4 },
  ];
  await old.table('clients').add({
    ...client,
    ...(v >= 2 ? { updatedAt: 9 } : {}),
    ...(v >= 3 ? { revenue: 1200 } : {}),
    ...(v >= 5 ? { visits } : {}),
    ...(v >= 7 ? { ids: ['e:megan@example.com'] } : {}),
    ...(v >= 8 ? { notes: notes.reverse() } : {}),
    // Version 9 wrote the helpdesk tags apart, and the search words from them.
    ...(v >= 9 ? { helpdeskTags: ['vip', 'gold tier'], searchTokens: searchTokensOf({ ...client, helpdeskTags: ['vip', 'gold tier'] } as never) } : {}),
  });
  if (v < 5) await old.table('visits').bulkAdd(visits.reverse().map((x) => ({ ...x, clientKey: client.key })));
  if (v < 8) await old.table('notes').bulkAdd(notes.map((n) => ({ ...n, clientKey: client.key })));
  await old.table('notes').add({ id: 'n9', clientKey: 'zendesk:acme:9', text: 'no dossier yet', pinned: false, createdAt: 1, updatedAt: 1 });
  await old.table('corrections').add({ id: 'c1', clientKey: client.key, from: 'unknown', to: 'tester', at: 7, stems: ['bug'] });
  // Version 7 keeps only persons that link records (or keep one split off).
  const persons = [
    { id: 'p1', emails: ['megan@example.com'], phones: [], clientKeys: [client.key, 'amocrm:acme.amocrm.ru:7'], blocked: [] },
    { id: 'p2', emails: [], phones: [], clientKeys: ['zendesk:acme:2'], blocked: ['zendesk:acme:3'] },
  ];
  await old.table('persons').bulkAdd(v >= 7 ? persons : [...persons, { id: 'p3', emails: [], phones: [], clientKeys: ['zendesk:acme:4'], blocked: [] }]);
  await old.table('packs').add({ id: 'acme', pack: {}, source: { kind: 'personal' }, enabled: true, order: 1, installedAt: 1, updatedAt: 1 });
  await old.table('audit').add({ id: 'a1', clientKey: client.key, at: 8, who: 'Anna', field: 'vip', from: 'false', to: 'true' });
  if (v >= 2) await old.table('meta').add({ key: 'neverRecord', value: { keys: [], emails: [], domains: [] } });
  old.close();
  return name;
}

describe('database migrations', () => {
  it.each(Array.from({ length: LATEST_VERSION - 1 }, (_, i) => i + 1))('opens a database written by version %i and finds all its data, upgraded', async (v) => {
    const db = new TipazhDb(await writtenBy(v));
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    const stored = (await db.clients.get(client.key))!;
    expect(stored).toMatchObject({ name: 'Megan Price', updatedAt: 9, tags: ['tea'] });
    // Version 9: the helpdesk tags kept apart (nothing lost: the client is still VIP by the helpdesk's tag, and
    // found by every tag), the search words derived again (the name in Latin and Cyrillic keys, the phone's digits).
    expect(stored.helpdeskTags).toEqual(['vip', 'gold tier']);
    expect(stored.searchTokens).toEqual(searchTokensOf({ ...client, helpdeskTags: ['vip', 'gold tier'] }));
    expect(stored.searchTokens).toEqual(expect.arrayContaining(['gold tier', 'vip', 'tea', 'prike', '\t79035550142']));
    expect(vipOf(vipFactsOf(stored), undefined)).toEqual({ source: 'helpdesk', tag: 'vip' });
    // Oldest first, counted, and nothing of them lost.
    expect((await db.clients.get(client.key))?.visits).toEqual([
      { id: 'v1', day: '2026-01-01', firstAt: 5, at: 5, messageCount: 1 },
      { id: 'v2', day: '2026-01-02', firstAt: 9, at: 9, messageCount: 3, type: 'tester' },
    ]);
    expect((await db.clients.get(client.key))?.visitCount).toBe(2);
    // In the order they were written; the one without a dossier waits for it in the table.
    expect((await db.clients.get(client.key))?.notes.map((n) => [n.id, n.text])).toEqual([
      ['n2', 'calls before noon'],
      ['n1', 'likes tea'],
    ]);
    expect((await db.notes.toArray()).map((n) => [n.id, n.clientKey])).toEqual([['n9', 'zendesk:acme:9']]);
    expect(await db.corrections.orderBy('at').count()).toBe(1);
    expect((await db.persons.where('clientKeys').equals(client.key).first())?.emails).toEqual(['megan@example.com']);
    expect((await db.persons.toArray()).map((p) => p.id).sort()).toEqual(['p1', 'p2']);
    // Version 10 added team sync's queue, empty.
    expect(await db.teamSync.count()).toBe(0);
    expect(await db.clients.where('ids').equals('e:megan@example.com').primaryKeys()).toEqual([client.key]);
    expect(await db.packs.orderBy('order').count()).toBe(1);
    expect((await db.audit.where('clientKey').equals(client.key).first())?.who).toBe('Anna');
    expect(await db.meta.count()).toBe(v >= 2 ? 1 : 0);
    // Version 3's revenue index holds the rows that have revenue.
    expect(await db.clients.where('revenue').above(0).count()).toBe(v >= 3 ? 1 : 0);
    await db.delete();
  });

  it('version 6 has no visits table left, in Dexie or in the browser', async () => {
    const db = new TipazhDb(await writtenBy(4));
    await db.open();
    expect(db.tables.map((t) => t.name)).not.toContain('visits');
    expect([...db.backendDB().objectStoreNames]).not.toContain('visits');
    await db.delete();
  });

  it('version 7 keeps only the indexes a query uses', async () => {
    const db = new TipazhDb(await writtenBy(3));
    await db.open();
    const indexes = (t: string) =>
      db
        .table(t)
        .schema.indexes.map((i) => i.name)
        .sort();
    expect(indexes('clients')).toEqual(['ids', 'revenue']);
    expect(indexes('notes')).toEqual(['clientKey']);
    expect(indexes('audit')).toEqual(['clientKey']);
    expect(indexes('persons')).toEqual(['clientKeys']);
    // The browser's own store agrees (Dexie's schema is read back from IndexedDB on open).
    const raw = db.backendDB().transaction('clients').objectStore('clients');
    expect([...raw.indexNames].sort()).toEqual(['ids', 'revenue']);
    await db.delete();
  });
});
