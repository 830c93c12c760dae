import type { StrategyPack } from '../../core/pack/schema';
import { ClientSnapshot, type ClientSnapshotInput } from '../../core/schema/snapshot';
import { afterEach } from 'vitest';
import { TipazhDb, type ClientRecord } from '../../core/store/db';
import { searchTokensOf } from '../../core/store/search';
import { visitsOf } from '../../core/store/visits';
import { notesOf } from '../../core/store/notes';
import { identityKeysOf } from '../../core/identity';

/** A valid snapshot of one Zendesk client, with any part replaced. */
export function makeSnapshot(over: Partial<ClientSnapshotInput> = {}): ClientSnapshot {
  return ClientSnapshot.parse({
    source: 'zendesk',
    account: 'acme',
    via: 'api',
    capturedAt: '2026-03-01T10:00:00Z',
    client: { externalId: '42', name: 'Megan Price', email: 'megan@example.com' },
    ticket: { id: '1203', subject: 'Refund' },
    conversation: [{ author: 'client', text: 'hi', public: true }],
    ...over,
  });
}

const FIRST_NAMES = ['Anna', 'Ivan', 'Olga', 'Tom'];

/** Dossier number `i` of a crowd: "Client{i} Anna|Ivan|Olga|Tom", c{i}@corp{i % 50}.example, seen at 1,000,000 + i; search words built. */
export function numberedClient(i: number, over: Partial<ClientRecord> = {}): ClientRecord {
  const c: ClientRecord = {
    key: `zendesk:t:${String(i).padStart(5, '0')}`,
    source: 'zendesk',
    account: 't',
    externalId: String(i),
    name: `Client${i} ${FIRST_NAMES[i % 4]}`,
    email: `c${i}@corp${i % 50}.example`,
    firstSeen: i,
    lastSeen: 1_000_000 + i,
    updatedAt: 1_000_000 + i,
    visitCount: 1,
    tags: [],
    vip: false,
    profile: { prefilled: [] },
    searchTokens: [],
    helpdeskTags: [],
    ...over,
    visits: over.visits ?? [],
    notes: over.notes ?? [],
    ids: [],
  };
  return { ...c, ids: identityKeysOf(c), searchTokens: searchTokensOf(c) };
}

/** A bare dossier with this key. */
export const clientOf = (key: string): ClientRecord => ({ ...numberedClient(0), key, searchTokens: [] });

/** A new, empty dossier database per call; every one of them is deleted after each test. */
export function freshDatabases(prefix: string): () => TipazhDb {
  const dbs: TipazhDb[] = [];
  afterEach(async () => void (await Promise.all(dbs.splice(0).map((d) => d.delete()))));
  return () => {
    const db = new TipazhDb(`${prefix}-${Math.random()}`);
    dbs.push(db);
    return db;
  };
}

/** Every visit the database holds (inside the dossiers), each with its dossier's key. */
export const storedVisits = async (db: TipazhDb) => (await db.clients.toArray()).flatMap(visitsOf);

/** One visit by id, wherever it is kept. */
export const storedVisit = async (db: TipazhDb, id: string) => (await storedVisits(db)).find((v) => v.id === id);

/** Every note the database holds: inside the dossiers, then those waiting for theirs in the `notes` table. */
export const storedNotes = async (db: TipazhDb) => [...(await db.clients.toArray()).flatMap(notesOf), ...(await db.notes.toArray())];

/** The smallest valid pack, with `extra` sections (a team's pack in a test). */
export const tinyPack = (extra: Partial<StrategyPack> = {}): StrategyPack =>
  ({ schemaVersion: 1, id: 't', name: { en: 'T' }, version: '1.0.0', author: 'x', languages: ['en'], ...extra }) as StrategyPack;
