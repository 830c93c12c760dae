/**
 * Russian written in Latin letters ("zdravstvuyte, gde moy zakaz?", "ya uzhe 3 raza pishu") is common in chats.
 * A message that reads as translit is read back in Cyrillic, so its words meet the stems the model learned
 * from Russian; quotes still point at the letters the client typed.
 */

/** Short words that are Russian in translit and not English (or far more often Russian). */
const RU_MARKERS = new Set(
  `ya ne chto chto-to shto eto kak mne menya mnoy vy vam vas vash vashe vashi moy moi moj moya moe moyo uzhe uje eshche eshe esche
  tolko mozhno nado nuzhno pochemu gde kogda seychas sejchas sichas pozhaluysta pozhalujsta pozhalusta pzh plz spasibo spasib
  zdravstvuyte zdravstvujte zdrasti privet net da bylo byl byla budet esli ili kto tut tam zakaz zakaza zakazal dengi deneg
  vozvrat skidka skidku bonus bonusy otvet otvette otvechayte pishu pisal napishu srochno bystro kogda-nibud pochti voobshche
  voobshe vsyo vse vsem vsego opyat snova segodnya zavtra vchera chas chasa minut den dnya nedelyu mesyats mesyac rubley rub
  khochu hochu mogu mozhete sdelayte sdelajte pomogite ponyal ponyala ladno horosho khorosho ochen ochen' takoy takoj kakoy kakoj`
    .split(/\s+/)
    .filter(Boolean),
);
/** True for a short word that is Russian in translit ("ya", "zakaz", "pozhaluysta"). */
export const isRussianMarker = (word: string) => RU_MARKERS.has(word);

/** English function words: a text full of them is English, whatever else it holds. */
const EN_MARKERS = new Set('the and is are you your my to of for with this that it was have has be not please can will what where when why how'.split(' '));

const LATIN_WORD = /^[a-z']+$/;

/** True when the words of a text read as Russian in Latin letters rather than as English. */
export function looksTranslit(words: readonly string[]): boolean {
  let latin = 0;
  let ru = 0;
  let en = 0;
  let other = 0;
  for (const w of words) {
    if (LATIN_WORD.test(w)) {
      latin++;
      if (RU_MARKERS.has(w)) ru++;
      else if (EN_MARKERS.has(w)) en++;
    } else if (/\p{L}/u.test(w)) other++;
  }
  return latin >= 2 && ru >= 2 && ru > en * 2 && latin > other;
}

// Longest first: "shch" before "sh" before "s".
const MULTI: [string, string][] = [
  ['shch', 'щ'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['ya', 'я'],
  ['ja', 'я'],
  ['yu', 'ю'],
  ['ju', 'ю'],
  ['yo', 'е'],
  ['jo', 'е'],
  ['ye', 'е'],
  ['je', 'е'],
];
const SINGLE: Record<string, string> = {
  a: 'а',
  b: 'б',
  v: 'в',
  w: 'в',
  g: 'г',
  d: 'д',
  e: 'е',
  z: 'з',
  i: 'и',
  j: 'й',
  k: 'к',
  q: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  f: 'ф',
  h: 'х',
  c: 'ц',
  x: 'кс',
  "'": 'ь',
};
const VOWELS = new Set(['а', 'е', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я']);

/** A lower-case Latin word read back in Cyrillic ("seychas" → «сейчас», "pozhaluysta" → «пожалуйста»). */
export function toCyrillic(word: string): string {
  let out = '';
  let i = 0;
  outer: while (i < word.length) {
    for (const [lat, cyr] of MULTI) {
      if (word.startsWith(lat, i)) {
        out += cyr;
        i += lat.length;
        continue outer;
      }
    }
    const ch = word[i]!;
    if (ch === 'y') out += out && VOWELS.has(out[out.length - 1]!) ? 'й' : 'ы';
    else out += SINGLE[ch] ?? ch;
    i++;
  }
  return out;
}
