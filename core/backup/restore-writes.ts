import type { ClientRecord, Note, NoteRecord, TipazhDb, Visit, VisitRecord } from '../store/db';
import { storedNote } from '../store/notes';
import { identityKeysOf } from '../identity';
import { searchTokensOf } from '../store/search';
import { oldestFirst, storedVisit } from '../store/visits';
import type { BackupTable } from './format';

type Row = Record<string, unknown>;

/**
 * The visits and notes of the dossiers a restore touches: the local ones, then the backup's as the restore takes
 * them. `settle` gives a dossier as it is stored, its visits inside (oldest first, counted) and its notes. The local
 * `notes` include those waiting for their dossier (`waiting`, the `notes` table): they move in when it is stored.
 */
export function dossierParts(local: { visits: Iterable<VisitRecord>; notes: Iterable<NoteRecord>; waiting: Iterable<NoteRecord> }) {
  const visits = new Map<string, Map<string, Visit>>();
  const notes = new Map<string, Map<string, Note>>();
  const changed = new Set<string>();
  const settled = new Set<string>();
  const incoming: NoteRecord[] = [];
  const waiting = [...local.waiting];
  const of = <T>(m: Map<string, Map<string, T>>, k: string) => m.get(k) ?? m.set(k, new Map()).get(k)!;
  for (const v of local.visits) of(visits, v.clientKey).set(v.id, storedVisit(v));
  for (const n of local.notes) of(notes, n.clientKey).set(n.id, storedNote(n));
  for (const n of waiting) changed.add(n.clientKey);
  return {
    addVisit(v: VisitRecord) {
      of(visits, v.clientKey).set(v.id, storedVisit(v));
      changed.add(v.clientKey);
    },
    addNote(n: NoteRecord) {
      of(notes, n.clientKey).set(n.id, storedNote(n));
      changed.add(n.clientKey);
      incoming.push(n);
    },
    /** The dossier to store (its search words derived), or none when the restore changes neither it (`chosen`) nor its visits and notes. */
    settle(c: Omit<ClientRecord, 'searchTokens'>, chosen: boolean): ClientRecord | undefined {
      if (!chosen && !changed.has(c.key)) return undefined;
      settled.add(c.key);
      const v = [...of(visits, c.key).values()].sort(oldestFirst);
      const n = [...of(notes, c.key).values()];
      return { ...c, visits: v, notes: n, ids: identityKeysOf(c), visitCount: Math.max(v.length, c.visitCount), searchTokens: searchTokensOf(c) };
    },
    /** Once every dossier is settled: the notes still without a dossier (they wait in the table), and the waiting ones that found theirs. */
    notesTable() {
      const put = new Map(incoming.filter((n) => !settled.has(n.clientKey)).map((n) => [n.id, n]));
      return { put: [...put.values()], moved: waiting.filter((n) => settled.has(n.clientKey)).map((n) => n.id) };
    },
  };
}

export type DossierParts = ReturnType<typeof dossierParts>;

/**
 * Writes queued in chunks without waiting for each: the page prepares the next records while the
 * database stores the previous ones. Requests of one transaction complete in order, so each chunk's
 * completion reports its share of `rows` as progress. `done` rejects with the first failure.
 */
export function writeQueue(db: TipazhDb, chunk: number, progress: (rows: number) => void) {
  const pending: Promise<unknown>[] = [Promise.resolve()];
  const after = (p: Promise<unknown>, rows: number) => pending.push(p.then(() => progress(rows)));
  return {
    put(table: BackupTable, records: Row[], rows: number) {
      if (!records.length) {
        after(pending.at(-1)!, rows);
        return;
      }
      for (let i = 0; i < records.length; i += chunk) {
        const share = Math.round((rows * Math.min(records.length, i + chunk)) / records.length) - Math.round((rows * i) / records.length);
        after(db.table(table).bulkPut(records.slice(i, i + chunk)), share);
      }
    },
    delete(table: BackupTable, keys: string[]) {
      if (keys.length) after(db.table(table).bulkDelete(keys), 0);
    },
    done: () => Promise.all(pending),
  };
}
