import { Note, type ClientRecord, type NoteRecord, type TipazhDb } from './db';

/** A dossier's notes as backups and the panel list them: each with the dossier's key. */
export const notesOf = (c: Pick<ClientRecord, 'key' | 'notes'>): NoteRecord[] => c.notes.map((n) => ({ ...n, clientKey: c.key }));

/** A note as its dossier keeps it: without the key, which is the dossier's own. */
export const storedNote = ({ clientKey: _, ...n }: NoteRecord): Note => n;

/** The order notes are shown in: pinned first, then newest first. */
export const notesOrder = (a: Note, b: Note) => Number(b.pinned) - Number(a.pinned) || b.createdAt - a.createdAt;

/** The notes with `n` in place of the one with its id, or added at the end. */
export const withNote = (notes: readonly Note[], n: Note): Note[] =>
  notes.some((x) => x.id === n.id) ? notes.map((x) => (x.id === n.id ? n : x)) : [...notes, n];

/** The dossier a note change goes to: a note is never written without one. */
export async function dossierFor(db: TipazhDb, clientKey: string): Promise<ClientRecord> {
  const client = await db.clients.get(clientKey);
  if (!client) throw new Error('no dossier for this client');
  return client;
}

/** Stores `note` in its dossier (a new one at the end), in one read-write transaction. */
export async function putNote(db: TipazhDb, clientKey: string, note: Note): Promise<NoteRecord> {
  const clean = Note.parse(note);
  await db.transaction('rw', db.clients, async () => {
    const client = await dossierFor(db, clientKey);
    await db.clients.put({ ...client, notes: withNote(client.notes, clean) });
  });
  return { ...clean, clientKey };
}

/**
 * Takes the notes waiting for a new dossier (`db.notes`: notes a backup brought before their dossier) out of
 * the table: the caller stores them in the dossier, in the same read-write transaction.
 */
export async function takeWaitingNotes(db: TipazhDb, clientKey: string): Promise<Note[]> {
  const waiting = await db.notes.where('clientKey').equals(clientKey).toArray();
  if (waiting.length) await db.notes.bulkDelete(waiting.map((n) => n.id));
  return waiting.map(storedNote);
}
