import { describe, expect, it } from 'vitest';
import { exportBackup } from '../../core/backup/export';
import { applyRestore, planRestore } from '../../core/backup/restore';
import { parseBackup } from '../../core/backup/read-backup';
import { addCorrection } from '../../core/store/corrections';
import { addTag } from '../../core/store/dossier-edits';
import { addNote, recordVisit } from '../../core/store/dossiers';
import { installPack } from '../../core/store/packs';
import { readDefaultPack } from '../../core/pack/node-default';
import { makeSnapshot, freshDatabases, storedNotes, storedVisits } from './helpers';

const fresh = freshDatabases('b');
const KEY = 'zendesk:acme:42';

async function populated() {
  const db = fresh();
  await recordVisit(db, makeSnapshot(), 1000);
  await recordVisit(db, makeSnapshot({ ticket: { id: '2', subject: 'Other' } }), 2000);
  await addNote(db, KEY, 'likes tea', 1500);
  await addCorrection(db, { clientKey: KEY, from: 'unknown', to: 'tester', stems: ['bug', 'crash'] }, 1600);
  await installPack(db, { ...readDefaultPack(), id: 'team', name: { en: 'Team' } }, { kind: 'file', name: 'team.json' }, { now: 1700 });
  await db.meta.put({ key: 'neverRecord', value: ['vip@example.com'] });
  return db;
}

