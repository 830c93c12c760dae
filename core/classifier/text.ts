import { stemmer as stemEn } from '@orama/stemmers/english';
import { stemmer as stemRu } from '@orama/stemmers/russian';

/** One word of a message, with where it stands so the UI can quote and highlight it. */
export interface Token {
  /** Lower-cased, ё folded, look-alike letters folded to the word's script. */
  norm: string;
  stem: string;
  start: number;
  end: number;
}

const CYR = /[\u0400-\u04ff]/;
const LAT = /[a-z]/;
// Latin letters that look like Cyrillic ones (copy-pasted and obfuscated texts mix them), both ways.
const LAT_TO_CYR: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', k: 'к', m: 'м', t: 'т', b: 'в', h: 'н' };
const CYR_TO_LAT: Record<string, string> = { а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', у: 'y', к: 'k', м: 'm', т: 't', в: 'b', н: 'h', і: 'i' };

/** Folds a lower-cased word written in mixed scripts into the script most of its letters use. */
export function foldScript(word: string): string {
  if (!CYR.test(word) || !LAT.test(word)) return word;
  let cyr = 0;
  let lat = 0;
  for (const ch of word) {
    if (CYR.test(ch)) cyr++;
    else if (LAT.test(ch)) lat++;
  }
  const map = cyr >= lat ? LAT_TO_CYR : CYR_TO_LAT;
  return [...word].map((ch) => map[ch] ?? ch).join('');
}

export function normalizeWord(raw: string): string {
  return foldScript(raw.toLowerCase().replace(/ё/g, 'е').replace(/[’']/g, "'"));
}

const stemCache = new Map<string, string>();
/** The Snowball stem of a normalised word (Russian or English by its letters). */
export function stem(norm: string): string {
  let s = stemCache.get(norm);
  if (s === undefined) {
    s = CYR.test(norm) ? stemRu(norm) : LAT.test(norm) ? stemEn(norm.replace(/'/g, '')) : norm;
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(norm, s);
  }
  return s;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Splits a text into words, keeping each word's place in the original text. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const norm = normalizeWord(m[0]);
    out.push({ norm, stem: stem(norm), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Words that flip the meaning of the next one or two: «не срочно», "not urgent", "no discount needed". */
export const NEGATORS = new Set([
  'не', 'нет', 'ни', 'без', 'нету',
  'not', 'no', 'never', 'without', 'nor', 'neither',
  "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "won't", "can't", "cannot", "shouldn't", "wouldn't", "haven't", "hasn't", 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'wont', 'cant',
]);
