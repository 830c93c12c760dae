import { normalizeEmail } from '../identity';
import type { ClientRecord } from './db';
import type { ClientSummary } from './dossier-view';
import { nameKey, queryNameKeys } from './name-key';
import { phoneQuery, phoneToken, type PhoneQuery } from './phone-search';
import type { SearchIndex } from './search-index';

const fold = (s: string) => s.toLowerCase().replace(/ё/g, 'е');
const words = (s: string | undefined) =>
  s
    ? fold(s)
        .split(/[^\p{L}\p{N}@._+-]+/u)
        .filter((w) => w.length > 0)
    : [];
/** A tag as one search word: folded, any white space inside it one space (a search word never holds a line break or tab). */
const tagWord = (t: string) => fold(t).replace(/\s+/g, ' ').trim();

/** Name and organization words that get a key in the other script, at most: the index stays bounded. */
const MAX_KEYED_WORDS = 8;

/** What a dossier is found by: its own fields, and the tags its helpdesk gave it. */
export type SearchFields = Pick<ClientRecord, 'name' | 'email' | 'phone' | 'organization' | 'tags'> & { helpdeskTags?: readonly string[] };

/**
 * The words a client can be found by: name and organization words, each with its key in the other script when
 * that differs (name-key.ts: «Миронова» is also found as "mironova"), the email (whole, local part, domain), the
 * agent's and the helpdesk's tags, and last the phone's digits (phone-search.ts).
 */
export function searchTokensOf(c: SearchFields): string[] {
  const out = new Set<string>();
  const named = [...words(c.name), ...words(c.organization)].map((w) => w.replace(/[@._+-]+$/g, ''));
  for (const w of named) out.add(w);
  for (const w of named.slice(0, MAX_KEYED_WORDS)) out.add(nameKey(w));
  const email = normalizeEmail(c.email);
  if (email) {
    out.add(email);
    const [local, domain] = email.split('@');
    out.add(local!);
    out.add(domain!);
  }
  for (const t of [...c.tags, ...(c.helpdeskTags ?? [])]) out.add(tagWord(t));
  out.delete('');
  const phone = phoneToken(c.phone);
  return phone ? [...out, phone] : [...out];
}

/** One word of a query: a dossier has it when one of its words starts with one of `prefixes`, or its phone holds `phone`. */
export interface QueryWord {
  prefixes: string[];
  phone?: PhoneQuery;
}

/**
 * The query's words. A whole query that is a phone number as people write it (`+7 903 123-45-67`, `8 903…`,
 * `(903) 123…`) is one word; any other word is looked for as typed and by its key in the other script, and a
 * word of 4 or more digits also inside phone numbers.
 */
export function queryWords(query: string): QueryWord[] {
  const q = query.trim();
  const whole = /\s/.test(q) ? phoneQuery(q) : undefined;
  if (whole) return [{ prefixes: [], phone: whole }];
  return fold(q)
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => ({ prefixes: [w, ...queryNameKeys(w)], phone: phoneQuery(w) }));
}

/**
 * Finds dossiers that have every word of the query (name in either script, email, phone, tag), newest first;
 * no words: the newest. The in-memory index (live-search-index.ts) answers, without reading IndexedDB.
 */
export function searchClients(index: SearchIndex, query: string, limit = 50): ClientSummary[] {
  return index.find(queryWords(query), limit);
}
