import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { TipazhDb } from '../../core/store/db';
import { LATEST_VERSION, SCHEMA_V1 } from '../../core/store/schema-versions';

describe('database migrations', () => {
  it('opens a version-1 database and finds all its data, upgraded', async () => {
    const name = `mig-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    const client = { key: 'zendesk:acme:1', source: 'zendesk', account: 'acme', externalId: '1', name: 'Megan Price', firstSeen: 5, lastSeen: 9, visitCount: 2, searchTokens: ['megan'], tags: [], vip: false, profile: { prefilled: [] } };
    await v1.table('clients').add(client);
    await v1.table('visits').bulkAdd([{ id: 'v1', clientKey: client.key, day: '2026-01-01', firstAt: 5, at: 5, messageCount: 1 }, { id: 'v2', clientKey: client.key, day: '2026-01-02', firstAt: 9, at: 9, messageCount: 3 }]);
    await v1.table('notes').add({ id: 'n1', clientKey: client.key, text: 'likes tea', pinned: true, createdAt: 6, updatedAt: 6 });
    await v1.table('corrections').add({ id: 'c1', clientKey: client.key, from: 'unknown', to: 'tester', at: 7, stems: ['bug'] });
    await v1.table('persons').add({ id: 'p1', emails: [], phones: [], clientKeys: [client.key], blocked: [] });
    await v1.table('packs').add({ id: 'acme', pack: {}, source: { kind: 'personal' }, enabled: true, order: 1, installedAt: 1, updatedAt: 1 });
    await v1.table('audit').add({ id: 'a1', clientKey: client.key, at: 8, who: 'Anna', field: 'vip', from: 'false', to: 'true' });
    v1.close();

    const db = new TipazhDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(await db.clients.get(client.key)).toMatchObject({ name: 'Megan Price', updatedAt: 9 });
    expect(await db.clients.where('updatedAt').above(0).count()).toBe(1);
    expect(await db.visits.count()).toBe(2);
    expect((await db.notes.get('n1'))?.text).toBe('likes tea');
    expect(await db.corrections.count()).toBe(1);
    expect(await db.persons.count()).toBe(1);
    expect(await db.packs.count()).toBe(1);
    expect(await db.audit.count()).toBe(1);
    expect(await db.meta.count()).toBe(0);
    // Version 3's revenue index exists and old rows without revenue stay out of it.
    expect(await db.clients.where('revenue').above(0).count()).toBe(0);
    await db.delete();
  });
});
