import { SIGNAL_IDS, type SignalId } from './signal-ids';
import { isClientWords } from './client-words';
import type { ClassifyInput } from './input';
import { restartStemIdsIfFull, stemIdOf, tokenizeInto, type WordForm } from './text';
import { isStopStem } from './stopwords';
import { grownInts } from './grow';

/** Each signal's strength (0…1) and the raw figure behind it, for the evidence list. */
export type SignalValues = Record<SignalId, { value: number; raw: number }>;

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const FOLLOW_UP_MS = 10 * 60_000;

/** A numbered or bulleted step, tried only where a line starts. */
const STEP_AT = /\s*(?:\d{1,2}[.)]|[-•*]\s|шаг\s*\d|step\s*\d)/iy;
const VERSION = /\b(?:v|версия\s*|version\s*|build\s*)?\d+\.\d+(?:\.\d+)+\b|\b(?:v|build\s*|version\s*|версия\s*)\d+(?:\.\d+)?\b/gi;
const ERROR_CODE =
  /\b(?:error|err|код|code|ошибк\w*|exception|http)\s*[:#№]?\s*[A-Za-z_]*\d{2,}\b|\b[A-Z]{2,}_[A-Z_]{2,}\b|\b(?:4|5)\d\d\b(?=\s*(?:error|ошибк))/g;
const EXPECTED = /\b(?:expected|actual(?:ly)?\s+(?:result|behaviou?r)|ожидал\w*|ожидаем\w*|фактическ\w*|воспроизв\w*|reproduc\w*)\b/gi;
const count = (re: RegExp, s: string) => s.match(re)?.length ?? 0;

const digits = (s: string, from: number, n: number) => {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
};

/**
 * A message time as Date.parse reads it, read directly for the shape helpdesks write (`2026-03-01T10:00:00Z`,
 * with fractions of a second or a `+03:00` offset); anything else goes to Date.parse. A tenth of its cost.
 */
export function isoTime(s: string): number {
  const n = s.length;
  if (n < 20 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58)
    return Date.parse(s);
  let at = 19;
  let ms = 0;
  if (s.charCodeAt(at) === 46) {
    let end = at + 1;
    while (end < n && s.charCodeAt(end) >= 48 && s.charCodeAt(end) <= 57) end++;
    const len = end - at - 1;
    // Milliseconds as 1 to 3 digits; anything finer is for Date.parse.
    if (len < 1 || len > 3) return Date.parse(s);
    ms = digits(s, at + 1, len) * 10 ** (3 - len);
    at = end;
  }
  let offset = 0;
  const z = s.charCodeAt(at);
  if (z === 90 && at + 1 === n) offset = 0;
  else if ((z === 43 || z === 45) && at + 6 === n && s.charCodeAt(at + 3) === 58)
    offset = (z === 43 ? 1 : -1) * (digits(s, at + 1, 2) * 60 + digits(s, at + 4, 2));
  else return Date.parse(s);
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  const h = digits(s, 11, 2);
  const mi = digits(s, 14, 2);
  const sec = digits(s, 17, 2);
  // Anything unusual (hour 24, a day the month has not, an offset beyond ±23:59, years 0–99, which Date.UTC reads as 19xx) is for Date.parse.
  if (
    Number.isNaN(y + mo + d + h + mi + sec + offset) ||
    y < 100 ||
    mo < 1 ||
    mo > 12 ||
    d < 1 ||
    d > daysIn(y, mo) ||
    h > 23 ||
    mi > 59 ||
    sec > 59 ||
    Math.abs(offset) >= 24 * 60
  )
    return Date.parse(s);
  return Date.UTC(y, mo - 1, d, h, mi, sec, ms) - offset * 60_000;
}

const daysIn = (y: number, mo: number) =>
  mo === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;

const isLineEnd = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
const LINE_END = /[\n\r\u2028\u2029]/g;

/**
 * Lines that start with a step ("1.", "- ", "шаг 2"), up to `max`: what /^\s*(…)/gim counts, without trying the
 * pattern at every character.
 */
export function countSteps(s: string, max: number): number {
  let n = 0;
  for (let at = 0; n < max; ) {
    STEP_AT.lastIndex = at;
    if (STEP_AT.test(s)) {
      n++;
      at = STEP_AT.lastIndex;
      if (isLineEnd(s.charCodeAt(at - 1))) continue; // "-\n": the match ended where a line starts
    }
    LINE_END.lastIndex = at;
    if (!LINE_END.test(s)) break;
    at = LINE_END.lastIndex;
  }
  return n;
}

/** Capitals, all letters (Latin and Cyrillic), question and exclamation marks: one pass, no allocation. */
function countMarks(s: string): { upper: number; letters: number; questions: number; exclamations: number } {
  let upper = 0;
  let letters = 0;
  let questions = 0;
  let exclamations = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 0x410 && c <= 0x42f) || c === 0x401) {
      upper++;
      letters++;
    } else if ((c >= 97 && c <= 122) || (c >= 0x430 && c <= 0x44f) || c === 0x451) letters++;
    else if (c === 63) questions++;
    else if (c === 33) exclamations++;
  }
  return { upper, letters, questions, exclamations };
}
/**
 * Cheap looks, in any letter case, for what EXPECTED and ERROR_CODE need, so their full patterns run only where
 * they may match. (Lower-casing the text to look for plain substrings cost three times as much: it was half of
 * measuring behaviour, Cyrillic lower-casing being slow.)
 */
