import { TEAM_SYNC_KEY } from '../../core/team-sync/choice';

/** What `putInIndexedDb` writes: records into one object store of one database. */
export interface IdbPut {
  dbName: string;
  store: string;
  records: unknown[];
}

/**
 * In an extension page that has already opened the database (so its schema exists): puts `records` into one
 * object store. Self-contained, as test drivers send it to the page as source text (Playwright's `evaluate`, the
 * Firefox suite's `session.run`). Raw writes bypass Dexie's change notifications: reload the page to see them.
 */
export function putInIndexedDb({ dbName, store, records }: IdbPut): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const open = indexedDB.open(dbName);
    open.onupgradeneeded = () => {
      // The database did not exist: Dexie has not opened it on this profile yet.
      open.transaction?.abort();
      reject(new Error(`IndexedDB "${dbName}" does not exist yet: load the side panel before seeding`));
    };
    open.onerror = () => reject(open.error ?? new Error('could not open IndexedDB'));
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(store)) {
        db.close();
        reject(new Error(`no object store "${store}" in "${dbName}" (stores: ${[...db.objectStoreNames].join(', ')})`));
        return;
      }
      const tx = db.transaction(store, 'readwrite');
      const os = tx.objectStore(store);
      for (const r of records) os.put(r);
      tx.oncomplete = () => (db.close(), resolve());
      tx.onerror = () => (db.close(), reject(tx.error ?? new Error('write failed')));
      tx.onabort = () => (db.close(), reject(tx.error ?? new Error('write aborted')));
    };
  });
}

/** The agent's choice that turns team sync on (the options page's switch stores the same), a record of the `meta` store. */
export const TEAM_SYNC_ON = { key: TEAM_SYNC_KEY, value: { enabled: true } };
