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

/**
 * Which text features a conversation has and where: word and stem unigrams and bigrams (`w:…`, `s:…`) of the
 * client's own words. Each feature lists the tokens it came from (index into `flat`; a bigram names its first).
 */
export interface TextFeatures {
  flat: ClientToken[];
  occurrences: Map<string, number[]>;
}

export function textFeatures(words: ClientWords): TextFeatures {
  const flat: ClientToken[] = [];
  const occurrences = new Map<string, number[]>();
  const add = (f: string, at: number) => {
    const list = occurrences.get(f);
    if (list) list.push(at);
    else occurrences.set(f, [at]);
  };
  for (const message of words.tokens) {
    if (!message) continue;
    let prevW = '';
    let prevS = '';
    for (const t of message) {
      const at = flat.push(t) - 1;
      const w = shape(t.norm);
      const s = shape(t.stem);
      add(`w:${w}`, at);
      add(`s:${s}`, at);
      if (prevW) {
        add(`w:${prevW} ${w}`, at - 1);
        add(`s:${prevS} ${s}`, at - 1);
      }
      prevW = w;
      prevS = s;
    }
  }
  return { flat, occurrences };
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