describe('backup and restore', () => {
  it('round-trips everything into an empty profile', async () => {
    const src = await populated();
    const text = await exportBackup(src, { settings: { lang: 'ru' } });
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const dst = fresh();
    const plan = await applyRestore(dst, parsed.backup);
    expect(plan.conflicts).toEqual([]);
    for (const t of ['clients', 'corrections', 'persons', 'packs', 'audit', 'meta'] as const) {
      expect(await dst.table(t).count(), t).toBe(await src.table(t).count());
    }
    expect(await storedVisits(dst)).toEqual(await storedVisits(src));
    expect(await storedNotes(dst)).toEqual(await storedNotes(src));
    expect(parsed.backup.data.visits.map((v) => v.clientKey)).toEqual([KEY, KEY]);
    expect((await dst.clients.get(KEY))?.typeOverride?.type).toBe('tester');
    expect(parsed.backup.settings).toEqual({ lang: 'ru' });
  });

  it('merges into a non-empty profile by identity: nothing duplicated, visits added up', async () => {
    const src = await populated();
    const dst = fresh();
    await recordVisit(dst, makeSnapshot({ ticket: { id: '3', subject: 'Third' } }), 500);
    await addNote(dst, KEY, 'local note', 600);
    const r = parseBackup(await exportBackup(src));
    if (!r.ok) throw new Error(r.error);
    await applyRestore(dst, r.backup);
    expect(await dst.clients.count()).toBe(1);
    // One dossier: a person of its own, stored as nothing.
    expect(await dst.persons.count()).toBe(0);
    expect((await storedVisits(dst)).map((v) => v.at)).toEqual([500, 1000, 2000]);
    expect((await dst.clients.get(KEY))?.visitCount).toBe(3);
    expect((await dst.clients.get(KEY))?.firstSeen).toBe(500);
    expect((await storedNotes(dst)).map((n) => n.text).sort()).toEqual(['likes tea', 'local note']);
    // Restoring the same file twice changes nothing.
    await applyRestore(dst, r.backup);
    expect(await storedVisits(dst)).toHaveLength(3);
    expect(await storedNotes(dst)).toHaveLength(2);
  });

  it('never overwrites newer local data without being told to', async () => {
    const src = await populated();
    const r = parseBackup(await exportBackup(src));
    if (!r.ok) throw new Error(r.error);
    const dst = fresh();
    await applyRestore(dst, r.backup);
    await addTag(dst, KEY, 'changed after the backup', 'you');
    const plan = await planRestore(dst, r.backup);
    expect(plan.conflicts).toEqual([{ table: 'clients', id: KEY, label: 'Megan Price' }]);
    await applyRestore(dst, r.backup);
    expect((await dst.clients.get(KEY))?.tags).toEqual(['changed after the backup']);
    await applyRestore(dst, r.backup, { conflicts: 'take-backup' });
    expect((await dst.clients.get(KEY))?.tags).toEqual([]);
  });

  it('refuses a truncated or corrupted file, says where, and changes nothing', async () => {
    const text = await exportBackup(await populated());
    const truncated = parseBackup(text.slice(0, Math.floor(text.length / 2)));
    expect(truncated.ok).toBe(false);
    expect(!truncated.ok && truncated.error).toMatch(/truncated|ends early|JSON/);
    const data = JSON.parse(text);
    data.data.clients[0].lastSeen = 'yesterday';
    const corrupted = parseBackup(JSON.stringify(data));
    expect(!corrupted.ok && corrupted.error).toMatch(/data\.clients\[0\]\.lastSeen/);
    expect(parseBackup(JSON.stringify({ ...data, format: 'other' })).ok).toBe(false);
    expect(!parseBackup(JSON.stringify({ ...data, version: 99 })).ok).toBe(true);
  });

  it('refuses a visit of a dossier the file does not hold, saying which', async () => {
    const data = JSON.parse(await exportBackup(await populated()));
    data.data.visits[1].clientKey = 'zendesk:acme:nobody';
    const r = parseBackup(JSON.stringify(data));
    expect(!r.ok && r.error).toBe('data.visits[1].clientKey: no dossier "zendesk:acme:nobody" in this backup');
  });

  it('a note whose dossier the file does not hold goes into this profile’s dossier, or waits for it, and travels on', async () => {
    const src = await populated();
    const note = (id: string, clientKey: string) => ({ id, clientKey, text: `about ${clientKey}`, pinned: false, createdAt: 3, updatedAt: 3 });
    const data = JSON.parse(await exportBackup(src));
    data.data.notes.push(note('n-local', 'zendesk:acme:7'), note('n-away', 'zendesk:acme:8'));
    const r = parseBackup(JSON.stringify(data));
    if (!r.ok) throw new Error(r.error);
    const dst = fresh();
    await recordVisit(dst, makeSnapshot({ client: { externalId: '7', name: 'Here already' } }), 100);
    // A note of this profile that waited for its dossier: the file brings the dossier.
    await dst.notes.put(note('n-waiting', KEY));
    const plan = await applyRestore(dst, r.backup);
    expect(plan.add.notes).toBe(3);
    expect((await dst.clients.get('zendesk:acme:7'))?.notes.map((n) => n.id)).toEqual(['n-local']);
    expect((await dst.clients.get(KEY))?.notes.map((n) => n.id).sort()).toEqual([(await storedNotes(src))[0]!.id, 'n-waiting'].sort());
    expect((await dst.notes.toArray()).map((n) => n.id)).toEqual(['n-away']);
    // The waiting note is in the next backup, and joins its dossier when the agent first opens that client.
    const again = parseBackup(await exportBackup(dst));
    expect(again.ok && again.backup.data.notes.map((n) => n.id)).toContain('n-away');
    await recordVisit(dst, makeSnapshot({ client: { externalId: '8', name: 'Later' } }), 200);
    expect((await dst.clients.get('zendesk:acme:8'))?.notes.map((n) => n.id)).toEqual(['n-away']);
    expect(await dst.notes.count()).toBe(0);
  });

  it('holds a backup’s installed packs to the full pack schema, saying where one is wrong', async () => {
    const data = JSON.parse(await exportBackup(await populated()));
    data.data.packs[0].pack.types.tester.phrases[0].text = 42;
    const wrong = parseBackup(JSON.stringify(data));
    expect(!wrong.ok && wrong.error).toMatch(/data\.packs\[0\]\.pack\.types\.tester\.phrases\[0\]\.text/);
    data.data.packs[0].pack = { id: 'team' };
    expect(!parseBackup(JSON.stringify(data)).ok && 'refused').toBe('refused');
  });

  it('is transactional: a failure half-way writes nothing', async () => {
    const r = parseBackup(await exportBackup(await populated()));
    if (!r.ok) throw new Error(r.error);
    const dst = fresh();
    await recordVisit(dst, makeSnapshot({ client: { externalId: '7', name: 'Local only' } }), 1);
    const before = { clients: await dst.clients.count(), visits: (await storedVisits(dst)).length };
    const broken = { ...r.backup, data: { ...r.backup.data, audit: [{ id: undefined, clientKey: KEY, at: 1, who: 'x', field: 'y' }] } } as unknown as typeof r.backup;
    await expect(applyRestore(dst, broken)).rejects.toThrow();
    expect({ clients: await dst.clients.count(), visits: (await storedVisits(dst)).length }).toEqual(before);
    expect(await dst.notes.count()).toBe(0);
  });
});
