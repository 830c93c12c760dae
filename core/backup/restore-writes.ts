import type { TipazhDb, VisitRecord } from '../store/db';
import type { BackupTable } from './format';

type Row = Record<string, unknown>;

/** Visits per dossier: read once before the restore, then kept exact as it adds or replaces visits. */
export async function visitCounter(db: TipazhDb) {
  const n = new Map<string, number>();
  const bump = (k: string, by: number) => n.set(k, (n.get(k) ?? 0) + by);
  for (const k of (await db.visits.orderBy('clientKey').keys()) as string[]) bump(k, 1);
  return {
    wrote(old: VisitRecord | undefined, next: VisitRecord) {
      if (old) bump(old.clientKey, -1);
      bump(next.clientKey, 1);
    },
    of: (k: string) => n.get(k) ?? 0,
  };
}

export type VisitCounter = Awaited<ReturnType<typeof visitCounter>>;

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
