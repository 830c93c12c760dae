import { createLock, LOCK_KEY, LockRecord, seal, unseal } from '../crypto/lock';
import { AuditRecord, NoteRecord, type TipazhDb } from './db';
import { forEachClientChunk } from './client-chunks';
import { isLockedClient } from './dossier-view';

/** Keys of the clients whose notes the lock seals, read a chunk of dossiers at a time. */
async function lockedClientKeys(db: TipazhDb): Promise<string[]> {
  const keys: string[] = [];
  await forEachClientChunk(db, (chunk) => void keys.push(...chunk.filter(isLockedClient).map((c) => c.key)));
  return keys;
}

export async function getLock(db: TipazhDb): Promise<LockRecord | undefined> {
  const parsed = LockRecord.safeParse((await db.meta.get(LOCK_KEY))?.value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Turns the lock on: stores the lock and seals every existing note of a VIP client. Encryption happens
 * first, outside the database transaction; the writes then land together, or not at all.
 */
export async function setUpLock(db: TipazhDb, passphrase: string, iterations?: number): Promise<CryptoKey> {
  if (await getLock(db)) throw new Error('the lock is already set up');
  const { record, key } = await createLock(passphrase, iterations);
  const vipKeys = await lockedClientKeys(db);
  const plain = (await db.notes.where('clientKey').anyOf(vipKeys).toArray()).filter((n) => !n.sealed);
  const sealedNotes = await Promise.all(plain.map(async (n) => NoteRecord.parse({ ...n, text: '', sealed: await seal(key, n.text) })));
  await db.transaction('rw', db.notes, db.meta, async () => {
    await db.meta.put({ key: LOCK_KEY, value: record });
    await db.notes.bulkPut(sealedNotes);
  });
  return key;
}

/** Seals the plain notes of one client (after it became VIP, while the panel is unlocked). */
export async function sealClientNotes(db: TipazhDb, key: CryptoKey, clientKey: string): Promise<number> {
  const plain = (await db.notes.where('clientKey').equals(clientKey).toArray()).filter((n) => !n.sealed);
  const sealedNotes = await Promise.all(plain.map(async (n) => NoteRecord.parse({ ...n, text: '', sealed: await seal(key, n.text) })));
  await db.notes.bulkPut(sealedNotes);
  return sealedNotes.length;
}

/** A new note on a VIP client, stored encrypted. */
export async function addSealedNote(db: TipazhDb, key: CryptoKey, clientKey: string, text: string, now = Date.now()): Promise<NoteRecord> {
  const clean = text.trim();
  if (!clean) throw new Error('the note is empty');
  const note = NoteRecord.parse({ id: crypto.randomUUID(), clientKey, text: '', sealed: await seal(key, clean), pinned: false, createdAt: now, updatedAt: now });
  await db.notes.add(note);
  return note;
}

/** The notes as the agent reads them: sealed ones decrypted with the key, or left sealed without it. */
export async function openNotes(notes: NoteRecord[], key: CryptoKey | undefined): Promise<(NoteRecord & { locked?: boolean })[]> {
  return Promise.all(
    notes.map(async (n) => {
      if (!n.sealed) return n;
      if (!key) return { ...n, locked: true };
      try {
        return { ...n, text: await unseal(key, n.sealed) };
      } catch {
        return { ...n, locked: true };
      }
    }),
  );
}

/** Edits a sealed note: stored encrypted, and the audit trail records the change without the words. */
export async function updateSealedNote(db: TipazhDb, key: CryptoKey, id: string, text: string, who: string, now = Date.now()): Promise<void> {
  const clean = text.trim();
  if (!clean) throw new Error('the note is empty');
  const sealed = await seal(key, clean);
  await db.transaction('rw', db.notes, db.audit, async () => {
    const note = await db.notes.get(id);
    if (!note) throw new Error('the note no longer exists');
    await db.notes.put(NoteRecord.parse({ ...note, text: '', sealed, updatedAt: now }));
    await db.audit.add(AuditRecord.parse({ id: crypto.randomUUID(), clientKey: note.clientKey, at: now, who, field: 'note (encrypted)', from: '🔒', to: '🔒' }));
  });
}

/**
 * Seals the plain notes every VIP client still has (after the lock is opened): none stays readable at rest.
 * Dossiers are read a chunk at a time, so that 100k of them neither fill memory nor hold up other requests.
 */
export async function sealAllVipNotes(db: TipazhDb, key: CryptoKey): Promise<number> {
  let n = 0;
  for (const clientKey of await lockedClientKeys(db)) n += await sealClientNotes(db, key, clientKey);
  return n;
}
