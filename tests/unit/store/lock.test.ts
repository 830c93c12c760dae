import { describe, expect, it } from 'vitest';
import { exportBackup } from '../../../core/backup/export';
import { applyRestore } from '../../../core/backup/restore';
import { parseBackup } from '../../../core/backup/read-backup';
import { createLock, unlock } from '../../../core/crypto/lock';
import { setVip } from '../../../core/store/dossier-edits';
import { addNote, recordVisit } from '../../../core/store/dossiers';
import { addSealedNote, openNotes, setUpLock } from '../../../core/store/sealed-notes';
import { makeSnapshot, freshDatabases, storedNotes } from '../helpers';

const FAST = 2000; // iterations for tests; the product uses 600 000
const fresh = freshDatabases('l');

describe('passphrase lock for VIP notes', () => {
  it('accepts the right passphrase only', async () => {
    const { record } = await createLock('correct horse battery', FAST);
    expect(await unlock(record, 'correct horse battery')).not.toBeNull();
    expect(await unlock(record, 'wrong passphrase')).toBeNull();
    await expect(createLock('short')).rejects.toThrow(/at least 8/);
  });

  it('seals VIP notes at rest: unreadable in IndexedDB and in backups without the passphrase', async () => {
    const db = fresh();
    await recordVisit(db, makeSnapshot(), 1);
    await recordVisit(db, makeSnapshot({ client: { externalId: '2', name: 'Ordinary' } }), 1);
    await setVip(db, 'zendesk:acme:42', true, 'you');
    await addNote(db, 'zendesk:acme:42', 'home address: Tverskaya 1', 2);
    await addNote(db, 'zendesk:acme:2', 'ordinary note', 2);
    const key = await setUpLock(db, 'correct horse battery', FAST);
    await addSealedNote(db, key, 'zendesk:acme:42', 'prefers calls after 19:00', 3);

    const raw = await storedNotes(db);
    expect(JSON.stringify(await db.clients.toArray())).not.toMatch(/Tverskaya|19:00/);
    const vipRaw = raw.filter((n) => n.clientKey === 'zendesk:acme:42');
    expect(vipRaw.every((n) => n.sealed && n.text === '')).toBe(true);
    expect(JSON.stringify(vipRaw)).not.toMatch(/Tverskaya|19:00/);
    expect(raw.find((n) => n.clientKey === 'zendesk:acme:2')?.text).toBe('ordinary note');

    const backup = await exportBackup(db);
    expect(backup).not.toMatch(/Tverskaya|19:00/);
    const restored = fresh();
    const parsed = await parseBackup(backup);
    if (!parsed.ok) throw new Error(parsed.error);
    await applyRestore(restored, parsed.backup);
    const again = await unlock((await restored.meta.get('notesLock'))!.value as never, 'correct horse battery');
    const opened = await openNotes(
      (await storedNotes(restored)).filter((n) => n.clientKey === 'zendesk:acme:42'),
      again!,
    );
    expect(opened.map((n) => n.text).sort()).toEqual(['home address: Tverskaya 1', 'prefers calls after 19:00']);
    expect((await openNotes(vipRaw, undefined)).every((n) => n.locked)).toBe(true);
  });
});
