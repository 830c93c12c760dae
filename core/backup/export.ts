import type { ClientRecord, TipazhDb } from '../store/db';
import { visitsOf } from '../store/visits';
import { notesOf } from '../store/notes';
import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, backupClientOf, STORED_TABLES, type Backup } from './format';
import { withDigest } from './digest';

/**
 * Reads every table in one read transaction, so the file is one consistent moment. Visits and notes are listed
 * apart from their dossiers; the notes also list those waiting for a dossier. The file ends with the digest of
 * its content (digest.ts).
 */
export async function exportBackup(
  db: TipazhDb,
  opts: { settings?: Record<string, unknown>; now?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<string> {
  const data = await db.transaction(
    'r',
    STORED_TABLES.map((t) => db.table(t)),
    async () => {
      const out: Record<string, unknown[]> = {};
      for (const [i, t] of STORED_TABLES.entries()) {
        out[t] = await db.table(t).toArray();
        opts.onProgress?.(i + 1, STORED_TABLES.length);
      }
      return out;
    },
  );
  const clients = data.clients as ClientRecord[];
  data.visits = clients.flatMap(visitsOf);
  data.notes = [...clients.flatMap(notesOf), ...data.notes!];
  data.clients = clients.map(backupClientOf);
  const ordered = Object.fromEntries(BACKUP_TABLES.map((t) => [t, data[t]]));
  const backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: opts.now ?? Date.now(),
    data: ordered,
    settings: opts.settings ?? {},
  } as unknown as Backup;
  return withDigest(JSON.stringify(backup));
}
