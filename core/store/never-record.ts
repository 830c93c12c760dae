import { NEVER_RECORD_KEY, NeverRecord } from '../privacy';
import type { TipazhDb } from './db';

/** The agent's never-record list (kept with the dossiers, and in backups). */
export async function getNeverRecord(db: TipazhDb): Promise<NeverRecord> {
  const parsed = NeverRecord.safeParse((await db.meta.get(NEVER_RECORD_KEY))?.value);
  return parsed.success ? parsed.data : NeverRecord.parse({});
}

export async function setNeverRecord(db: TipazhDb, list: NeverRecord): Promise<void> {
  await db.meta.put({ key: NEVER_RECORD_KEY, value: NeverRecord.parse(list) });
}

/** Puts one client on the list by record key (and email, so other helpdesks skip them too). */
export async function addToNeverRecord(db: TipazhDb, clientKey: string, email?: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const list = await getNeverRecord(db);
    await setNeverRecord(db, {
      ...list,
      clientKeys: [...new Set([...list.clientKeys, clientKey])],
      emails: email ? [...new Set([...list.emails, email.trim().toLowerCase()])] : list.emails,
    });
  });
}

/** `stored` with what an edit from `was` to `next` removed taken out and what it added put in. */
const edited = (stored: readonly string[], was: readonly string[], next: readonly string[]) => {
  const removed = new Set(was.filter((x) => !next.includes(x)));
  return [...new Set([...stored.filter((x) => !removed.has(x)), ...next])];
};

/**
 * Applies the agent's edit of the list (from `was`, the list as they were shown it, to `next`) to the list as
 * stored now, in one transaction: a client a panel put on it meanwhile stays. The list as stored afterwards.
 */
export async function editNeverRecord(db: TipazhDb, was: NeverRecord, next: NeverRecord): Promise<NeverRecord> {
  return db.transaction('rw', db.meta, async () => {
    const stored = await getNeverRecord(db);
    const list = NeverRecord.parse({
      emails: edited(stored.emails, was.emails, next.emails),
      domains: edited(stored.domains, was.domains, next.domains),
      clientKeys: edited(stored.clientKeys, was.clientKeys, next.clientKeys),
    });
    await setNeverRecord(db, list);
    return list;
  });
}
