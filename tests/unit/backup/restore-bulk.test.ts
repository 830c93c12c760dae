import { describe, expect, it, vi } from 'vitest';
import { BACKUP_TABLES, type Backup } from '../../../core/backup/format';
import { applyRestore, planRestore } from '../../../core/backup/restore';
import { mergeIncomingPersons } from '../../../core/backup/restore-persons';
import { TipazhDb, type NoteRecord, type PersonRecord } from '../../../core/store/db';
import { freshDatabases, storedNotes, storedVisits } from '../helpers';
import { countsAfterRestoring, realisticBackup } from '../../support/backup-file';

const NOW = Date.parse('2026-11-01T12:00:00Z');
const fresh = freshDatabases('rb');

// 900 dossiers: 2,250 visits, more than one write chunk.
const big = (await realisticBackup({ clients: 900, now: NOW })).backup;
const local = (await realisticBackup({ clients: 200, now: NOW, local: true })).backup;
const three = (await realisticBackup({ clients: 3, now: NOW })).backup.data.clients;
const counts = async (db: TipazhDb) =>
  Object.fromEntries(
    await Promise.all(
      Object.keys(countsAfterRestoring(big)).map(async (t) => [
        t,
        t === 'visits' ? (await storedVisits(db)).length : t === 'notes' ? (await storedNotes(db)).length : await db.table(t).count(),
      ]),
    ),
  );

// fake-indexeddb is slow: a few thousand records take seconds on a busy machine.
describe('restoring a large backup', { timeout: 60_000 }, () => {
  it('restores every record once, with progress rising to the total as the chunks land', async () => {
    const db = fresh();
    const seen: [number, number][] = [];
    await applyRestore(db, big, { onProgress: (done, total) => seen.push([done, total]) });
    expect(await counts(db)).toEqual(countsAfterRestoring(big));
    // Progress counts backup records (visits land inside their dossiers; a person of one record is not stored).
    const total = BACKUP_TABLES.reduce((n, t) => n + big.data[t].length, 0);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every(([d, t], i) => t === total && d >= (seen[i - 1]?.[0] ?? 0))).toBe(true);
    expect(seen.at(-1)).toEqual([total, total]);
  });

  it('into a profile holding some of the same clients: merged by identity, reading only the records it holds', async () => {
    const db = fresh();
    await applyRestore(db, local);
    const held = new Set(local.data.clients.map((c) => c.key));
    const read = vi.spyOn(Object.getPrototypeOf(db.clients) as typeof db.clients, 'bulkGet');
    const plan = await applyRestore(db, big);
    const asked = read.mock.calls.flatMap(([keys], i) => ((read.mock.contexts[i] as typeof db.clients).name === 'clients' ? (keys as string[]) : []));
    read.mockRestore();
    expect(asked.length).toBe(held.size);
    expect(asked.every((k) => held.has(k))).toBe(true);
    expect(await counts(db)).toEqual(countsAfterRestoring(local, big));
    // Every 4th local dossier is newer: a conflict, kept; every dossier counts its merged visits.
    expect(plan.conflicts.filter((c) => c.table === 'clients')).toHaveLength(50);
    expect((await db.clients.get(local.data.clients[0]!.key))?.lastSubject).toBe('Changed here after the backup');
    for (const c of (await db.clients.toArray()).slice(0, 300)) expect(c.visitCount).toBe(c.visits.length);
    // Each person holds one dossier: none is stored.
    expect(await db.persons.count()).toBe(0);
    // Restoring the same file again changes nothing.
    const again = await planRestore(db, big);
    expect(Object.values(again.add).every((n) => n === 0)).toBe(true);
  });

  it('a write that fails after others were queued leaves the profile as it was', async () => {
    const db = fresh();
    await applyRestore(db, local);
    const before = await counts(db);
    const clients = [...big.data.clients, { ...big.data.clients[0]!, key: undefined }];
    await expect(applyRestore(db, { ...big, data: { ...big.data, clients } } as unknown as Backup)).rejects.toThrow();
    expect(await counts(db)).toEqual(before);
  });

  it('a key repeated in one file is stored once: the newer copy', async () => {
    const db = fresh();
    const note = (text: string, updatedAt: number): NoteRecord => ({
      id: 'n1',
      clientKey: big.data.clients[0]!.key,
      text,
      pinned: false,
      createdAt: 1,
      updatedAt,
    });
    await applyRestore(db, { ...big, data: { ...big.data, notes: [note('newer', 20), note('older', 10)] } });
    expect(await storedNotes(db)).toEqual([note('newer', 20)]);
  });
});

