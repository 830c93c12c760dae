import type { PersonRecord, TipazhDb } from '../store/db';

const union = (a: readonly string[] = [], b: readonly string[] = []) => [...new Set([...a, ...b])];

/** One person with the links of both: emails, phones, records, and the records split off. */
export const mergePersons = (l: PersonRecord, b: PersonRecord): PersonRecord => ({
  ...l,
  emails: union(l.emails, b.emails),
  phones: union(l.phones, b.phones),
  clientKeys: union(l.clientKeys, b.clientKeys),
  blocked: union(l.blocked, b.blocked),
});

export interface PersonsRestored {
  added: number;
  merged: number;
  /** Every record some person holds once the backup's persons are in. */
  linked: Set<string>;
}

/**
 * Backup persons join the local person that holds any of their records (their links merge), so one
 * record never belongs to two persons; the others are added. Done in memory; then only the persons that
 * changed are written, in chunks, `onWritten` telling how many of `incoming` are done.
 */
export async function restorePersons(db: TipazhDb, incoming: PersonRecord[], chunk: number, onWritten: (done: number) => void): Promise<PersonsRestored> {
  const local = new Map((await db.persons.toArray()).map((p) => [p.id, p]));
  const byId = new Map(local);
  const holderOf = new Map<string, string>();
  for (const p of byId.values()) for (const k of p.clientKeys) holderOf.set(k, p.id);
  const deleted = new Set<string>();
  const changed = new Set<string>();
  let added = 0;
  let merged = 0;
  for (const p of incoming) {
    const holders = [...new Set([...(byId.has(p.id) ? [p.id] : []), ...p.clientKeys.map((k) => holderOf.get(k)).filter((id): id is string => !!id)])];
    if (!holders.length) {
      byId.set(p.id, p);
      for (const k of p.clientKeys) holderOf.set(k, p.id);
      changed.add(p.id);
      added++;
      continue;
    }
    const [targetId, ...others] = holders as [string, ...string[]];
    let target = mergePersons(byId.get(targetId)!, p);
    for (const id of others) {
      target = mergePersons(target, byId.get(id)!);
      byId.delete(id);
      changed.delete(id);
      deleted.add(id);
    }
    byId.set(targetId, target);
    for (const k of target.clientKeys) holderOf.set(k, targetId);
    if (JSON.stringify(target) !== JSON.stringify(local.get(targetId))) changed.add(targetId);
    merged++;
  }
  if (deleted.size) await db.persons.bulkDelete([...deleted]);
  const writes = [...changed].map((id) => byId.get(id)!);
  for (let i = 0; i < writes.length; i += chunk) {
    await db.persons.bulkPut(writes.slice(i, i + chunk));
    onWritten(Math.round((incoming.length * Math.min(writes.length, i + chunk)) / writes.length));
  }
  onWritten(incoming.length);
  return { added, merged, linked: new Set(holderOf.keys()) };
}