const MAY_EXPECT = /xpect|ctual|ожида|фактич|оспроизв|eproduc/i;
const MAY_ERROR = /err|код|code|ошибк|exception|http|_/i;

/** For topic jumps: per stem id, the message its stem was last seen in (a stamp), reused from call to call. */
let lastSeenIn = new Int32Array(4096);
let seenBase = 0;

/** A word with its cached form: the classifier's tokens, or bare forms when a message was not read yet. */
type Worded = { form: WordForm };
const isContent = (f: WordForm) => (f.content ??= f.stem.length > 2 && !isStopStem(f.stem));

/**
 * Topic jumps: consecutive client messages (of 3+ content words each) sharing under a tenth of their words.
 * One array of stem id → message stamp, stamped per call, instead of a set per message.
 */
function countTopicJumps(messages: readonly (readonly Worded[])[]): { pairs: number; jumps: number } {
  restartStemIdsIfFull();
  // Stamps past every one used before: no earlier call's stamp can read as this call's previous message.
  if (seenBase > 0x3fffffff) {
    lastSeenIn.fill(0);
    seenBase = 0;
  }
  const base = seenBase + 2;
  seenBase = base + messages.length;
  let pairs = 0;
  let jumps = 0;
  let prevSize = 0;
  messages.forEach((tokens, i) => {
    const me = base + i;
    let size = 0;
    let shared = 0;
    for (const t of tokens) {
      const f = t.form;
      if (!isContent(f)) continue;
      const id = stemIdOf(f);
      if (id >= lastSeenIn.length) lastSeenIn = grownInts(lastSeenIn, id + 1);
      const seen = lastSeenIn[id]!;
      if (seen === me) continue;
      size++;
      if (seen === me - 1) shared++;
      lastSeenIn[id] = me;
    }
    if (i > 0 && prevSize >= 3 && size >= 3) {
      pairs++;
      if (shared / Math.min(prevSize, size) < 0.1) jumps++;
    }
    prevSize = size;
  });
  return { pairs, jumps };
}

/** A message's words as bare forms (for a caller that has not read them). */
function formsOf(text: string): Worded[] {
  const out: Worded[] = [];
  tokenizeInto(out, text, 0, text.length, (form) => ({ form }));
  return out;
}

const ZERO = Object.freeze({ value: 0, raw: 0 });
/** Every signal at zero: copied to start each measurement (one copy, not twenty property additions; not frozen, which made the copy slow). */
const ALL_ZERO = Object.fromEntries(SIGNAL_IDS.map((id) => [id, ZERO])) as SignalValues;