describe('merging the backup persons', () => {
  const person = (id: string, clientKeys: string[], emails: string[] = []): PersonRecord => ({ id, emails, phones: [], clientKeys, blocked: [] });

  it('joins the local person holding their records, adds the others, writes only what changed and links records', () => {
    const r = mergeIncomingPersons(
      [person('a', ['k1', 'k9']), person('b', ['k2', 'k8']), person('c', ['k3', 'k7'])],
      [person('x', ['k1']), person('y', ['k2', 'k3'], ['y@example.com']), person('z', ['k4']), person('w', ['k5', 'k6'])],
    );
    expect(['k1', 'k2', 'k3', 'k4', 'k5', 'k0'].map(r.holds)).toEqual([true, true, true, true, true, false]);
    // `a` gained nothing from `x`, so it is not rewritten; `b` took `c`'s records and `y`'s email; `z` alone is no record.
    expect(r.changes()).toEqual({ writes: [person('b', ['k2', 'k8', 'k3', 'k7'], ['y@example.com']), person('w', ['k5', 'k6'])], deleted: ['c'] });
  });

  it('a new record alone writes no person; a stored one keeping a record split off stays as it is', () => {
    const r = mergeIncomingPersons([person('a', ['k1', 'k2']), { ...person('s', ['k3']), blocked: ['k4'] }], []);
    r.link({ key: 'k5', email: 'new@example.com' });
    expect(r.changes()).toEqual({ writes: [], deleted: [] });
  });

  it('links a dossier no person holds as linkPerson does: by email or phone, to a person or a record alone, else to none', () => {
    const alone = new Map([
      ['e:bob@example.com', ['k9']],
      ['p:+79035550142', ['k9', 'k8']],
    ]);
    const r = mergeIncomingPersons([person('a', ['k1', 'k0'], ['ann@example.com'])], [], alone);
    const [ann, bob, other] = three.map((c, i) => ({ ...c, key: `k${i + 2}` }));
    r.link({ ...ann!, email: 'Ann@Example.com' });
    r.link({ ...bob!, email: 'BOB@example.com', phone: '' });
    r.link(other!);
    const { writes, deleted } = r.changes();
    expect(writes).toHaveLength(2);
    expect(writes[0]).toMatchObject({ id: 'a', clientKeys: ['k1', 'k0', 'k2'] });
    // Bob's record joins the profile's record alone with his email (its phone comes along), not the one with only the phone.
    expect(writes[1]).toMatchObject({ clientKeys: ['k9', 'k3'], emails: ['bob@example.com'], phones: ['+79035550142'] });
    expect(deleted).toEqual([]);
  });

  it('a backup of dossiers without persons restores with every dossier linked, same email one person', async () => {
    const db = fresh();
    const [a, b, c] = three;
    const seen: number[][] = [];
    await applyRestore(
      db,
      { ...big, data: { ...big.data, clients: [a!, { ...b!, email: a!.email }, c!], visits: [], notes: [], corrections: [], audit: [], persons: [] } },
      { onProgress: (...p) => seen.push(p) },
    );
    // `c` alone is a person of its own, stored as nothing.
    expect((await db.persons.toArray()).map((p) => p.clientKeys)).toEqual([[a!.key, b!.key]]);
    // The persons written count in the progress: it ends at 3 dossiers + 1 person, not before it lands.
    expect(seen.at(-1)).toEqual([4, 4]);
    expect(seen.filter(([d]) => d === 4)).toHaveLength(1);
  });
});
