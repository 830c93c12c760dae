import type { PersonRecord } from '../store/db';

const union = (a: readonly string[] = [], b: readonly string[] = []) => [...new Set([...a, ...b])];

/** One person with the links of both: emails, phones, records, and the records split off. */
export const mergePersons = (l: PersonRecord, b: PersonRecord): PersonRecord => ({
  ...l,
  emails: union(l.emails, b.emails),
  phones: union(l.phones, b.phones),
  clientKeys: union(l.clientKeys, b.clientKeys),
  blocked: union(l.blocked, b.blocked),
});

export interface PersonsMerge {
  added: number;
  /** Backup persons that brought a local person new links (or joined two). */
  merged: number;
  /** Every record some person holds once the backup's persons are in. */
  linked: Set<string>;
  /** The persons to store: the added ones and those whose links changed. */
  writes: PersonRecord[];
  /** Persons merged into another one. */
  deleted: string[];
}

/**
 * Backup persons join the local person that holds any of their records (their links merge), so one
 * record never belongs to two persons; the others are added. Pure: says what to write and delete.
 */
export function mergeIncomingPersons(localPersons: readonly PersonRecord[], incoming: readonly PersonRecord[]): PersonsMerge {
  const byId = new Map(localPersons.map((p) => [p.id, p]));
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
    // Already holding everything this person brings: nothing to write.
    if (!others.length && JSON.stringify(target) === JSON.stringify(byId.get(targetId))) continue;
    byId.set(targetId, target);
    for (const k of target.clientKeys) holderOf.set(k, targetId);
    changed.add(targetId);
    merged++;
  }
  return { added, merged, linked: new Set(holderOf.keys()), writes: [...changed].map((id) => byId.get(id)!), deleted: [...deleted] };
}
