import { createLock, LOCK_KEY, LockRecord, seal, unseal, type Sealed } from '../crypto/lock';
import { Note, type ClientRecord, type NoteRecord, type TipazhDb } from './db';
import { changedAt, checkUnchanged, editNote } from './dossier-edits';
import { putNote } from './notes';
import { forEachClientChunk } from './client-chunks';
import { vipFactsOf, vipOf } from '../vip';

/** Whether a dossier is VIP, so that the lock seals its notes: `vipOf` with the effective pack (store-access.ts). */
export type IsVip = (c: ClientRecord) => boolean;
/** VIP by the helpdesk's tag or the agent's mark alone, for callers without a pack. */
const vipWithoutPack: IsVip = (c) => !!vipOf(vipFactsOf(c), undefined);

/** The VIP dossiers that still hold a plain note, read a chunk of dossiers at a time. */
async function unsealedVipClients(db: TipazhDb, isVip: IsVip): Promise<ClientRecord[]> {
  const out: ClientRecord[] = [];
  await forEachClientChunk(db, (chunk) => void out.push(...chunk.filter((c) => c.notes.some((n) => !n.sealed) && isVip(c))));
  return out;
}

/** The plain notes of these dossiers, encrypted (outside any transaction: WebCrypto cannot wait inside one). */
async function sealPlainNotes(key: CryptoKey, clients: readonly ClientRecord[]): Promise<Map<string, { text: string; sealed: Sealed }>> {
  const plain = clients.flatMap((c) => c.notes.filter((n) => !n.sealed));
  return new Map(await Promise.all(plain.map(async (n) => [n.id, { text: n.text, sealed: await seal(key, n.text) }] as const)));
}

/**
 * Stores the sealed notes in their dossiers, re-read inside the caller's read-write transaction: a note edited
 * since it was encrypted keeps its new text (the next sweep seals it). How many notes were sealed.
 */
async function storeSealed(db: TipazhDb, clientKeys: readonly string[], sealed: ReadonlyMap<string, { text: string; sealed: Sealed }>): Promise<number> {
  let n = 0;
  for (const client of await db.clients.bulkGet([...clientKeys])) {
    if (!client) continue;
    const before = n;
    const notes = client.notes.map((note) => {
      const s = sealed.get(note.id);
      if (!s || note.sealed || note.text !== s.text) return note;
      n++;
      return Note.parse({ ...note, text: '', sealed: s.sealed });
    });
    if (n > before) await db.clients.put({ ...client, notes });
  }
  return n;
}

/** Seals the plain notes of these dossiers and stores them: how many were sealed. */
async function sealNotesOf(db: TipazhDb, key: CryptoKey, clients: readonly ClientRecord[]): Promise<number> {
  const sealed = await sealPlainNotes(key, clients);
  return sealed.size
    ? db.transaction('rw', db.clients, () =>
        storeSealed(
          db,
          clients.map((c) => c.key),
          sealed,
        ),
      )
    : 0;
}

export async function getLock(db: TipazhDb): Promise<LockRecord | undefined> {
  const parsed = LockRecord.safeParse((await db.meta.get(LOCK_KEY))?.value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Turns the lock on: stores the lock and seals every existing note of a VIP client. Encryption happens
 * first, outside the database transaction; the writes then land together, or not at all.
 */
export async function setUpLock(db: TipazhDb, passphrase: string, iterations?: number, isVip: IsVip = vipWithoutPack): Promise<CryptoKey> {
  if (await getLock(db)) throw new Error('the lock is already set up');
  const { record, key } = await createLock(passphrase, iterations);
  const clients = await unsealedVipClients(db, isVip);
  const sealed = await sealPlainNotes(key, clients);
  await db.transaction('rw', db.clients, db.meta, async () => {
    await db.meta.put({ key: LOCK_KEY, value: record });
    await storeSealed(
      db,
      clients.map((c) => c.key),
      sealed,
    );
  });
  return key;
}

/** Seals the plain notes of one client (after it became VIP, while the panel is unlocked). */
export async function sealClientNotes(db: TipazhDb, key: CryptoKey, clientKey: string): Promise<number> {
  const client = await db.clients.get(clientKey);
  return client ? sealNotesOf(db, key, [client]) : 0;
}

/** A new note on a VIP client, stored encrypted. */
export async function addSealedNote(db: TipazhDb, key: CryptoKey, clientKey: string, text: string, now = Date.now()): Promise<NoteRecord> {
  const clean = text.trim();
  if (!clean) throw new Error('the note is empty');
  return putNote(db, clientKey, { id: crypto.randomUUID(), text: '', sealed: await seal(key, clean), pinned: false, createdAt: now, updatedAt: now });
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

/** Edits a sealed note: stored encrypted, and the audit trail records the change without the words. `since` as in `updateNote`. */
export async function updateSealedNote(
  db: TipazhDb,
  key: CryptoKey,
  clientKey: string,
  id: string,
  text: string,
  who: string,
  since?: number,
  now = Date.now(),
): Promise<void> {
  const clean = text.trim();
  if (!clean) throw new Error('the note is empty');
  const sealed = await seal(key, clean);
  await editNote(
    db,
    clientKey,
    id,
    who,
    'note (encrypted)',
    (n) => (checkUnchanged(n.updatedAt, since, 'the note'), { ...n, text: '', sealed, updatedAt: changedAt(n, now) }),
    now,
    () => '🔒',
  );
}

/**
 * Seals the plain notes every VIP client still has (after the lock is opened): none stays readable at rest.
 * Dossiers are read a chunk at a time, so that 100k of them neither fill memory nor hold up other requests.
 */
export const sealAllVipNotes = async (db: TipazhDb, key: CryptoKey, isVip: IsVip = vipWithoutPack): Promise<number> =>
  sealNotesOf(db, key, await unsealedVipClients(db, isVip));
