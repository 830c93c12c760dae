import { stemmer as stemEn } from '@orama/stemmers/english';
import { stemmer as stemRu } from '@orama/stemmers/russian';
import { isRussianMarker } from './translit';

/** One word of a message, with where it stands so the UI can quote and highlight it. */
export interface Token {
  /** Lower-cased, ё folded, look-alike letters folded to the word's script. */
  norm: string;
  stem: string;
  /** The first two letters of `norm`, for prefix cues. */
  head: string;
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

/** Lower-cases, folds ё to е and ’ to ', and folds mixed-script words. Hot path: one pass over the letters. */
export function normalizeWord(raw: string): string {
  let w = raw.toLowerCase();
  let cyr = false;
  let lat = false;
  let special = false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 0x400 && c <= 0x4ff) {
      cyr = true;
      if (c === 0x451) special = true; // ё
    } else if (c >= 97 && c <= 122) lat = true;
    else if (c === 0x2019) special = true; // ’
  }
  if (special) w = w.replace(/ё/g, 'е').replace(/’/g, "'");
  return cyr && lat ? foldScript(w) : w;
}

const stemCache = new Map<string, string>();
/** The Snowball stem of a normalised word (Russian or English by its letters). */
export function stem(norm: string): string {
  let s = stemCache.get(norm);
  if (s === undefined) {
    const c = norm.charCodeAt(0);
    s = c >= 0x400 && c <= 0x4ff ? stemRu(norm) : LAT.test(norm) ? stemEn(norm.replace(/'/g, '')) : norm;
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(norm, s);
  }
  return s;
}

/**
 * Word forms by spelling, in an open-addressing table hashed while the word is scanned: a word already seen is
 * found without cutting it out of the text (a Map keyed by a fresh slice cost a tenth of the classifier's time).
 * A slot is known by its length and two independent 32-bit hashes of its letters, kept in flat integer arrays:
 * comparing the stored spelling cost a third of the tokenizer's time in cache misses, and 64 bits of hash put a
 * false match at about one in 10^15 lookups. Emptied when it fills up.
 */
const WORD_TABLE = 1 << 15;
const WORD_LIMIT = WORD_TABLE / 2;
/** Per slot, side by side (one cache line holds both): the word's length (0: empty) and its second hash. */
let wordMeta = new Int32Array(WORD_TABLE * 2);
let wordForms: (WordForm | undefined)[] = new Array(WORD_TABLE);
let wordCount = 0;

/** The slot of a word of `len` letters with hashes `h` and `check`: where it is, or the empty slot where it goes. */
function wordSlot(len: number, h: number, check: number): number {
  for (let slot = h & (WORD_TABLE - 1); ; slot = (slot + 1) & (WORD_TABLE - 1)) {
    const l = wordMeta[slot * 2]!;
    if (l === 0 || (l === len && wordMeta[slot * 2 + 1] === check)) return slot;
  }
}

function wordForm(text: string, start: number, end: number, h: number, check: number): WordForm {
  const len = end - start;
  let slot = wordSlot(len, h, check);
  const known = wordForms[slot];
  if (known) return known;
  const w = wordFormOf(normalizeWord(text.slice(start, end)));
  if (wordCount >= WORD_LIMIT) {
    wordMeta = new Int32Array(WORD_TABLE * 2);
    wordForms = new Array(WORD_TABLE);
    wordCount = 0;
    slot = wordSlot(len, h, check);
  }
  wordMeta[slot * 2] = len;
  wordMeta[slot * 2 + 1] = check;
  wordForms[slot] = w;
  wordCount++;
  return w;
}

const wordCharRule = (c: number) =>
  (c >= 97 && c <= 122) ||
  (c >= 65 && c <= 90) ||
  (c >= 48 && c <= 57) ||
  (c >= 0x400 && c <= 0x4ff) ||
  (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
  (c > 0x4ff && /\p{L}/u.test(String.fromCharCode(c)));
// Whether a UTF-16 unit is part of a word, decided once per unit: 0 not yet known, 1 yes, 2 no.
const wordCharTable = new Uint8Array(0x10000);
const isWordChar = (c: number) => {
  let v = wordCharTable[c]!;
  if (v === 0) wordCharTable[c] = v = wordCharRule(c) ? 1 : 2;
  return v === 1;
};
const isApostrophe = (c: number) => c === 39 || c === 0x2019;

/**
 * Splits `text[from, to)` into words (letters and digits; "don't" stays one word), keeping each word's place in
 * the whole text.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  tokenizeInto(out, text, from, to, (w, start, end) => ({ norm: w.norm, stem: w.stem, head: w.head, start, end }));
  return out;
}

/**
 * A distinct word form, cached: its normal form, stem and head, and what the classifier works out about it once
 * (its feature ids, stem id, translit reading…). Every form has every field, so the engine sees one shape.
 */
export interface WordForm {
  norm: string;
  stem: string;
  head: string;
  /** The classifier's stem feature of this form: its id, the generation of ids it belongs to, its name's stem (see features.ts). */
  feature: number;
  featureGeneration: number;
  featureStem: string;
  /** The stem as a small integer (see `stemIdOf`), valid for `stemGeneration`. */
  stemId: number;
  stemGeneration: number;
  /** A translit marker word ("ya", "zakaz"); its Cyrillic reading. */
  marker: boolean;
  cyrillic: WordForm | undefined;
  /** A content word: not a stop word, longer than two letters. */
  content: boolean | undefined;
}

/** The word form of a normalised word (not cached: `tokenizeInto` caches the forms it meets). */
export const wordFormOf = (norm: string): WordForm => ({
  norm,
  stem: stem(norm),
  head: norm.slice(0, 2),
  feature: -1,
  featureGeneration: -1,
  featureStem: '',
  stemId: -1,
  stemGeneration: -1,
  marker: isRussianMarker(norm),
  cyrillic: undefined,
  content: undefined,
});

/**
 * Stems as small integers, so counting by stem needs no string map. Restarted (a new generation) only by
 * `restartStemIdsIfFull`, which callers run before a read, never during one.
 */
let stemIds = new Map<string, number>();
let stemGeneration = 0;
const STEM_ID_LIMIT = 200_000;
export function restartStemIdsIfFull(): void {
  if (stemIds.size < STEM_ID_LIMIT) return;
  stemIds = new Map();
  stemGeneration++;
}
export function stemIdOf(form: WordForm): number {
  if (form.stemGeneration !== stemGeneration) {
    let id = stemIds.get(form.stem);
    if (id === undefined) stemIds.set(form.stem, (id = stemIds.size));
    form.stemId = id;
    form.stemGeneration = stemGeneration;
  }
  return form.stemId;
}

/** The tokenizer's loop: `make` builds each token from its (cached) word form and place; it stops once `out` holds `limit`. */
export function tokenizeInto<T>(
  out: T[],
  text: string,
  from: number,
  to: number,
  make: (w: WordForm, start: number, end: number) => T,
  limit = Infinity,
): void {
  let i = from;
  while (i < to && out.length < limit) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    // FNV-1a, and a multiply-rotate hash with another seed as the check.
    let h = 0x811c9dc5;
    let check = 0x5bd1e995;
    for (;;) {
      const c = i < to ? text.charCodeAt(i) : -1;
      if (c < 0 || !(isWordChar(c) || (isApostrophe(c) && i + 1 < to && isWordChar(text.charCodeAt(i + 1))))) break;
      h = Math.imul(h ^ c, 0x01000193);
      check = Math.imul((check << 5) | (check >>> 27), 0x9e3779b1) + c;
      i++;
    }
    out.push(make(wordForm(text, start, i, h >>> 0, check | 0), start, i));
  }
}

/** Words that flip the meaning of the next one or two: «не срочно», "not urgent", "no discount needed". */
export const NEGATORS = new Set([
  'не',
  'нет',
  'ни',
  'без',
  'нету',
  'not',
  'no',
  'never',
  'without',
  'nor',
  'neither',
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "wasn't",
  "aren't",
  "won't",
  "can't",
  'cannot',
  "shouldn't",
  "wouldn't",
  "haven't",
  "hasn't",
  'dont',
  'doesnt',
  'didnt',
  'isnt',
  'wasnt',
  'wont',
  'cant',
]);
