import { profileFromHelpdesk } from '../profile-prefill';
import type { ProfileField } from '../schema/profile';
import type { ClientSnapshot } from '../schema/snapshot';
import { clientKeyOf } from '../schema/snapshot';
import { ClientRecord, type NoteRecord, Visit, VisitVerdict, type TipazhDb } from './db';
import { dayOf, sameVerdict, visitIdOf } from './dossier-view';
import { identityKeysOf } from '../identity';
import { helpdeskTagsAfter } from './helpdesk-tags';
import { linkPerson } from './persons';
import { searchTokensOf } from './search';
import { withVisit } from './visits';
import { notesOf, notesOrder, putNote, takeWaitingNotes } from './notes';

/**
 * Records that the agent saw this client now: creates or refreshes the dossier and the day's visit.
 * Idempotent: the same ticket seen again the same day changes timestamps only, never counts twice.
 */
export async function recordVisit(db: TipazhDb, snap: ClientSnapshot, now = Date.now()): Promise<ClientRecord> {
  const key = clientKeyOf(snap);
  const day = dayOf(now);
  const visitId = visitIdOf(snap, now);
  return db.transaction('rw', db.clients, db.persons, db.notes, async () => {
    const prev = await db.clients.get(key);
    const notes = prev ? prev.notes : await takeWaitingNotes(db, key);
    const prevVisit = prev?.visits.find((v) => v.id === visitId);
    const visit = Visit.parse({
      // What the panel said on this visit stays until it says something else (recordVerdict).
      ...prevVisit,
      id: visitId,
      ticketId: snap.ticket?.id,
      day,
      firstAt: prevVisit?.firstAt ?? now,
      at: now,
      messageCount: snap.conversation.length,
    });
    const visits = withVisit(prev?.visits ?? [], visit);
    const c = snap.client;
    const record = ClientRecord.parse({
      ...prev,
      key,
      source: snap.source,
      account: snap.account,
      externalId: c.externalId,
      // A DOM read may lack what the API gave last time: keep what we knew.
      name: c.name || prev?.name || '',
      email: c.email ?? prev?.email,
      phone: c.phone ?? prev?.phone,
      organization: c.organization ?? prev?.organization,
      firstSeen: Math.min(prev?.firstSeen ?? now, now),
      lastSeen: Math.max(prev?.lastSeen ?? now, now),
      updatedAt: Math.max(prev?.updatedAt ?? now, now),
      revenue: snap.deal ? Math.max(prev?.revenue ?? 0, snap.deal.value) : prev?.revenue,
      previousSeen: prevVisit ? prev?.previousSeen : prev?.lastSeen,
      visitCount: visits.length,
      visits,
      notes,
      lastTicketId: snap.ticket?.id ?? prev?.lastTicketId,
      lastSubject: snap.ticket?.subject ?? prev?.lastSubject,
      profile: prefill(prev?.profile, snap),
      helpdeskTags: helpdeskTagsAfter(prev?.helpdeskTags, snap),
    });
    record.searchTokens = searchTokensOf(record);
    record.ids = identityKeysOf(record);
    await db.clients.put(record);
    await linkPerson(db, record);
    return record;
  });
}

/** Fills empty profile fields the helpdesk knows (marked prefilled); the agent's own values always win. */
function prefill(profile: ClientRecord['profile'] | undefined, snap: ClientSnapshot): ClientRecord['profile'] {
  const out = { ...(profile ?? { prefilled: [] }) };
  for (const [field, value] of Object.entries(profileFromHelpdesk(snap)) as [ProfileField, string][]) {
    if (!value || (out[field] && !out.prefilled.includes(field))) continue;
    out[field] = value;
    out.prefilled = [...new Set([...out.prefilled, field])];
  }
  return out;
}

const newId = () => crypto.randomUUID();

/** Adds a note to a client's dossier. Throws a readable zod error on an empty note, and when there is no dossier. */
export const addNote = (db: TipazhDb, clientKey: string, text: string, now = Date.now()): Promise<NoteRecord> =>
  putNote(db, clientKey, { id: newId(), text, pinned: false, createdAt: now, updatedAt: now });

/** A client's notes, pinned first, newest first. */
export const listNotes = async (db: TipazhDb, clientKey: string): Promise<NoteRecord[]> => {
  const client = await db.clients.get(clientKey);
  return client ? notesOf(client).sort(notesOrder) : [];
};

/**
 * Writes what the panel showed the agent on a visit (type, confidence, stage, level): the dossier's history.
 * Nothing happens for a visit that is not recorded (yet) or already says the same.
 */
export async function recordVerdict(db: TipazhDb, clientKey: string, visitId: string, verdict: VisitVerdict): Promise<void> {
  const v = VisitVerdict.parse(verdict);
  await db.transaction('rw', db.clients, async () => {
    const client = await db.clients.get(clientKey);
    const visit = client?.visits.find((x) => x.id === visitId);
    if (client && visit && !sameVerdict(visit, v)) await db.clients.put({ ...client, visits: withVisit(client.visits, Visit.parse({ ...visit, ...v })) });
  });
}