/**
 * Measures behaviour (from the client's own messages and their timing) and history.
 * `tokens[i]` may hold message i's words when the caller has them already.
 */
export function measureSignals(input: ClassifyInput, tokens: readonly (readonly Worded[] | null)[] = []): SignalValues {
  const out: SignalValues = { ...ALL_ZERO };
  const set = (id: SignalId, value: number, raw: number) => (out[id] = { value: clamp01(value), raw });
  const msgs = input.messages.filter((m) => m.public !== false || m.author === 'client');
  const clientIdx: number[] = [];
  for (let i = 0; i < input.messages.length; i++) if (isClientWords(input.messages[i]!)) clientIdx.push(i);
  const client = clientIdx.map((i) => input.messages[i]!);
  const n = client.length;

  if (n > 0) {
    // Follow-ups: a client message right after their own previous one, within ten minutes.
    let followUps = 0;
    let prevAt = NaN;
    for (let i = 0; i < msgs.length; i++) {
      const b = msgs[i]!;
      const at = b.author === 'client' && b.at ? isoTime(b.at) : NaN;
      const dt = at - prevAt;
      if (i > 0 && msgs[i - 1]!.author === 'client' && dt >= 0 && dt <= FOLLOW_UP_MS) followUps++;
      prevAt = at;
    }
    set('fastFollowUps', followUps / 2, followUps);

    const lengths = client.map((m) => m.text.length);
    const avg = lengths.reduce((a, b) => a + b, 0) / n;
    set('longMessages', (avg - 250) / 600, Math.round(avg));
    set('manyMessages', (n - 2) / 6, n);

    const all = client.map((m) => m.text).join('\n');
    const { upper, letters, questions, exclamations } = countMarks(all);
    set('questions', questions / n / 3, questions);
    set('exclamations', exclamations / n / 3, exclamations);
    // Shouting: capitals well above what sentence starts and names give (about one letter in twenty).
    const share = letters >= 20 ? upper / letters : 0;
    set('shouting', (share - 0.1) * 3, Math.round(share * 100));

    const { pairs, jumps } = n > 1 ? countTopicJumps(clientIdx.map((i, k) => tokens[i] ?? formsOf(client[k]!.text))) : { pairs: 0, jumps: 0 };
    set('topicJumps', pairs ? (jumps / pairs) * Math.min(1, jumps / 2) : 0, jumps);

    // Versions and error codes need digits: most messages have none, so only those with digits are searched.
    const withDigits = client
      .filter((m) => /\d/.test(m.text))
      .map((m) => m.text)
      .join('\n');
    // The error look runs on all the text, a superset of the messages with digits: it only decides whether to search.
    const structure =
      countSteps(all, 3) / 3 +
      Math.min(count(VERSION, withDigits), 2) / 2 +
      (withDigits && MAY_ERROR.test(all) ? Math.min(count(ERROR_CODE, withDigits), 2) / 2 : 0) +
      (MAY_EXPECT.test(all) ? Math.min(count(EXPECTED, all), 2) / 2 : 0);
    set('structuredReport', structure / 2, Math.round(structure * 100) / 100);
  }

  const h = input.history ?? {};
  if (h.tickets != null) set('historyTickets', Math.log2(1 + h.tickets) / 5, h.tickets);
  if (h.complaints != null) set('historyComplaints', h.complaints / 3, h.complaints);
  if (h.compensationRequests != null) set('historyCompensation', h.compensationRequests / 2, h.compensationRequests);
  if (h.promoTickets != null) set('historyPromo', h.promoTickets / 3, h.promoTickets);
  if (h.satisfactionBad != null) set('historyBadRatings', h.satisfactionBad / 2, h.satisfactionBad);
  if (h.satisfactionGood != null) set('historyGoodRatings', h.satisfactionGood / 3, h.satisfactionGood);
  if (input.deal) set('dealValue', (Math.log10(Math.max(1, input.deal.value)) - 3) / 3, input.deal.value);
  return out;
}
