import { identityKeysOf, normalizeEmail, normalizePhone } from '../identity';
import type { AuditRecord, ClientRecord, NoteRecord, TipazhDb, VisitRecord } from './db';
import { PersonRecord } from './db';
import { oldestFirst, visitsOf } from './visits';
import { notesOf, notesOrder } from './notes';

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/** The normalised identities of a dossier: lower-case email, E.164 phone. */
export function identitiesOf(c: Pick<ClientRecord, 'email' | 'phone'>): { email?: string; phone?: string } {
  return { email: normalizeEmail(c.email), phone: normalizePhone(c.phone) };
}

/** A person worth a record: one that links records, or keeps one split off. */
export const isStoredPerson = (p: PersonRecord) => p.clientKeys.length > 1 || p.blocked.length > 0;

/** A record no stored person holds, as the person it is on its own (from its identity keys). */
export function aloneAs(clientKey: string, ids: readonly string[]): PersonRecord {
  const of = (prefix: string) => ids.filter((i) => i.startsWith(prefix)).map((i) => i.slice(prefix.length));
  return { id: crypto.randomUUID(), emails: of('e:'), phones: of('p:'), clientKeys: [clientKey], blocked: [] };
}

const blockedBetween = (a: PersonRecord, b: PersonRecord) => a.blocked.some((k) => b.clientKeys.includes(k)) || b.blocked.some((k) => a.clientKeys.includes(k));

/**
 * The person a dossier belongs to once linked, from the persons `found` for it (those holding the record
 * first, then those with its email or phone): the one holding it, or any not split from it, or a new one.
 * Persons that turn out to be one are merged (their links only); `merged` are the ones to delete.
 */
export function joinPerson(client: Pick<ClientRecord, 'key' | 'email' | 'phone'>, found: readonly PersonRecord[]): { person: PersonRecord; merged: string[] } {
  const { email, phone } = identitiesOf(client);
  const own = found.find((p) => p.clientKeys.includes(client.key));
  let person: PersonRecord = own ??
    found.find((p) => !p.blocked.includes(client.key)) ?? { id: crypto.randomUUID(), emails: [], phones: [], clientKeys: [client.key], blocked: [] };
  const merged: string[] = [];
  for (const other of found) {
    if (other.id === person.id || blockedBetween(person, other) || other.blocked.includes(client.key)) continue;
    person = {
      ...person,
      emails: union(person.emails, other.emails),
      phones: union(person.phones, other.phones),
      clientKeys: union(person.clientKeys, other.clientKeys),
      blocked: union(person.blocked, other.blocked),
    };
    merged.push(other.id);
  }
  person = PersonRecord.parse({
    ...person,
    emails: email ? union(person.emails, [email]) : person.emails,
    phones: phone ? union(person.phones, [phone]) : person.phones,
    clientKeys: union(person.clientKeys, [client.key]),
  });
  return { person, merged };
}

/**
 * Links a stored dossier to its person: the person already holding this record, or any record with the same
 * email or phone and its person (see `joinPerson`). Only a person of more than one record (or with one split
 * off) is stored. Must run inside a transaction that includes `clients` and `persons`.
 */
export async function linkPerson(db: TipazhDb, client: ClientRecord): Promise<PersonRecord> {
  const ids = identityKeysOf(client);
  const same = ids.length ? ((await db.clients.where('ids').anyOf(ids).primaryKeys()) as string[]) : [];
  const keys = [...new Set([client.key, ...same])];
  const stored = [...new Map((await db.persons.where('clientKeys').anyOf(keys).toArray()).map((p) => [p.id, p])).values()];
  const held = new Set(stored.flatMap((p) => p.clientKeys));
  const alone = (await db.clients.bulkGet(keys.filter((k) => k !== client.key && !held.has(k)))).flatMap((c) => (c ? [aloneAs(c.key, c.ids)] : []));
  // Those holding the record first, as joinPerson expects.
  stored.sort((a, b) => Number(b.clientKeys.includes(client.key)) - Number(a.clientKeys.includes(client.key)));
  const { person, merged } = joinPerson(client, [...stored, ...alone]);
  const storedIds = new Set(stored.map((p) => p.id));
  const gone = [...merged, ...(isStoredPerson(person) ? [] : [person.id])].filter((id) => storedIds.has(id));
  if (gone.length) await db.persons.bulkDelete(gone);
  if (isStoredPerson(person)) await db.persons.put(person);
  return person;
}

/** Undoes a wrong merge: the record gets a person of its own and is never merged back with the others. */
export async function splitFromPerson(db: TipazhDb, clientKey: string): Promise<void> {
  await db.transaction('rw', db.persons, db.clients, async () => {
    const person = await db.persons.where('clientKeys').equals(clientKey).first();
    if (!person || person.clientKeys.length < 2) return;
    const client = await db.clients.get(clientKey);
    const rest = person.clientKeys.filter((k) => k !== clientKey);
    const restClients = (await db.clients.bulkGet(rest)).filter((c): c is ClientRecord => !!c);
    const restIds = restClients.map(identitiesOf);
    await db.persons.put({
      ...person,
      clientKeys: rest,
      emails: union(
        [],
        restIds.flatMap((i) => (i.email ? [i.email] : [])),
      ),
      phones: union(
        [],
        restIds.flatMap((i) => (i.phone ? [i.phone] : [])),
      ),
      blocked: union(person.blocked, [clientKey]),
    });
    const mine = client ? identitiesOf(client) : {};
    await db.persons.add({
      id: crypto.randomUUID(),
      emails: mine.email ? [mine.email] : [],
      phones: mine.phone ? [mine.phone] : [],
      clientKeys: [clientKey],
      blocked: rest,
    });
  });
}

/** Everything known of the person behind a record: every linked record and all their notes. */
export async function personView(
  db: TipazhDb,
  clientKey: string,
): Promise<{ person?: PersonRecord; records: ClientRecord[]; notes: NoteRecord[]; visits: VisitRecord[]; audit: AuditRecord[] }> {
  const person = await db.persons.where('clientKeys').equals(clientKey).first();
  const keys = person?.clientKeys ?? [clientKey];
  const records = (await db.clients.bulkGet(keys)).filter((c): c is ClientRecord => !!c);
  const notes = records.flatMap(notesOf).sort(notesOrder);
  const visits = records.flatMap(visitsOf).sort(oldestFirst);
  const audit = (await db.audit.where('clientKey').anyOf(keys).toArray()).sort((a, b) => b.at - a.at);
  return { person, records, notes, visits, audit };
}
