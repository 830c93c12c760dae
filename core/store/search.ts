import { normalizeEmail, normalizePhone } from '../identity';
import type { ClientRecord, TipazhDb } from './db';
import type { SearchIndex } from './search-index';

const fold = (s: string) => s.toLowerCase().replace(/ё/g, 'е');
const words = (s: string | undefined) => (s ? fold(s).split(/[^\p{L}\p{N}@._+-]+/u).filter((w) => w.length > 0) : []);

/** The words a client can be found by: name words, email (whole, local part, domain), phone digits, tags. */
export function searchTokensOf(c: Pick<ClientRecord, 'name' | 'email' | 'phone' | 'organization' | 'tags'> & { helpdeskTags?: readonly string[] }): string[] {
  const out = new Set<string>();
  for (const w of [...words(c.name), ...words(c.organization)]) out.add(w.replace(/[@._+-]+$/g, ''));
  const email = normalizeEmail(c.email);
  if (email) {
    out.add(email);
    const [local, domain] = email.split('@');
    out.add(local!);
    out.add(domain!);
  }
  const phone = normalizePhone(c.phone)?.slice(1);
  if (phone) {
    out.add(phone);
    if (phone.length > 10) out.add(phone.slice(phone.length - 10));
    out.add(phone.slice(-7));
  }
  for (const t of [...c.tags, ...(c.helpdeskTags ?? [])]) out.add(fold(t));
  out.delete('');
  return [...out];
}

/** A query that is a phone number as people type it: digits with spaces, dashes, brackets, maybe + or a trunk 8. */
const PHONE_QUERY = /^\+?[\d\s()-]{7,}$/;

/** The query's words, longest first: the longest narrows the index scan the most. A phone is one word. */
function queryWords(q: string): string[] {
  const trimmed = q.trim();
  if (PHONE_QUERY.test(trimmed) && trimmed.replace(/\D/g, '').length >= 7) {
    // Stored phones are E.164 digits (plus their last 10 and last 7): read the query the same way.
    const digits = trimmed.replace(/\D/g, '');
    return [normalizePhone(trimmed)?.slice(1) ?? digits];
  }
  return fold(trimmed)
    .split(/\s+/)
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
}

/** Up to this many index hits, their records are read at once and sorted; above it, the newest are walked. */
const NARROW = 400;
/** Newest dossiers read by the walk's first step (one getAll each, newest first); each next step reads twice as many. */
const FIRST_BATCH = 200;
const MAX_BATCH = 3200;
/** Steps of the walk (200 + 400 + 800 + 1,600 dossiers) before a query whose matches are rare among the newest reads its index hits. */
const WALK_STEPS = 4;
/** At most this many index hits are read at once (a word common to more dossiers is walked to the end). */
const WIDE = 20_000;

/** Newest first; at the same lastSeen, the higher key first (the order of a reverse walk of the lastSeen index). */
const newestFirst = (a: ClientRecord, b: ClientRecord) => b.lastSeen - a.lastSeen || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0);
const uniqueByKey = (cs: ClientRecord[]) => [...new Map(cs.map((c) => [c.key, c])).values()];

/**
 * The newest dossiers that `keep`, up to `limit`, read in batches straight off the lastSeen index (each batch
 * one request, not a cursor step per record). Gives up after `steps` batches and answers null.
 */
async function walkNewest(db: TipazhDb, keep: (c: ClientRecord) => boolean, limit: number, steps = Infinity): Promise<ClientRecord[] | null> {
  const out: ClientRecord[] = [];
  const seen = new Set<string>();
  let upper: number | undefined;
  let size = FIRST_BATCH;
  for (let step = 0; step < steps; step++, size = Math.min(size * 2, MAX_BATCH)) {
    const from = upper === undefined ? db.clients.orderBy('lastSeen') : db.clients.where('lastSeen').belowOrEqual(upper);
    const batch = await from.reverse().limit(size).toArray();
    let fresh = 0;
    for (const c of batch) {
      if (seen.has(c.key)) continue;
      seen.add(c.key);
      fresh++;
      if (keep(c) && out.push(c) === limit) return out;
    }
    if (batch.length < size) return out;
    // A whole batch of one lastSeen (it never moves on): finish with a cursor instead.
    if (!fresh) return db.clients.orderBy('lastSeen').reverse().filter(keep).limit(limit).toArray();
    // Inclusive, so that dossiers sharing the last lastSeen are not skipped; `seen` drops the repeats.
    upper = batch[batch.length - 1]!.lastSeen;
  }
  return null;
}

/**
 * Finds dossiers whose words start with every word of the query (name, email, phone, tag), newest first.
 * Given the in-memory index (the background keeps one while a panel is open), the index names them and
 * only those records are read. Without it, IndexedDB's own indexes answer:
 * A narrow query reads its few index hits; a broad one ("a", a popular tag) walks dossiers newest first and
 * stops at `limit`; one whose matches are rare among the newest reads its index hits. None reads the whole
 * database unless a word matches more than WIDE dossiers and almost none of them match the rest of the query.
 */
export async function searchClients(db: TipazhDb, query: string, limit = 50, index?: SearchIndex): Promise<ClientRecord[]> {
  const qs = queryWords(query);
  const matches = (c: ClientRecord) => qs.every((w) => c.searchTokens.some((t) => t.startsWith(w)));
  if (index) {
    // The index names the dossiers; only those are read, and checked again against what is stored now.
    const found = await db.clients.bulkGet(index.find(qs, limit));
    return found.filter((c): c is ClientRecord => c !== undefined && matches(c)).sort(newestFirst);
  }
  if (!qs.length) return db.clients.orderBy('lastSeen').reverse().limit(limit).toArray();
  const hits = db.clients.where('searchTokens').startsWith(qs[0]!);
  const hitsOf = (n: number) => hits.clone().limit(n).toArray();
  const pick = (cs: ClientRecord[]) => uniqueByKey(cs).filter(matches).sort(newestFirst).slice(0, limit);
  // Counting by keys first costs little; whole records are read only for a narrow query.
  if ((await hits.clone().limit(NARROW + 1).primaryKeys()).length <= NARROW) return pick(await hitsOf(NARROW + 1));
  const walked = await walkNewest(db, matches, limit, WALK_STEPS);
  if (walked) return walked;
  const wide = await hitsOf(WIDE + 1);
  return wide.length <= WIDE ? pick(wide) : ((await walkNewest(db, matches, limit)) ?? []);
}
