import { afterEach, describe, expect, it } from 'vitest';
import { TipazhDb } from '../../core/store/db';
import { auditTrail, deleteNote, setNotePinned, setProfileField, setServiceLevelOverride, setTags, setVip, updateNote } from '../../core/store/dossier-edits';
import { addNote, listNotes, recordVisit } from '../../core/store/dossiers';
import { liveSearchIndex } from '../../core/store/live-search-index';
import { searchClients } from '../../core/store/search';
import { makeSnapshot } from './helpers';

let db: TipazhDb;
afterEach(async () => db?.delete());
const KEY = 'zendesk:acme:42';

describe('dossier edits', () => {
  it('edits, pins and deletes notes, with every change in the audit trail', async () => {
    db = new TipazhDb(`e-${Math.random()}`);
    await recordVisit(db, makeSnapshot(), 1);
    const a = await addNote(db, KEY, 'likes first names', 10);
    const b = await addNote(db, KEY, 'email only after 18:00', 20);
    // The trail is newest first by time: edits a millisecond apart keep their order.
    const tick = () => new Promise((r) => setTimeout(r, 2));
    await setNotePinned(db, KEY, a.id, true, 'Anna');
    expect((await listNotes(db, KEY)).map((n) => n.text)).toEqual(['likes first names', 'email only after 18:00']);
    await tick();
    await updateNote(db, KEY, b.id, 'email only after 19:00', 'Anna');
    await tick();
    await deleteNote(db, KEY, a.id, 'Anna');
    const [left] = await listNotes(db, KEY);
    expect([left?.text, left!.updatedAt > 20]).toEqual(['email only after 19:00', true]);
    const trail = await auditTrail(db, KEY);
    expect(trail.map((t) => [t.who, t.field, t.from, t.to])).toEqual([
      ['Anna', 'note deleted', 'likes first names', undefined],
      ['Anna', 'note', 'email only after 18:00', 'email only after 19:00'],
      ['Anna', 'note pinned', 'likes first names', 'likes first names'],
    ]);
  });

  it('refuses an empty note edit and changes nothing', async () => {
    db = new TipazhDb(`e-${Math.random()}`);
    await recordVisit(db, makeSnapshot(), 1);
    const n = await addNote(db, KEY, 'keep me', 10);
    await expect(updateNote(db, KEY, n.id, '  ', 'Anna')).rejects.toThrow();
    expect((await listNotes(db, KEY))[0]!.text).toBe('keep me');
    expect(await db.audit.count()).toBe(0);
  });

  it('keeps tags, VIP, profile and service-level override, and logs old → new', async () => {
    const tick = () => new Promise((r) => setTimeout(r, 2));
    db = new TipazhDb(`e-${Math.random()}`);
    await recordVisit(db, makeSnapshot({ ticket: { id: '1', subject: 's', channel: 'email' } }), 1);
    expect((await db.clients.get(KEY))?.profile).toMatchObject({ channels: 'email', prefilled: ['channels'] });
    // The trail is newest first by time; edits a millisecond apart keep their order (in one millisecond it is not defined).
    await setTags(db, KEY, ['regular', ' coffee ', 'regular'], 'you');
    await tick();
    await setVip(db, KEY, true, 'you');
    await tick();
    await setProfileField(db, KEY, 'channels', 'phone only', 'you');
    await tick();
    await setServiceLevelOverride(db, KEY, 'boss', 'signed a yearly contract', 'you');
    // A later page read does not overwrite what the agent wrote.
    await recordVisit(db, makeSnapshot({ ticket: { id: '2', subject: 's', channel: 'web' } }), 2);
    const c = await db.clients.get(KEY);
    expect(c).toMatchObject({ tags: ['regular', 'coffee'], vip: true, profile: { channels: 'phone only', prefilled: [] }, serviceLevelOverride: { level: 'boss', reason: 'signed a yearly contract' } });
    const fields = (await auditTrail(db, KEY)).map((t) => `${t.field}: ${t.from ?? '∅'} → ${t.to ?? '∅'}`);
    expect(fields).toEqual(['serviceLevel: ∅ → boss (signed a yearly contract)', 'profile.channels: email → phone only', 'vip: false → true', 'tags:  → regular, coffee']);
  });
});

describe('searchClients', () => {
  it('finds clients by name (in either script), email, phone or tag prefix, newest first', async () => {
    db = new TipazhDb(`s-${Math.random()}`);
    await recordVisit(db, makeSnapshot({ client: { externalId: '1', name: 'Виктория Лебедева', email: 'v.lebedeva@example.ru', phone: '+79035550142' } }), 100);
    await recordVisit(db, makeSnapshot({ client: { externalId: '2', name: 'Victor Lee', email: 'victor@lee.io' } }), 200);
    await recordVisit(db, makeSnapshot({ client: { externalId: '3', name: 'Megan Price', email: 'megan@example.com', tags: ['vip'] } }), 300);
    const search = liveSearchIndex(db);
    const names = async (q: string) => searchClients(await search.get(), q).map((c) => c.name);
    // A name's start in either script finds it in both: «Вик…» and "Vic…" are one start.
    expect(await names('вик')).toEqual(['Victor Lee', 'Виктория Лебедева']);
    expect(await names('vic')).toEqual(['Victor Lee', 'Виктория Лебедева']);
    expect(await names('victoria')).toEqual(['Виктория Лебедева']);
    expect(await names('виктор')).toEqual(['Victor Lee', 'Виктория Лебедева']);
    expect(await names('lebedeva')).toEqual(['Виктория Лебедева']);
    expect(await names('лебедева вик')).toEqual(['Виктория Лебедева']);
    expect(await names('example')).toEqual(['Megan Price', 'Виктория Лебедева']);
    expect(await names('8 903 555')).toEqual(['Виктория Лебедева']);
    expect(await names('8 904 555')).toEqual([]);
    expect(await names('903 555-01-42')).toEqual(['Виктория Лебедева']);
    expect(await names('vip')).toEqual(['Megan Price']);
    expect(await names('')).toEqual(['Megan Price', 'Victor Lee', 'Виктория Лебедева']);
    search.dispose();
  });
});
