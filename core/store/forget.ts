import type { TipazhDb } from './db';
import { isStoredPerson } from './persons';

/**
 * Deletes every trace of one person: all their linked records (with their visits and notes), notes still waiting
 * for one of them, corrections, audit entries, queued team sync writes and the person link itself, in one transaction. Returns the record keys that were removed.
 */
export async function forgetPerson(db: TipazhDb, clientKey: string): Promise<string[]> {
  return db.transaction('rw', [db.clients, db.notes, db.corrections, db.audit, db.persons, db.teamSync], async () => {
    const person = await db.persons.where('clientKeys').equals(clientKey).first();
    const keys = person?.clientKeys ?? [clientKey];
    await db.notes.where('clientKey').anyOf(keys).delete();
    await db.corrections.where('clientKey').anyOf(keys).delete();
    await db.audit.where('clientKey').anyOf(keys).delete();
    await db.clients.bulkDelete(keys);
    // Writes still queued for the helpdesk are dropped: nothing more is written about a forgotten client.
    await db.teamSync.bulkDelete(keys);
    if (person) await db.persons.delete(person.id);
    // Other persons may have been told never to merge with these records: drop those mentions too.
    await db.persons
      .where('id')
      .notEqual('')
      .modify((p, ref) => {
        p.blocked = p.blocked.filter((k) => !keys.includes(k));
        // A record left alone, with nothing split off any more, is a person of its own: no record.
        if (!isStoredPerson(p)) delete (ref as { value?: unknown }).value;
      });
    return keys;
  });
}
