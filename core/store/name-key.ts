/*
 * A name written in either script reads as one key: «Миронова» and "Mironova" are both `mironova`, «Юлия»,
 * "Yulia" and "Julia" are `iulia`, «Алексей», "Aleksey" and "Alexei" are `aleksei`. Cyrillic letters are
 * transliterated one by one; Latin spellings that stand for one Russian sound are folded to one (kh → h,
 * x → ks, y/j → i, w → v, ph → f, c → k, a leading ye → e); doubled letters count once. The key is for
 * finding, never for showing: it may join two names that are really different, and a search then shows both.
 */

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sh',
  ъ: '',
  ы: 'i',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
  і: 'i',
  ї: 'i',
  є: 'e',
  ґ: 'g',
};

/** Latin spellings folded to one, longest first at each position. */
const LATIN: [string, string][] = [
  ['shch', 'sh'],
  ['sch', 'sh'],
  ['kh', 'h'],
  ['ph', 'f'],
  ['ch', 'ch'],
  ['ck', 'k'],
  ['tz', 'ts'],
  ['c', 'k'],
  ['x', 'ks'],
  ['w', 'v'],
  ['q', 'k'],
  ['y', 'i'],
  ['j', 'i'],
  ["'", ''],
  ['’', ''],
];

/** A word made of letters only (a hyphen or apostrophe inside): a name a key is made for. */
const NAME_WORD = /^\p{L}+(?:['’-]\p{L}+)*$/u;

/** The key of a lower-case name word in either script (see above); a word that is not a name is its own key. */
export function nameKey(word: string): string {
  if (!NAME_WORD.test(word)) return word;
  let out = '';
  let i = 0;
  // A leading "ye"/"je" is the Russian «Е» (Yelena, Yevgeny): the key of «Елена» starts with e.
  if (/^[yj]e/.test(word)) i = 1;
  outer: while (i < word.length) {
    const ch = word[i]!;
    const cyr = CYRILLIC[ch];
    if (cyr !== undefined) {
      out += cyr;
      i++;
      continue;
    }
    for (const [from, to] of LATIN) {
      if (word.startsWith(from, i)) {
        out += to;
        i += from.length;
        continue outer;
      }
    }
    out += ch;
    i++;
  }
  return out.replace(/(.)\1+/g, '$1');
}

/** Query words whose last letter may begin a longer Latin spelling: the k of kh, c of ch (and sch), p of ph. */
const OPEN_H = /[kcp]$/;

/**
 * The keys a query word is looked for by, besides itself, while the agent is still typing it: "Mik" must find
 * Михаил (mihail) as well as Mikkel, so a last letter that may begin a longer spelling is read both ways (mik,
 * mih). Keys shorter than two letters are left out (too broad to be worth a look).
 */
export function queryNameKeys(word: string): string[] {
  if (!NAME_WORD.test(word)) return [];
  const readings = OPEN_H.test(word) ? [word, `${word}h`] : [word];
  return [...new Set(readings.map(nameKey))].filter((k) => k.length >= 2 && k !== word);
}
