import { afterEach, describe, expect, it } from 'vitest';
import { TipazhDb } from '../../../core/store/db';
import { applyEdit } from '../../../core/store/apply-edit';
import {
  addTag,
  auditTrail,
  deleteNote,
  EditConflict,
  removeTag,
  setNotePinned,
  setProfileField,
  setServiceLevelOverride,
  setVip,
  updateNote,
} from '../../../core/store/dossier-edits';
import { addNote, listNotes, recordVisit } from '../../../core/store/dossiers';
import { liveSearchIndex } from '../../../core/store/live-search-index';
import { searchClients } from '../../../core/store/search';
import { makeSnapshot } from '../helpers';

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
    await addTag(db, KEY, 'regular', 'you');
    await tick();
    await addTag(db, KEY, ' coffee ', 'you');
    await tick();
    // Already there: nothing changes, nothing is audited.
    await addTag(db, KEY, 'regular', 'you');
    await tick();
    await setVip(db, KEY, true, 'you');
    await tick();
    await setProfileField(db, KEY, 'channels', 'phone only', 'you');
    await tick();
    await setServiceLevelOverride(db, KEY, 'boss', 'signed a yearly contract', 'you');
    // A later page read does not overwrite what the agent wrote.
    await recordVisit(db, makeSnapshot({ ticket: { id: '2', subject: 's', channel: 'web' } }), 2);
    const c = await db.clients.get(KEY);
    expect(c).toMatchObject({
      tags: ['regular', 'coffee'],
      vip: true,
      profile: { channels: 'phone only', prefilled: [] },
      serviceLevelOverride: { level: 'boss', reason: 'signed a yearly contract' },
    });
    const fields = (await auditTrail(db, KEY)).map((t) => `${t.field}: ${t.from ?? '∅'} → ${t.to ?? '∅'}`);
    expect(fields).toEqual([
      'serviceLevel: ∅ → boss (signed a yearly contract)',
      'profile.channels: email → phone only',
      'vip: false → true',
      'tag added: coffee → coffee',
      'tag added: regular → regular',
    ]);
  });
});

describe('tag edits from several panels at once', () => {
  const TAGS = (p: number) => Array.from({ length: 80 }, (_, i) => `panel${p}-tag${i}`);

  it('two panels (two connections) adding 80 tags each at once: none is lost, and the audit trail has each one', async () => {
    const name = `t-${Math.random()}`;
    db = new TipazhDb(name);
    const other = new TipazhDb(name);
    await recordVisit(db, makeSnapshot(), 1);
    const all = [...TAGS(0), ...TAGS(1)].sort();
    await Promise.all([db, other].map((d, p) => Promise.all(TAGS(p).map((tag) => applyEdit(d, { kind: 'tag-add', key: KEY, tag }, `agent ${p}`)))));
    const stored = await db.clients.get(KEY);
    expect(stored?.tags.slice().sort()).toEqual(all);
    const added = (await auditTrail(db, KEY)).filter((a) => a.field === 'tag added');
    expect(added.map((a) => a.to).sort()).toEqual(all);
    expect(
      added
        .filter((a) => a.who === 'agent 1')
        .map((a) => a.to)
        .sort(),
    ).toEqual(TAGS(1).sort());
    // Found by every tag.
    const search = liveSearchIndex(db);
    expect(searchClients(await search.get(), 'panel1-tag79').map((c) => c.key)).toEqual([KEY]);
    search.dispose();

    // Each removes half of its own while the other adds the same again: every change lands on what is stored.
    await Promise.all([
      ...TAGS(0)
        .slice(0, 40)
        .map((tag) => removeTag(db, KEY, tag, 'agent 0')),
      ...TAGS(1)
        .slice(0, 40)
        .map((tag) => removeTag(other, KEY, tag, 'agent 1')),
      ...['late-0', 'late-1'].map((tag, p) => addTag(p ? other : db, KEY, tag, `agent ${p}`)),
    ]);
    const left = [...TAGS(0).slice(40), ...TAGS(1).slice(40), 'late-0', 'late-1'].sort();
    expect((await db.clients.get(KEY))?.tags.slice().sort()).toEqual(left);
    const trail = await auditTrail(db, KEY);
    expect(trail.filter((a) => a.field === 'tag removed')).toHaveLength(80);
    // Replaying the trail gives what is stored.
    const replayed = new Set<string>();
    for (const a of trail.slice().reverse()) {
      if (a.field === 'tag added') replayed.add(a.to!);
      if (a.field === 'tag removed') replayed.delete(a.from!);
    }
    expect([...replayed].sort()).toEqual(left);
    other.close();
  });

  it('removing a tag that is gone, or adding one that is there, changes nothing and is not audited; a 201st tag is refused', async () => {
    db = new TipazhDb(`t-${Math.random()}`);
    await recordVisit(db, makeSnapshot(), 1);
    await removeTag(db, KEY, 'never-there', 'you');
    for (let i = 0; i < 200; i++) await addTag(db, KEY, `t${i}`, 'you');
    await addTag(db, KEY, 't0', 'you');
    expect(await db.audit.count()).toBe(200);
    await expect(addTag(db, KEY, 'one too many', 'you')).rejects.toThrow(/at most 200 tags/);
    expect((await db.clients.get(KEY))?.tags).toHaveLength(200);
  });
});

