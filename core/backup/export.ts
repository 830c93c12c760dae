import type { TipazhDb } from '../store/db';
import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, type Backup } from './format';

/** Reads every table in one read transaction, so the file is one consistent moment. */
export async function exportBackup(db: TipazhDb, opts: { settings?: Record<string, unknown>; now?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<string> {
  const data = await db.transaction('r', BACKUP_TABLES.map((t) => db.table(t)), async () => {
    const out: Record<string, unknown[]> = {};
    for (const [i, t] of BACKUP_TABLES.entries()) {
      out[t] = await db.table(t).toArray();
      opts.onProgress?.(i + 1, BACKUP_TABLES.length);
    }
    return out;
  });
  const backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: opts.now ?? Date.now(), data, settings: opts.settings ?? {} } as unknown as Backup;
  return JSON.stringify(backup);
}
