import type { ClientRecord, PersonRecord } from '../store/db';
import { identityKeysOf } from '../identity';
import { aloneAs, identitiesOf, isStoredPerson, joinPerson } from '../store/persons';

const union = (a: readonly string[] = [], b: readonly string[] = []) => [...new Set([...a, ...b])];

/** One person with the links of both: emails, phones, records, and the records split off. */
export const mergePersons = (l: PersonRecord, b: PersonRecord): PersonRecord => ({
  ...l,
  emails: union(l.emails, b.emails),
  phones: union(l.phones, b.phones),
  clientKeys: union(l.clientKeys, b.clientKeys),
  blocked: union(l.blocked, b.blocked),
});

const addTo = (m: Map<string, Set<string>>, k: string, id: string) => m.set(k, (m.get(k) ?? new Set()).add(id));

/** The profile's dossiers by identity key (`clients.ids`): read from the index alone, not the records. */
export type LocalIdentities = Map<string, string[]>;

/**
 * A profile's persons in memory, indexed by record, email and phone, as a restore merges the backup's
 * persons in and links the dossiers no person holds (to each other, and to the profile's records alone, found
 * in `alone` by identity key). Nothing is read or written: `changes` says what to store.
 */
export function personSet(localPersons: readonly PersonRecord[], alone: LocalIdentities = new Map()) {
  const stored = new Set(localPersons.map((p) => p.id));
  const idsOfAlone = new Map<string, string[]>();
  for (const [id, keys] of alone) for (const k of keys) idsOfAlone.set(k, [...(idsOfAlone.get(k) ?? []), id]);
  const byId = new Map(localPersons.map((p) => [p.id, p]));
  const holderOf = new Map<string, string>();
  const byEmail = new Map<string, Set<string>>();
  const byPhone = new Map<string, Set<string>>();
  const index = (p: PersonRecord, on: boolean) => {
    if (on) {
      for (const k of p.clientKeys) holderOf.set(k, p.id);
      for (const e of p.emails) addTo(byEmail, e, p.id);
      for (const ph of p.phones) addTo(byPhone, ph, p.id);
      return;
    }
    for (const k of p.clientKeys) if (holderOf.get(k) === p.id) holderOf.delete(k);
    for (const e of p.emails) byEmail.get(e)?.delete(p.id);
    for (const ph of p.phones) byPhone.get(ph)?.delete(p.id);
  };
  for (const p of byId.values()) index(p, true);
  const changed = new Set<string>();
  const deleted = new Set<string>();
  const put = (p: PersonRecord) => {
    const old = byId.get(p.id);
    if (old) index(old, false);
    byId.set(p.id, p);
    index(p, true);
    changed.add(p.id);
    deleted.delete(p.id);
  };
  const remove = (id: string) => {
    const old = byId.get(id);
    if (old) index(old, false);
    byId.delete(id);
    changed.delete(id);
    deleted.add(id);
  };
  return {
    /**
     * A backup person joins the local person that holds any of its records (their links merge), so one
     * record never belongs to two persons; otherwise it is added.
     */
    join(p: PersonRecord) {
      const holders = [...new Set([...(byId.has(p.id) ? [p.id] : []), ...p.clientKeys.map((k) => holderOf.get(k)).filter((id): id is string => !!id)])];
      if (!holders.length) {
        put(p);
        return;
      }
      const [targetId, ...others] = holders as [string, ...string[]];
      let target = mergePersons(byId.get(targetId)!, p);
      for (const id of others) target = mergePersons(target, byId.get(id)!);
      // Already holding everything this person brings: nothing to write.
      if (!others.length && JSON.stringify(target) === JSON.stringify(byId.get(targetId))) return;
      others.forEach(remove);
      put(target);
    },
    /** A dossier no person holds yet is linked as `linkPerson` links it, by its email or phone. */
    link(client: Pick<ClientRecord, 'key' | 'email' | 'phone'>) {
      if (holderOf.has(client.key)) return;
      const { email, phone } = identitiesOf(client);
      const ids = new Set([...(email ? (byEmail.get(email) ?? []) : []), ...(phone ? (byPhone.get(phone) ?? []) : [])]);
      const keys = identityKeysOf(client);
      const others = new Set(keys.flatMap((k) => alone.get(k) ?? []).filter((k) => k !== client.key && !holderOf.has(k)));
      const lone = [...others].map((k) => aloneAs(k, idsOfAlone.get(k)!));
      const { person, merged } = joinPerson(client, [...[...ids].map((id) => byId.get(id)!), ...lone]);
      merged.forEach(remove);
      put(person);
    },
    holds: (clientKey: string) => holderOf.has(clientKey),
    /**
     * What to store: the persons added or changed that link records (or keep one split off), and the stored
     * ones merged into another or left with one record.
     */
    changes() {
      const people = [...changed].map((id) => byId.get(id)!);
      const writes = people.filter(isStoredPerson);
      const gone = [...deleted, ...people.filter((p) => !isStoredPerson(p)).map((p) => p.id)].filter((id) => stored.has(id));
      return { writes, deleted: gone };
    },
  };
}

/** The local persons with the backup's persons merged in. */
export function mergeIncomingPersons(localPersons: readonly PersonRecord[], incoming: readonly PersonRecord[], alone?: LocalIdentities) {
  const set = personSet(localPersons, alone);
  for (const p of incoming) set.join(p);
  return set;
}
