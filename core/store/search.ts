import { normalizeEmail, normalizePhone } from '../identity';
import type { ClientRecord } from './db';
import type { ClientSummary } from './dossier-view';
import type { SearchIndex } from './search-index';

const fold = (s: string) => s.toLowerCase().replace(/ё/g, 'е');
const words = (s: string | undefined) =>
  s
    ? fold(s)
        .split(/[^\p{L}\p{N}@._+-]+/u)
        .filter((w) => w.length > 0)
    : [];

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

/** The query's words. A phone number is one word, in the digits the dossiers keep. */
function queryWords(q: string): string[] {
  const trimmed = q.trim();
  if (PHONE_QUERY.test(trimmed) && trimmed.replace(/\D/g, '').length >= 7) {
    // Stored phones are E.164 digits (plus their last 10 and last 7): read the query the same way.
    const digits = trimmed.replace(/\D/g, '');
    return [normalizePhone(trimmed)?.slice(1) ?? digits];
  }
  return fold(trimmed).split(/\s+/).filter(Boolean);
}

/**
 * Finds dossiers whose words start with every word of the query (name, email, phone, tag), newest first;
 * no words: the newest. The in-memory index (live-search-index.ts) answers, without reading IndexedDB.
 */
export function searchClients(index: SearchIndex, query: string, limit = 50): ClientSummary[] {
  return index.find(queryWords(query), limit);
}
