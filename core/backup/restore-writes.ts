import type { ClientRecord, TipazhDb, Visit, VisitRecord } from '../store/db';
import { identityKeysOf } from '../identity';
import { searchTokensOf } from '../store/search';
import { oldestFirst, storedVisit } from '../store/visits';
import type { BackupTable } from './format';

type Row = Record<string, unknown>;

/**
 * The visits of the dossiers a restore touches: the local ones, then the backup's as the restore takes them.
 * `settle` gives a dossier as it is stored, its visits inside (oldest first) and counted.
 */
export function dossierVisits(local: Iterable<VisitRecord>) {
  const byClient = new Map<string, Map<string, Visit>>();
  const changed = new Set<string>();
  const of = (k: string) => byClient.get(k) ?? byClient.set(k, new Map()).get(k)!;
  for (const v of local) of(v.clientKey).set(v.id, storedVisit(v));
  return {
    add(v: VisitRecord) {
      of(v.clientKey).set(v.id, storedVisit(v));
      changed.add(v.clientKey);
    },
    /** The dossier to store, or none when the restore changes neither it (`chosen`) nor its visits. */
    settle(c: ClientRecord, chosen: boolean): ClientRecord | undefined {
      const tokensMissing = !c.searchTokens.length;
      if (!chosen && !changed.has(c.key) && !tokensMissing) return undefined;
      const visits = [...of(c.key).values()].sort(oldestFirst);
      return { ...c, visits, ids: identityKeysOf(c), visitCount: Math.max(visits.length, c.visitCount), searchTokens: tokensMissing ? searchTokensOf(c) : c.searchTokens };
    },
  };
}

export type DossierVisits = ReturnType<typeof dossierVisits>;

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
