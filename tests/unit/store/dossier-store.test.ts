import { afterEach, describe, expect, it } from 'vitest';
import { TipazhDb } from '../../../core/store/db';
import { addNote, listNotes, recordVerdict, recordVisit } from '../../../core/store/dossiers';
import { clientOf, makeSnapshot as snap, storedNotes, storedVisits } from '../helpers';

let db: TipazhDb;
afterEach(async () => db?.delete());
const open = () => (db = new TipazhDb(`t-${Math.random()}`));

describe('recordVisit', () => {
  it('creates a dossier on first sight', async () => {
    open();
    const c = await recordVisit(db, snap(), 1000);
    expect(c).toMatchObject({ key: 'zendesk:acme:42', name: 'Megan Price', firstSeen: 1000, lastSeen: 1000, visitCount: 1, lastSubject: 'Refund' });
  });

  it('is idempotent: reloading the same ticket the same day duplicates nothing', async () => {
    open();
    const day = Date.parse('2026-03-01T08:00:00Z');
    await recordVisit(db, snap(), day);
    await recordVisit(db, snap(), day + 60_000);
    await recordVisit(db, snap(), day + 120_000);
    expect(await db.clients.count()).toBe(1);
    expect(await storedVisits(db)).toHaveLength(1);
    expect(await db.clients.get('zendesk:acme:42')).toMatchObject({ visitCount: 1, firstSeen: day, lastSeen: day + 120_000 });
  });

  it('counts another ticket or another day as a new visit', async () => {
    open();
    const day = Date.parse('2026-03-01T08:00:00Z');
    await recordVisit(db, snap(), day);
    await recordVisit(db, snap({ ticket: { id: '99', subject: 'Other', tags: [] } }), day + 1000);
    await recordVisit(db, snap(), day + 86_400_000);
    expect(await db.clients.get('zendesk:acme:42')).toMatchObject({ visitCount: 3, lastSubject: 'Refund' });
    expect((await storedVisits(db)).map((v) => [v.ticketId, v.at])).toEqual([
      ['1203', day],
      ['99', day + 1000],
      ['1203', day + 86_400_000],
    ]);
  });

  it('keeps what the panel said on a visit when the ticket is opened again that day', async () => {
    open();
    const day = Date.parse('2026-03-01T08:00:00Z');
    const c = await recordVisit(db, snap(), day);
    const verdict = { type: 'tester', confidence: 0.7, stage: 'regular', level: 'family' } as const;
    await recordVerdict(db, c.key, c.visits[0]!.id, verdict);
    await recordVisit(db, snap(), day + 60_000);
    expect((await storedVisits(db))[0]).toMatchObject({ ...verdict, firstAt: day, at: day + 60_000 });
  });

  it('keeps what the API told earlier when a later page read lacks it', async () => {
    open();
    await recordVisit(db, snap(), 1000);
    await recordVisit(db, snap({ via: 'dom', client: { externalId: '42', name: 'Megan Price', tags: [] } }), 2000);
    expect((await db.clients.get('zendesk:acme:42'))?.email).toBe('megan@example.com');
  });
});

describe('notes', () => {
  it('adds notes to the dossier and lists them pinned first, newest first', async () => {
    open();
    await db.clients.bulkPut([clientOf('k'), clientOf('other')]);
    await addNote(db, 'k', 'first', 1);
    await addNote(db, 'k', 'second', 2);
    await addNote(db, 'other', 'x', 3);
    expect((await listNotes(db, 'k')).map((n) => n.text)).toEqual(['second', 'first']);
    // Kept inside the dossier, in the order they were written.
    expect((await db.clients.get('k'))?.notes.map((n) => n.text)).toEqual(['first', 'second']);
    expect(await db.notes.count()).toBe(0);
  });

  it('refuses an empty note, or one without a dossier, and writes nothing', async () => {
    open();
    await db.clients.put(clientOf('k'));
    await expect(addNote(db, 'k', '   ')).rejects.toThrow();
    await expect(addNote(db, 'nobody', 'hello')).rejects.toThrow('no dossier for this client');
    expect(await storedNotes(db)).toEqual([]);
  });

  it('a note waiting for its dossier (from a backup) joins it when the client is first seen', async () => {
    open();
    await db.notes.put({ id: 'w1', clientKey: 'zendesk:acme:42', text: 'met at the fair', pinned: false, createdAt: 5, updatedAt: 5 });
    await recordVisit(db, snap(), 1000);
    expect((await listNotes(db, 'zendesk:acme:42')).map((n) => n.text)).toEqual(['met at the fair']);
    expect(await db.notes.count()).toBe(0);
  });
});
