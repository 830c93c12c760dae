import { afterEach, describe, expect, it } from 'vitest';
import { normalizeEmail, normalizePhone } from '../../../core/identity';
import { TipazhDb } from '../../../core/store/db';
import { addNote, recordVisit } from '../../../core/store/dossiers';
import { personView, splitFromPerson } from '../../../core/store/persons';
import { makeSnapshot, storedNotes } from '../helpers';

let db: TipazhDb;
afterEach(async () => db?.delete());

const zendesk = makeSnapshot({ client: { externalId: '38156690203345', name: 'Виктория Лебедева', email: 'v.lebedeva@example.ru', phone: '+79035550142' } });
const amo = makeSnapshot({
  source: 'amocrm',
  account: 'acme.amocrm.ru',
  client: { externalId: 'contact:7001', name: 'Лебедева Виктория', email: 'V.Lebedeva@Example.ru' },
});
const amoByPhone = makeSnapshot({
  source: 'amocrm',
  account: 'acme.amocrm.ru',
  client: { externalId: 'contact:7002', name: 'Вика', phone: '8 (903) 555-01-42' },
});
const stranger = makeSnapshot({ client: { externalId: '99', name: 'Someone', email: 'someone@example.com' } });

describe('identity normalisation', () => {
  it.each([
    ['8 (903) 555-01-42', '+79035550142'],
    ['+7 903 555 01 42', '+79035550142'],
    ['9035550142', '+79035550142'],
    ['00 44 20 7946 0958', '+442079460958'],
    ['+44 20 7946 0958', '+442079460958'],
    ['12', undefined],
    ['', undefined],
  ])('phone %s → %s', (raw, want) => expect(normalizePhone(raw)).toBe(want));
  it('lower-cases emails and refuses non-emails', () => {
    expect(normalizeEmail('  V.Lebedeva@Example.RU ')).toBe('v.lebedeva@example.ru');
    expect(normalizeEmail('not an email')).toBeUndefined();
  });
});

describe('one person, one dossier', () => {
  it('links records with the same email or phone across helpdesks, and shows all their notes', async () => {
    db = new TipazhDb(`p-${Math.random()}`);
    await recordVisit(db, zendesk, 1);
    await addNote(db, 'zendesk:acme:38156690203345', 'Blogger, 40k followers', 2);
    await recordVisit(db, amo, 3);
    await addNote(db, 'amocrm:acme.amocrm.ru:contact:7001', 'Wants delivery to the door', 4);
    await recordVisit(db, amoByPhone, 5);
    await recordVisit(db, stranger, 6);
    // One person linking three records; the stranger alone is a person of its own, stored as nothing.
    expect(await db.persons.count()).toBe(1);
    expect((await personView(db, 'zendesk:acme:99')).records.map((r) => r.name)).toEqual(['Someone']);
    const view = await personView(db, 'amocrm:acme.amocrm.ru:contact:7002');
    expect(view.records.map((r) => r.key).sort()).toEqual([
      'amocrm:acme.amocrm.ru:contact:7001',
      'amocrm:acme.amocrm.ru:contact:7002',
      'zendesk:acme:38156690203345',
    ]);
    expect(view.notes.map((n) => n.text)).toEqual(['Wants delivery to the door', 'Blogger, 40k followers']);
    expect(view.person?.phones).toEqual(['+79035550142']);
  });

  it('merges two persons when a later record proves they are one', async () => {
    db = new TipazhDb(`p-${Math.random()}`);
    await recordVisit(db, makeSnapshot({ client: { externalId: '1', name: 'A', email: 'a@x.io' } }), 1);
    await recordVisit(db, makeSnapshot({ client: { externalId: '2', name: 'A', phone: '+79990001122' } }), 2);
    expect(await db.persons.count()).toBe(0);
    await recordVisit(
      db,
      makeSnapshot({ source: 'amocrm', account: 'a.kommo.com', client: { externalId: 'contact:3', name: 'A', email: 'a@x.io', phone: '+7 999 000-11-22' } }),
      3,
    );
    expect(await db.persons.count()).toBe(1);
    expect((await db.persons.toArray())[0]!.clientKeys).toHaveLength(3);
  });

  it('splits a wrong merge for good, losing no note', async () => {
    db = new TipazhDb(`p-${Math.random()}`);
    await recordVisit(db, zendesk, 1);
    await recordVisit(db, amo, 2);
    await addNote(db, 'amocrm:acme.amocrm.ru:contact:7001', 'amo note', 3);
    await splitFromPerson(db, 'amocrm:acme.amocrm.ru:contact:7001');
    // Seen again with the same email: stays apart.
    await recordVisit(db, amo, 4);
    await recordVisit(db, zendesk, 5);
    const z = await personView(db, 'zendesk:acme:38156690203345');
    const a = await personView(db, 'amocrm:acme.amocrm.ru:contact:7001');
    expect(z.records.map((r) => r.key)).toEqual(['zendesk:acme:38156690203345']);
    expect(a.records.map((r) => r.key)).toEqual(['amocrm:acme.amocrm.ru:contact:7001']);
    expect(a.notes.map((n) => n.text)).toEqual(['amo note']);
    expect(await storedNotes(db)).toHaveLength(1);
  });
});
