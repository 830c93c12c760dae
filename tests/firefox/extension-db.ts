import type { BackupTable } from '../../core/backup/format';
import { DB_NAME } from '../../core/store/db';
import { putInIndexedDb } from '../support/idb-put';
import type { FirefoxSession } from './firefox-session';

/**
 * Writes records into one object store of the extension's database (IndexedDB `tipazh`), from the current tab:
 * an extension page that has already opened it (the panel), as tests/support/seed.ts does in Chromium. Reload the
 * page afterwards to see them.
 */
export const putRecordsHere = (session: FirefoxSession, store: BackupTable, records: readonly unknown[]): Promise<void> =>
  session.run(putInIndexedDb, { dbName: DB_NAME, store, records: [...records] });
