import type Dexie from 'dexie';
import type { Transaction } from 'dexie';
import { identityKeysOf } from '../identity';
import { reindexedV8 } from './search-words-v8';

/*
 * Every version of the dossier database. A version is never edited once shipped: a change is a new
 * version with an upgrade, and a test opens a database written by the previous version and finds its data.
 */

/** Version 1: dossiers, visits, notes, corrections, persons, packs, audit trail. */
export const SCHEMA_V1 = {
  clients: 'key, lastSeen, email, phone, *searchTokens',
  visits: 'id, clientKey, at',
  notes: 'id, clientKey, updatedAt',
  corrections: 'id, clientKey, at',
  persons: 'id, *emails, *phones, *clientKeys',
  packs: 'id, order',
  audit: 'id, clientKey, at',
};

/** Version 2: dossiers know when they last changed (restore keeps the newer copy); a key-value `meta` table for settings. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  clients: 'key, lastSeen, updatedAt, email, phone, *searchTokens',
  meta: 'key',
};

/** Version 3: dossiers keep the largest deal value seen (`revenue`), indexed for the Pareto segment. */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  clients: 'key, lastSeen, updatedAt, revenue, email, phone, *searchTokens',
};

/**
 * Version 4: only the indexes a query uses. Each index entry costs a write on every put (a 100k restore wrote
 * about 2M of them), so gone are `searchTokens` (the background keeps the search index in memory, see
 * live-search-index.ts), the dossiers' `lastSeen`, `updatedAt`, `email` and `phone` (identities are looked
 * up through persons), and the timestamps of visits, notes and the audit trail (read per client, then sorted).
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  clients: 'key, revenue',
  visits: 'id, clientKey',
  notes: 'id, clientKey',
  audit: 'id, clientKey',
};

/** Version 6: no `visits` table; version 5 moved every visit into its dossier (`ClientRecord.visits`). */
export const SCHEMA_V6 = { ...SCHEMA_V4, visits: null };

/**
 * Version 7: a person is stored only when it links records or keeps one split off (a 100k restore wrote
 * 100k persons of one record each); records of the same person are found by `clients.ids`, their email and phone.
 */
export const SCHEMA_V7 = { ...SCHEMA_V6, clients: 'key, revenue, *ids', persons: 'id, *clientKeys' };

/** Version 10: team sync's durable queue of tag writes, one record per client (core/team-sync/record.ts). */
export const SCHEMA_V10 = { ...SCHEMA_V7, teamSync: 'key, account, nextAt' };

export const LATEST_VERSION = 10;

type StoredVisit = { id: string; at: number };

/** An old table's records (visits, notes) by the dossier they name, each without that key. */
async function byClientKey<T>(tx: Transaction, table: string): Promise<Map<string, T[]>> {
  const out = new Map<string, T[]>();
  await tx.table(table).each(({ clientKey, ...r }: { clientKey: string }) => void (out.get(clientKey) ?? out.set(clientKey, []).get(clientKey)!).push(r as T));
  return out;
}

/**
 * Version 5's upgrade: each dossier takes its visits (oldest first) and counts them; the table is left
 * empty, and version 6 drops it (Dexie reads a table in an upgrade only if a later version deletes it).
 */
async function visitsIntoDossiers(tx: Transaction) {
  const byClient = await byClientKey<StoredVisit>(tx, 'visits');
  await tx
    .table('clients')
    .toCollection()
    .modify((c: { key: string; visits?: StoredVisit[]; visitCount: number }) => {
      const visits = [...(c.visits ?? []), ...(byClient.get(c.key) ?? [])].sort((a, b) => a.at - b.at);
      c.visits = visits;
      c.visitCount = Math.max(c.visitCount, visits.length);
    });
  await tx.table('visits').clear();
}

type StoredPerson = { clientKeys: string[]; blocked?: string[] };

/** Version 7's upgrade: every dossier gets its identity keys; persons of one record with nothing split off go. */
async function sparsePersons(tx: Transaction) {
  await tx
    .table('clients')
    .toCollection()
    .modify((c: { email?: string; phone?: string; ids?: string[] }) => {
      c.ids = identityKeysOf(c);
    });
  await tx
    .table('persons')
    .filter((p: StoredPerson) => p.clientKeys.length < 2 && !p.blocked?.length)
    .delete();
}

type StoredNote = { id: string; createdAt: number };

/**
 * Version 8's upgrade: each dossier takes its notes (in the order they were written); a note whose dossier is
 * not in the profile stays in the table, and joins the dossier when it appears.
 */
async function notesIntoDossiers(tx: Transaction) {
  const byClient = await byClientKey<StoredNote>(tx, 'notes');
  const moved: string[] = [];
  await tx
    .table('clients')
    .toCollection()
    .modify((c: { key: string; notes?: StoredNote[] }) => {
      const mine = (byClient.get(c.key) ?? []).sort((a, b) => a.createdAt - b.createdAt);
      c.notes = [...(c.notes ?? []), ...mine];
      moved.push(...mine.map((n) => n.id));
    });
  await tx.table('notes').bulkDelete(moved);
}

type StoredClient = Parameters<typeof reindexedV8>[0];

/**
 * Version 9's upgrade: each dossier keeps its helpdesk tags apart (read back from its search words, where
 * version 8 kept them) and its search words are derived again: names also in the other script, the phone as its
 * digits (found by any part of it).
 */
async function reindexSearch(tx: Transaction) {
  await tx
    .table('clients')
    .toCollection()
    .modify((c: StoredClient & { tags?: string[] }) => {
      const next = reindexedV8({ ...c, tags: c.tags ?? [] });
      c.helpdeskTags = next.helpdeskTags;
      c.searchTokens = next.searchTokens;
    });
}

/** Declares versions 1 to `upTo` (the latest unless a test writes an older database). */
export function declareVersions(db: Dexie, upTo = LATEST_VERSION): void {
  db.version(1).stores(SCHEMA_V1);
  if (upTo < 2) return;
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade((tx) =>
      tx
        .table('clients')
        .toCollection()
        .modify((c: { updatedAt?: number; lastSeen: number }) => {
          c.updatedAt ??= c.lastSeen;
        }),
    );
  if (upTo < 3) return;
  // A new index only: rows without revenue simply stay out of it.
  db.version(3).stores(SCHEMA_V3);
  if (upTo < 4) return;
  // Indexes dropped only: every record stays as it is.
  db.version(4).stores(SCHEMA_V4);
  if (upTo < 5) return;
  db.version(5).stores(SCHEMA_V4).upgrade(visitsIntoDossiers);
  if (upTo < 6) return;
  db.version(6).stores(SCHEMA_V6);
  if (upTo < 7) return;
  db.version(7).stores(SCHEMA_V7).upgrade(sparsePersons);
  if (upTo < 8) return;
  // The same tables: dossiers keep their notes; the `notes` table keeps only notes waiting for their dossier.
  db.version(8).stores(SCHEMA_V7).upgrade(notesIntoDossiers);
  if (upTo < 9) return;
  // The same tables: dossiers keep their helpdesk tags apart, and their search words are derived again.
  db.version(9).stores(SCHEMA_V7).upgrade(reindexSearch);
  if (upTo < 10) return;
  // A new table only.
  db.version(10).stores(SCHEMA_V10);
}
