import { normalizeEmail, normalizePhone } from '../identity';
import { searchTokensOf, type SearchFields } from './search';

/*
 * Dossiers written up to schema version 8 kept the helpdesk's tags nowhere but among their search words. This
 * reads them back from there, so that re-indexing such a dossier (the version 9 upgrade, a restore of an older
 * backup) loses none: a helpdesk tag `vip` keeps making the client VIP, and every tag keeps finding them.
 */

const fold = (s: string) => s.toLowerCase().replace(/ё/g, 'е');
const words = (s: string | undefined) =>
  s
    ? fold(s)
        .split(/[^\p{L}\p{N}@._+-]+/u)
        .filter((w) => w.length > 0)
    : [];

/** The search words version 8 derived from a dossier's own fields (it never changed from version 1 to 8). */
function ownWordsV8(c: Omit<SearchFields, 'helpdeskTags'>): Set<string> {
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
  for (const t of c.tags) out.add(fold(t));
  return out;
}

/**
 * The helpdesk tags among a version 8 dossier's search words: the words its own fields do not give (lower case,
 * as they were kept). Digits that are part of its phone are left out: an older reading of the same number.
 */
export function helpdeskTagsFromV8(searchTokens: readonly string[], c: Omit<SearchFields, 'helpdeskTags'>): string[] {
  const own = ownWordsV8(c);
  const phone = (c.phone ?? '').replace(/\D/g, '');
  return searchTokens.filter((t) => t && !own.has(t) && !(/^\d+$/.test(t) && phone.includes(t.replace(/^7/, ''))));
}

/** A dossier of version 8 or earlier in this version's shape: its helpdesk tags kept apart, its search words derived again. */
export function reindexedV8<C extends Omit<SearchFields, 'helpdeskTags'> & { searchTokens?: readonly string[]; helpdeskTags?: readonly string[] }>(
  c: C,
): C & { helpdeskTags: string[]; searchTokens: string[] } {
  const helpdeskTags = c.helpdeskTags ? [...c.helpdeskTags] : helpdeskTagsFromV8(c.searchTokens ?? [], c);
  return { ...c, helpdeskTags, searchTokens: searchTokensOf({ ...c, helpdeskTags }) };
}
