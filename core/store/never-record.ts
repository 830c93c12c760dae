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
