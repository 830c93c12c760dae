import { describe, expect, it } from 'vitest';
import { exportBackup } from '../../../core/backup/export';
import { parseBackup } from '../../../core/backup/read-backup';
import { applyRestore, planRestore } from '../../../core/backup/restore';
import { readDefaultPack } from '../../../core/pack/node-default';
import { parseNeverRecordText } from '../../../core/privacy';
import { addTag, updateNote } from '../../../core/store/dossier-edits';
import { addNote, recordVisit } from '../../../core/store/dossiers';
import { setNeverRecord } from '../../../core/store/never-record';
import { installPack } from '../../../core/store/packs';
import { freshDatabases, makeSnapshot, storedNotes } from '../helpers';

const fresh = freshDatabases('rc');
const KEY = 'zendesk:acme:42';
const team = { ...readDefaultPack(), id: 'team', name: { en: 'Team', ru: 'Команда' }, version: '1.0.0' };

describe('restore conflicts name the record as the agent knows it, with both dates', () => {
  it('a dossier, a note and a pack changed here after the backup; a setting that differs', async () => {
    const src = fresh();
    await recordVisit(src, makeSnapshot(), 1000);
    await addNote(src, KEY, 'likes tea, hates waiting on hold', 1500);
    await installPack(src, team, { kind: 'file', name: 'team.json' }, { now: 1700 });
    await setNeverRecord(src, parseNeverRecordText('vip@example.com'));
    const r = await parseBackup(await exportBackup(src));
    if (!r.ok) throw new Error(r.error);

    const dst = fresh();
    await applyRestore(dst, r.backup);
    await addTag(dst, KEY, 'changed after the backup', 'you');
    const [note] = await storedNotes(dst);
    await updateNote(dst, KEY, note!.id, 'likes green tea', 'you', undefined, 6000);
    await installPack(dst, { ...team, version: '1.1.0' }, { kind: 'file', name: 'team.json' }, { replace: true, now: 7000 });
    await setNeverRecord(dst, parseNeverRecordText('ceo@example.com'));

    const plan = await planRestore(dst, r.backup);
    const megan = { key: KEY, name: 'Megan Price', email: 'megan@example.com' };
    expect(plan.conflicts).toEqual([
      { table: 'clients', id: KEY, subject: { kind: 'client', client: megan }, here: expect.any(Number), file: 1000 },
      { table: 'notes', id: note!.id, subject: { kind: 'note', client: megan, excerpt: 'likes green tea' }, here: 6000, file: 1500 },
      { table: 'packs', id: 'team', subject: { kind: 'pack', name: team.name, here: '1.1.0', file: '1.0.0' }, here: 7000, file: 1700 },
      { table: 'meta', id: 'neverRecord', subject: { kind: 'setting', key: 'neverRecord' } },
    ]);
    // The restore reports the same conflicts (deciding the tables in its own order), and keeps this browser's copies.
    const applied = (await applyRestore(dst, r.backup)).conflicts;
    expect(applied).toHaveLength(plan.conflicts.length);
    expect(applied).toEqual(expect.arrayContaining(plan.conflicts));
    expect((await storedNotes(dst))[0]?.text).toBe('likes green tea');
  });

  it('refuses a strategy pack picked as a backup, saying what it is', async () => {
    const r = await parseBackup(JSON.stringify(team));
    expect(r).toEqual({ ok: false, pack: true, error: 'this is a strategy pack, not a backup: import it under Packs' });
    // A pack with errors is still a pack; JSON of something else is not one.
    expect(await parseBackup(JSON.stringify({ schemaVersion: 1, id: 'Bad Id', types: { tester: { boundary: [] } } }))).toMatchObject({ ok: false, pack: true });
    expect(await parseBackup(JSON.stringify({ hello: 'world' }))).not.toHaveProperty('pack');
  });
});
