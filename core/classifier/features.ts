import { ownWordSpans } from './client-text';
import { isClientWords, type ClassifyInput } from './input';
import { measureSignals, type SignalValues } from './signals';
import { tokenize, type Token } from './text';

/** A word of the client's own text: where it stands (message index, range in that message's original text). */
export interface ClientToken extends Token {
  message: number;
}

/** The client's own words, message by message, with agents' replies, quotes, signatures and footers left out. */
export interface ClientWords {
  /** Per message of the input: its own words, or null when the message is not the client's. */
  tokens: (ClientToken[] | null)[];
  /** The input with each client message cut to the client's own words (what behaviour is measured on). */
  own: ClassifyInput;
}

export function clientWords(input: ClassifyInput): ClientWords {
  const tokens: ClientWords['tokens'] = [];
  const messages = input.messages.map((m, message) => {
    if (!isClientWords(m)) {
      tokens.push(null);
      return m;
    }
    const spans = ownWordSpans(m.text);
    const own: ClientToken[] = [];
    for (const [a, b] of spans) for (const t of tokenize(m.text.slice(a, b))) own.push({ ...t, start: t.start + a, end: t.end + a, message });
    tokens.push(own);
    return spans.length === 1 && spans[0]![0] === 0 && spans[0]![1] === m.text.length ? m : { ...m, text: spans.map(([a, b]) => m.text.slice(a, b)).join('\n') };
  });
  return { tokens, own: { ...input, messages } };
}

/** Digits carry order numbers and dates, not a type: every run of digits reads as one sign. */
const shape = (s: string) => (/\d/.test(s) ? s.replace(/\d+/g, '#') : s);

/** Per word form: its shaped stem and that stem's feature name (built once, not per token). */
interface Shaped {
  s: string;
  sKey: string;
}
const shapedCache = new Map<string, Shaped>();
function shaped(t: Token): Shaped {
  let x = shapedCache.get(t.norm);
  if (!x) {
    const s = shape(t.stem);
    x = { s, sKey: `s:${s}` };
    if (shapedCache.size > 50_000) shapedCache.clear();
    shapedCache.set(t.norm, x);
  }
  return x;
}

/** Slots per token in `TextFeatures.slots`: its stem, and the stem pair it starts. */
export const SLOTS_PER_TOKEN = 2;
/** Which slots of a token are pairs (their weight is shared with the next word). */
export const PAIR_SLOT = 1;

/**
 * Which text features a conversation has: stem unigrams and bigrams (`s:…`, `s:a b`) of the client's own words.
 * (Word forms as well were measured: on writers the model never saw they added nothing and doubled the model.)
 * Each distinct feature has a slot with its count; each token lists the slots of the features it starts (-1 for
 * none), so a feature's weight can be given back to the words it came from.
 */
export interface TextFeatures {
  flat: ClientToken[];
  keys: string[];
  counts: number[];
  /** SLOTS_PER_TOKEN per token of `flat`. */
  slots: Int32Array;
}

export function textFeatures(words: ClientWords): TextFeatures {
  const flat: ClientToken[] = [];
  for (const message of words.tokens) if (message) for (const t of message) flat.push(t);
  const keys: string[] = [];
  const counts: number[] = [];
  const slotOf = new Map<string, number>();
  const slots = new Int32Array(flat.length * SLOTS_PER_TOKEN).fill(-1);
  const add = (f: string, at: number) => {
    let slot = slotOf.get(f);
    if (slot === undefined) {
      slot = keys.push(f) - 1;
      counts.push(0);
      slotOf.set(f, slot);
    }
    counts[slot]!++;
    slots[at] = slot;
  };
  let prev: Shaped | undefined;
  let prevMessage = -1;
  flat.forEach((t, i) => {
    const x = shaped(t);
    const at = i * SLOTS_PER_TOKEN;
    add(x.sKey, at);
    // Pairs stay within a message.
    if (prev && prevMessage === t.message) add(`s:${prev.s} ${x.s}`, at - SLOTS_PER_TOKEN + PAIR_SLOT);
    prev = x;
    prevMessage = t.message;
  });
  return { flat, keys, counts, slots };
}

/** Everything the model reads of one conversation. */
export interface CaseFeatures {
  words: ClientWords;
  text: TextFeatures;
  signals: SignalValues;
}

export function caseFeatures(input: ClassifyInput): CaseFeatures {
  const words = clientWords(input);
  return { words, text: textFeatures(words), signals: measureSignals(words.own, words.tokens) };
}
