import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describeStorageError, isNeverRecorded, isStorageError, NEVER_RECORD_KEY, parseNeverRecordText } from '../../../core/privacy';
import { tabStateKey } from '../../../core/messages/page-report';
import { addCorrection } from '../../../core/store/corrections';
import { TipazhDb } from '../../../core/store/db';
import { addTag } from '../../../core/store/dossier-edits';
import { addNote, recordVisit } from '../../../core/store/dossiers';
import { forgetPerson } from '../../../core/store/forget';
import { handleReport } from '../../../entrypoints/background/handle-report';
import { makeSnapshot, storedNotes, storedVisits } from '../helpers';

const dbs: TipazhDb[] = [];
const fresh = (name = `p-${Math.random()}`) => {
  const db = new TipazhDb(name);
  dbs.push(db);
  return db;
};
afterEach(async () => Promise.all(dbs.splice(0).map((d) => d.delete())));

describe('forget a client', () => {
  it('deletes every trace of the person across helpdesks, and nothing of anyone else', async () => {
    const db = fresh();
    const z = makeSnapshot({ client: { externalId: '1', name: 'Viktoria', email: 'v@example.com' } });
    const a = makeSnapshot({ source: 'amocrm', account: 'b.amocrm.ru', client: { externalId: 'contact:9', name: 'Viktoria L', email: 'V@Example.com' } });
    await recordVisit(db, z, 1);
    await recordVisit(db, a, 2);
    await recordVisit(db, makeSnapshot({ client: { externalId: '2', name: 'Someone else' } }), 3);
    await addNote(db, 'zendesk:acme:1', 'private', 4);
    await addCorrection(db, { clientKey: 'amocrm:b.amocrm.ru:contact:9', from: 'unknown', to: 'tester', stems: [] });
    await addTag(db, 'zendesk:acme:1', 'x', 'you');
    const removed = await forgetPerson(db, 'amocrm:b.amocrm.ru:contact:9');
    expect(removed.sort()).toEqual(['amocrm:b.amocrm.ru:contact:9', 'zendesk:acme:1']);
    expect((await db.clients.toArray()).map((c) => c.name)).toEqual(['Someone else']);
    expect(await storedVisits(db)).toHaveLength(1);
    expect(await storedNotes(db)).toEqual([]);
    for (const t of [db.corrections, db.audit]) expect(await t.count()).toBe(0);
    // The person linking the two records is gone; the one left is a person of its own, stored as nothing.
    expect(await db.persons.count()).toBe(0);
  });
});

describe('never-record list', () => {
  const list = parseNeverRecordText('ceo@bigcorp.com\n@press.example\nzendesk:acme:77\nnot an entry');
  it('matches emails, domains (and subdomains) and record keys', () => {
    expect(list).toEqual({ emails: ['ceo@bigcorp.com'], domains: ['press.example'], clientKeys: ['zendesk:acme:77'] });
    expect(isNeverRecorded(makeSnapshot({ client: { externalId: '1', name: 'x', email: 'CEO@BigCorp.com' } }), list)).toBe(true);
    expect(isNeverRecorded(makeSnapshot({ client: { externalId: '1', name: 'x', email: 'a@news.press.example' } }), list)).toBe(true);
    expect(isNeverRecorded(makeSnapshot({ client: { externalId: '77', name: 'x' } }), list)).toBe(true);
    expect(isNeverRecorded(makeSnapshot({ client: { externalId: '78', name: 'x', email: 'a@bigcorp.com' } }), list)).toBe(false);
  });
  it('the background skips a listed client entirely: no dossier, no visit, no snapshot', async () => {
    const db = fresh();
    await db.meta.put({ key: NEVER_RECORD_KEY, value: list });
    const snapshot = makeSnapshot({ client: { externalId: '5', name: 'CEO', email: 'ceo@bigcorp.com' } });
    expect(
      await handleReport(
        db,
        { kind: 'page', state: 'client', url: 'https://acme.zendesk.com/agent/tickets/5', snapshot },
        { tabId: 3, url: 'https://acme.zendesk.com/agent/tickets/5' },
      ),
    ).toEqual({ ok: true });
    expect(await db.clients.count()).toBe(0);
    expect(await storedVisits(db)).toHaveLength(0);
    const state = (await fakeBrowser.storage.session.get(tabStateKey(3)))[tabStateKey(3)];
    expect(state).toMatchObject({ state: 'none', message: 'never-record' });
    expect((state as { snapshot?: unknown }).snapshot).toBeUndefined();
  });
});

describe('two tabs writing the same dossier at once', () => {
  it('lose no update', async () => {
    const name = `twin-${Math.random()}`;
    const tab1 = fresh(name);
    const tab2 = new TipazhDb(name);
    const key = 'zendesk:acme:42';
    await recordVisit(tab1, makeSnapshot(), 1);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => [
        addNote(i % 2 ? tab1 : tab2, key, `note ${i}`, 10 + i),
        recordVisit(i % 2 ? tab2 : tab1, makeSnapshot({ ticket: { id: `t${i}`, subject: 's' } }), 100 + i),
      ]).flat(),
    );
    await addCorrection(tab2, { clientKey: key, from: 'unknown', to: 'tester', stems: [] });
    expect(await storedNotes(tab1)).toHaveLength(40);
    expect(await storedVisits(tab1)).toHaveLength(41);
    const c = await tab1.clients.get(key);
    expect(c?.visitCount).toBe(41);
    expect(c?.typeOverride?.type).toBe('tester');
    tab2.close();
  });
});

describe('storage errors', () => {
  it('says in plain words that nothing was saved', () => {
    expect(describeStorageError(new DOMException('full', 'QuotaExceededError'))).toMatch(/storage for Tipazh is full: nothing was saved/);
    expect(describeStorageError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toMatch(/full/);
    expect(isStorageError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isStorageError(new Error('the note is empty'))).toBe(false);
  });
  it('a quota error mid-write leaves nothing half-written', async () => {
    const db = fresh();
    await recordVisit(db, makeSnapshot(), 1);
    const original = db.audit.add.bind(db.audit);
    db.audit.add = (() => Promise.reject(new DOMException('full', 'QuotaExceededError'))) as unknown as typeof db.audit.add;
    await expect(addTag(db, 'zendesk:acme:42', 'new', 'you')).rejects.toThrow();
    db.audit.add = original;
    expect((await db.clients.get('zendesk:acme:42'))?.tags).toEqual([]);
  });
});
