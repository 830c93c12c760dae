import { describe, expect, it } from 'vitest';
import { exportBackup } from '../../../core/backup/export';
import { applyRestore, planRestore } from '../../../core/backup/restore';
import { parseBackup } from '../../../core/backup/read-backup';
import { signed } from '../../support/backup-file';
import { addCorrection } from '../../../core/store/corrections';
import { addTag } from '../../../core/store/dossier-edits';
import { addNote, recordVisit } from '../../../core/store/dossiers';
import { installPack } from '../../../core/store/packs';
import { readDefaultPack } from '../../../core/pack/node-default';
import { makeSnapshot, freshDatabases, storedNotes, storedVisits } from '../helpers';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePackBytes } from '../../../core/pack/parse';
import { parseNeverRecordText } from '../../../core/privacy';
import { setUpLock } from '../../../core/store/sealed-notes';
import { getNeverRecord, setNeverRecord } from '../../../core/store/never-record';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const fresh = freshDatabases('b');
const KEY = 'zendesk:acme:42';

async function populated() {
  const db = fresh();
  await recordVisit(db, makeSnapshot(), 1000);
  await recordVisit(db, makeSnapshot({ ticket: { id: '2', subject: 'Other' } }), 2000);
  await addNote(db, KEY, 'likes tea', 1500);
  await addCorrection(db, { clientKey: KEY, from: 'unknown', to: 'tester', stems: ['bug', 'crash'] }, 1600);
  await installPack(db, { ...readDefaultPack(), id: 'team', name: { en: 'Team' } }, { kind: 'file', name: 'team.json' }, { now: 1700 });
  await setNeverRecord(db, parseNeverRecordText('vip@example.com\n@press.example'));
  return db;
}