describe('text edits started from an older value', () => {
  it('a profile field changed meanwhile refuses the edit (EditConflict), keeps both in view, and saving from the new value works', async () => {
    db = new TipazhDb(`c-${Math.random()}`);
    await recordVisit(db, makeSnapshot(), 1);
    // Both panels show an empty "preferences"; the first saves, the second saves from the empty value it saw.
    await applyEdit(db, { kind: 'profile', key: KEY, field: 'preferences', value: 'email only', was: '' }, 'Anna');
    const late = applyEdit(db, { kind: 'profile', key: KEY, field: 'preferences', value: 'calls after 18:00', was: '' }, 'Ivan');
    await expect(late).rejects.toBeInstanceOf(EditConflict);
    await expect(late).rejects.toMatchObject({ name: 'EditConflict' });
    expect((await db.clients.get(KEY))?.profile.preferences).toBe('email only');
    // The same value as stored is no change at all, whatever it started from.
    await applyEdit(db, { kind: 'profile', key: KEY, field: 'preferences', value: 'email only ', was: '' }, 'Ivan');
    // Saved again from what is stored now: replaces it, and the trail says from what.
    await applyEdit(db, { kind: 'profile', key: KEY, field: 'preferences', value: 'email only; calls after 18:00', was: 'email only' }, 'Ivan');
    expect((await auditTrail(db, KEY)).map((a) => [a.who, a.from ?? '∅', a.to])).toEqual([
      ['Ivan', 'email only', 'email only; calls after 18:00'],
      ['Anna', '∅', 'email only'],
    ]);
  });

  it('a note changed meanwhile refuses the edit; one pinned meanwhile does not', async () => {
    db = new TipazhDb(`c-${Math.random()}`);
    await recordVisit(db, makeSnapshot(), 1);
    const n = await addNote(db, KEY, 'likes first names', 10);
    await setNotePinned(db, KEY, n.id, true, 'Anna');
    await applyEdit(db, { kind: 'note-text', key: KEY, id: n.id, text: 'likes first names; VIP since May', since: 10 }, 'Anna');
    const [edited] = await listNotes(db, KEY);
    await expect(applyEdit(db, { kind: 'note-text', key: KEY, id: n.id, text: 'likes first names, hates calls', since: 10 }, 'Ivan')).rejects.toMatchObject({
      name: 'EditConflict',
    });
    expect((await listNotes(db, KEY))[0]!.text).toBe('likes first names; VIP since May');
    await applyEdit(db, { kind: 'note-text', key: KEY, id: n.id, text: 'likes first names; VIP since May; hates calls', since: edited!.updatedAt }, 'Ivan');
    expect((await listNotes(db, KEY))[0]).toMatchObject({ text: 'likes first names; VIP since May; hates calls', pinned: true });
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
