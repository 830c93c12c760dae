import { normalizeEmail, normalizePhone } from '../identity';
import type { ClientRecord, TipazhDb } from './db';

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

/** Above this many index hits, walking the newest dossiers first finds the page of results sooner. */
const NARROW = 400;

/**
 * Finds dossiers whose words start with every word of the query (name, email, phone, tag), newest first.
 * A narrow query reads its few index hits; a broad one ("a", a popular tag) walks dossiers newest first
 * and stops at `limit`, so neither reads the whole database.
 */
export async function searchClients(db: TipazhDb, query: string, limit = 50): Promise<ClientRecord[]> {
  const qs = queryWords(query);
  if (!qs.length) return db.clients.orderBy('lastSeen').reverse().limit(limit).toArray();
  const matches = (c: ClientRecord) => qs.every((w) => c.searchTokens.some((t) => t.startsWith(w)));
  const hits = await db.clients.where('searchTokens').startsWith(qs[0]!).limit(NARROW + 1).primaryKeys();
  if (hits.length > NARROW) return db.clients.orderBy('lastSeen').reverse().filter(matches).limit(limit).toArray();
  const candidates = (await db.clients.bulkGet([...new Set(hits)])).filter((c): c is ClientRecord => !!c && matches(c));
  return candidates.sort((a, b) => b.lastSeen - a.lastSeen).slice(0, limit);
}