describe('backup and restore', () => {
  it('round-trips everything into an empty profile', async () => {
    const src = await populated();
    const text = await exportBackup(src, { settings: { lang: 'ru' } });
    const parsed = await parseBackup(text);
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
    const r = await parseBackup(await exportBackup(src));
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
    const r = await parseBackup(await exportBackup(src));
    if (!r.ok) throw new Error(r.error);
    const dst = fresh();
    await applyRestore(dst, r.backup);
    await addTag(dst, KEY, 'changed after the backup', 'you');
    const plan = await planRestore(dst, r.backup);
    expect(plan.conflicts).toMatchObject([
      { table: 'clients', id: KEY, subject: { kind: 'client', client: { name: 'Megan Price', email: 'megan@example.com' } } },
    ]);
    await applyRestore(dst, r.backup);
    expect((await dst.clients.get(KEY))?.tags).toEqual(['changed after the backup']);
    await applyRestore(dst, r.backup, { conflicts: 'take-backup' });
    expect((await dst.clients.get(KEY))?.tags).toEqual([]);
  });

  it('refuses a truncated or corrupted file, says where, and changes nothing', async () => {
    const text = await exportBackup(await populated());
    const truncated = await parseBackup(text.slice(0, Math.floor(text.length / 2)));
    expect(truncated.ok).toBe(false);
    expect(!truncated.ok && truncated.error).toMatch(/truncated|ends early|JSON/);
    const data = JSON.parse(text);
    data.data.clients[0].lastSeen = 'yesterday';
    const corrupted = await parseBackup(await signed(data));
    expect(!corrupted.ok && corrupted.error).toMatch(/data\.clients\[0\]\.lastSeen/);
    expect((await parseBackup(await signed({ ...data, format: 'other' }))).ok).toBe(false);
    expect(!(await parseBackup(await signed({ ...data, version: 99 }))).ok).toBe(true);
  });

  it('refuses a visit of a dossier the file does not hold, saying which', async () => {
    const data = JSON.parse(await exportBackup(await populated()));
    data.data.visits[1].clientKey = 'zendesk:acme:nobody';
    const r = await parseBackup(await signed(data));
    expect(!r.ok && r.error).toBe('data.visits[1].clientKey: no dossier "zendesk:acme:nobody" in this backup');
  });

  it('a note whose dossier the file does not hold goes into this profile’s dossier, or waits for it, and travels on', async () => {
    const src = await populated();
    const note = (id: string, clientKey: string) => ({ id, clientKey, text: `about ${clientKey}`, pinned: false, createdAt: 3, updatedAt: 3 });
    const data = JSON.parse(await exportBackup(src));
    data.data.notes.push(note('n-local', 'zendesk:acme:7'), note('n-away', 'zendesk:acme:8'));
    const r = await parseBackup(await signed(data));
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
    const again = await parseBackup(await exportBackup(dst));
    expect(again.ok && again.backup.data.notes.map((n) => n.id)).toContain('n-away');
    await recordVisit(dst, makeSnapshot({ client: { externalId: '8', name: 'Later' } }), 200);
    expect((await dst.clients.get('zendesk:acme:8'))?.notes.map((n) => n.id)).toEqual(['n-away']);
    expect(await dst.notes.count()).toBe(0);
  });

  it('holds a backup’s installed packs to the full pack schema, saying where one is wrong', async () => {
    const data = JSON.parse(await exportBackup(await populated()));
    data.data.packs[0].pack.types.tester.phrases[0].text = 42;
    const wrong = await parseBackup(await signed(data));
    expect(!wrong.ok && wrong.error).toMatch(/data\.packs\[0\]\.pack\.types\.tester\.phrases\[0\]\.text/);
    data.data.packs[0].pack = { id: 'team' };
    expect(!(await parseBackup(await signed(data))).ok && 'refused').toBe('refused');
  });

  // The same hostile packs through both doors: whatever a pack file import refuses, a restore refuses too.
  it.each([
    ['HTML in a phrase', 'html-phrase.json', 'types.extortionist.phrases[0].text: contains HTML or script'],
    ['a "__proto__" type', 'proto-key.json', 'types: unknown key "__proto__"'],
    ['a future schema version', 'future-schema.json', 'schemaVersion: this pack needs a newer Tipazh'],
    ['an unknown key', 'unknown-key.json', 'types.tester: unknown key "phrasez"; did you mean "phrases"?'],
    ['a wrong type', 'wrong-type.json', 'version: expected text, got a number'],
  ])('refuses a pack with %s in a backup as the file import does, naming the pack', async (_what, fixture, problem) => {
    const bytes = readFileSync(resolve(import.meta.dirname, '../../fixtures/packs', fixture));
    const imported = parsePackBytes(bytes);
    expect(!imported.ok && imported.error.startsWith(problem)).toBe(true);
    const data = JSON.parse(await exportBackup(await populated()));
    const hostile = JSON.parse(bytes.toString('utf8'));
    data.data.packs.push({ ...data.data.packs[0], id: hostile.id, pack: hostile });
    const restored = await parseBackup(await signed(data));
    expect(!restored.ok && restored.error).toMatch(new RegExp(`^data\\.packs\\[1\\]\\.pack\\.${escape(problem)}.*\\(pack "acme-support"\\)$`, 'm'));
    // A pending update is held to the same rules.
    data.data.packs[1] = { ...data.data.packs[0], pending: hostile };
    const pending = await parseBackup(await signed(data));
    expect(!pending.ok && pending.error).toMatch(new RegExp(`^data\\.packs\\[1\\]\\.pending\\.${escape(problem)}`, 'm'));
  });

  it('refuses a backup pack the options page would refuse: the built-in pack’s id, over 2 MB, or an id that is not its pack’s', async () => {
    const data = JSON.parse(await exportBackup(await populated()));
    const team = data.data.packs[0];
    data.data.packs[0] = { ...team, id: 'default', pack: { ...team.pack, id: 'default' } };
    const builtin = await parseBackup(await signed(data));
    expect(!builtin.ok && builtin.error).toBe(`data.packs[0].pack.id: "default" is the built-in pack's id; give the team pack its own id (pack "default")`);
    data.data.packs[0] = { ...team, pack: { ...team.pack, description: { en: 'x'.repeat(3_000_000) } } };
    const huge = await parseBackup(await signed(data));
    expect(!huge.ok && huge.error).toMatch(/^data\.packs\[0\]\.pack: is 30\d\d KB; a pack may be at most 2 MB \(pack "team"\)$/);
    data.data.packs[0] = { ...team, id: 'other' };
    const other = await parseBackup(await signed(data));
    expect(!other.ok && other.error).toBe('data.packs[0].id: the pack it holds is "team", not "other"');
  });

  it('refuses a setting whose value is not of its key’s type, with its path, and writes nothing', async () => {
    const src = await populated();
    await setUpLock(src, 'correct horse battery', 1000);
    const data = JSON.parse(await exportBackup(src));
    const at = (key: string) => data.data.meta.findIndex((m: { key: string }) => m.key === key);
    const [never, lock] = [at('neverRecord'), at('notesLock')];
    expect([never, lock].every((i) => i >= 0)).toBe(true);
    const good = structuredClone(data.data.meta);
    const refused = async (change: () => void, error: string) => {
      data.data.meta = structuredClone(good);
      change();
      const r = await parseBackup(await signed(data));
      expect(!r.ok && r.error).toBe(error);
    };
    // Read back as an empty list, emails as one string would let every listed client be recorded again.
    await refused(() => (data.data.meta[never].value.emails = 'vip@example.com'), `data.meta[${never}].value.emails: expected a list, got text`);
    await refused(() => (data.data.meta[never].value = ['vip@example.com']), `data.meta[${never}].value: expected an object, got a list`);
    await refused(() => (data.data.meta[lock].value = 42), `data.meta[${lock}].value: expected an object, got a number`);
    await refused(() => (data.data.meta[lock].value.iterations = '600000'), `data.meta[${lock}].value.iterations: expected a number, got text`);
    await refused(() => data.data.meta.push({ key: 'nerverRecord', value: {} }), `data.meta[2].key: must be one of "neverRecord", "notesLock", "teamSync"`);
    await refused(() => (data.settings = { lang: 'de' }), 'settings.lang: must be one of "en", "ru"');
    // The right ones restore, and read back as they were.
    data.data.meta = good;
    data.settings = { lang: 'ru' };
    const r = await parseBackup(await signed(data));
    if (!r.ok) throw new Error(r.error);
    const dst = fresh();
    await applyRestore(dst, r.backup);
    expect(await getNeverRecord(dst)).toEqual({ emails: ['vip@example.com'], domains: ['press.example'], clientKeys: [] });
    expect((await dst.meta.get('notesLock'))?.value).toEqual((await src.meta.get('notesLock'))?.value);
  });

  it('is transactional: a failure half-way writes nothing', async () => {
    const r = await parseBackup(await exportBackup(await populated()));
    if (!r.ok) throw new Error(r.error);
    const dst = fresh();
    await recordVisit(dst, makeSnapshot({ client: { externalId: '7', name: 'Local only' } }), 1);
    const before = { clients: await dst.clients.count(), visits: (await storedVisits(dst)).length };
    const broken = {
      ...r.backup,
      data: { ...r.backup.data, audit: [{ id: undefined, clientKey: KEY, at: 1, who: 'x', field: 'y' }] },
    } as unknown as typeof r.backup;
    await expect(applyRestore(dst, broken)).rejects.toThrow();
    expect({ clients: await dst.clients.count(), visits: (await storedVisits(dst)).length }).toEqual(before);
    expect(await dst.notes.count()).toBe(0);
  });
});
