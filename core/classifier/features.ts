import { ownWordSpans } from './client-text';
import { isClientWords } from './client-words';
import type { ClassifyInput } from './input';
import { measureSignals, type SignalValues } from './signals';
import { normalizeWord, tokenizeInto, wordFormOf, type Token, type WordForm } from './text';
import { looksTranslit, toCyrillic } from './translit';
import { grownInts } from './grow';

/**
 * A word of the client's own text: where it stands (message index, range in that message's original text), and
 * its cached word form, whose normal form, stem and head it reads through (four fields a token, not seven:
 * a ticket's words are allocated on every classification).
 */
export class ClientToken implements Token {
  constructor(
    /** The cached word form behind this token (shared by every token of the same spelling). */
    public form: WordForm,
    public start: number,
    public end: number,
    public message: number,
  ) {}
  get norm(): string {
    return this.form.norm;
  }
  get stem(): string {
    return this.form.stem;
  }
  get head(): string {
    return this.form.head;
  }
}

/** The client's own words, message by message, with agents' replies, quotes, signatures and footers left out. */
export interface ClientWords {
  /** Per message of the input: its own words, or null when the message is not the client's. */
  tokens: (ClientToken[] | null)[];
  /** The input with each client message cut to the client's own words (what behaviour is measured on). */
  own: ClassifyInput;
}

/**
 * How many of the client's words are read: the newest ones. The labelled conversations have at most about 400,
 * so the window loses nothing the model was checked on, and it keeps the work bounded for a ticket of hundreds
 * of messages or a pasted megabyte.
 */
export const WORD_WINDOW = 1000;

/** A message before the window: nobody's words, and it breaks a run of follow-ups. */
const BEFORE_WINDOW = { author: 'system', text: '' } as const;

export function clientWords(input: ClassifyInput): ClientWords {
  const tokens: ClientWords['tokens'] = new Array(input.messages.length).fill(null);
  const messages: ClassifyInput['messages'] = [...input.messages];
  let read = 0;
  let first = 0;
  // Newest first, until the window is full.
  for (let message = input.messages.length - 1; message >= 0; message--) {
    const m = input.messages[message]!;
    if (!isClientWords(m)) continue;
    if (read >= WORD_WINDOW) {
      first = message + 1;
      break;
    }
    const spans = ownWordSpans(m.text);
    const own: ClientToken[] = [];
    for (const [a, b] of spans) tokenizeInto(own, m.text, a, b, (w, start, end) => new ClientToken(w, start, end, message), WORD_WINDOW - read);
    if (own.length >= 2 && own.some(isMarker) && looksTranslit(own.map((t) => t.norm))) for (const t of own) readAsCyrillic(t);
    const full = own.length >= WORD_WINDOW - read;
    read += own.length;
    tokens[message] = own;
    // Behaviour is measured on the same words: a message cut by the window ends at its last word read.
    if (full && own.length) messages[message] = { ...m, text: m.text.slice(own[0]!.start, own[own.length - 1]!.end) };
    else if (!(spans.length === 1 && spans[0]![0] === 0 && spans[0]![1] === m.text.length))
      messages[message] = { ...m, text: spans.map(([a, b]) => m.text.slice(a, b)).join('\n') };
  }
  for (let i = 0; i < first; i++) messages[i] = BEFORE_WINDOW;
  return { tokens, own: { ...input, messages } };
}

const isMarker = (t: ClientToken) => t.form.marker;

/** A Latin word of a translit message takes the form of its Cyrillic reading (cached on the form; other words keep theirs). */
function readAsCyrillic(t: ClientToken): void {
  t.form = t.form.cyrillic ??= /^[a-z']+$/.test(t.norm) ? wordFormOf(normalizeWord(toCyrillic(t.norm))) : t.form;
}

/** Digits carry order numbers and dates, not a type: every run of digits reads as one sign. */
const shape = (s: string) => (/\d/.test(s) ? s.replace(/\d+/g, '#') : s);

/**
 * Feature names are interned: each distinct name gets a small integer id once, and a word form keeps the id of
 * its stem feature and of the pairs it starts, so reading a conversation looks up integers, not strings. The
 * table is bounded: once past FEATURE_LIMIT names, the next read starts it afresh (a new generation; ids of the
 * old one are void). It is never reset during a read, so one read's ids all belong to one generation.
 */
const FEATURE_LIMIT = 500_000;
let featureNames: string[] = [];
let featureIds = new Map<string, number>();
let generation = 0;

/** The interned id of a feature name. */
function featureId(name: string): number {
  let id = featureIds.get(name);
  if (id === undefined) {
    id = featureNames.push(name) - 1;
    featureIds.set(name, id);
  }
  return id;
}

/** The name of an interned feature (of the current generation). */
export const featureName = (id: number): string => featureNames[id]!;
/** Bumps when the interned ids start afresh: caches keyed by feature id must be dropped. */
export const featureGeneration = () => generation;

/**
 * Pair feature ids by the ids of their two stems: an open-addressing table of integers (a Map keyed by objects
 * or strings cost a third of the classifier's time). Emptied with each new generation.
 */
let pairA = new Int32Array(1 << 14).fill(-1);
let pairB = new Int32Array(1 << 14);
let pairId = new Int32Array(1 << 14);
let pairCount = 0;

function pairSlot(a: number, b: number, keysA: Int32Array, keysB: Int32Array): number {
  const mask = keysA.length - 1;
  let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & mask;
  while (keysA[h] !== -1 && (keysA[h] !== a || keysB[h] !== b)) h = (h + 1) & mask;
  return h;
}

/** The feature id of the stem pair of two word forms whose stem features are current. */
function pairFeature(prev: WordForm, next: WordForm): number {
  const a = prev.feature;
  const b = next.feature;
  let h = pairSlot(a, b, pairA, pairB);
  if (pairA[h] !== -1) return pairId[h]!;
  if ((pairCount + 1) * 2 > pairA.length) {
    const [oldA, oldB, oldId] = [pairA, pairB, pairId];
    pairA = new Int32Array(oldA.length * 2).fill(-1);
    pairB = new Int32Array(oldA.length * 2);
    pairId = new Int32Array(oldA.length * 2);
    for (let i = 0; i < oldA.length; i++) {
      if (oldA[i] === -1) continue;
      const j = pairSlot(oldA[i]!, oldB[i]!, pairA, pairB);
      pairA[j] = oldA[i]!;
      pairB[j] = oldB[i]!;
      pairId[j] = oldId[i]!;
    }
    h = pairSlot(a, b, pairA, pairB);
  }
  pairA[h] = a;
  pairB[h] = b;
  pairCount++;
  return (pairId[h] = featureId(`s:${prev.featureStem} ${next.featureStem}`));
}

/** A word form's stem feature (its stem, digits folded), made current for this generation of ids. */
function withFeature(form: WordForm): WordForm {
  if (form.featureGeneration !== generation) {
    form.featureStem = shape(form.stem);
    form.feature = featureId(`s:${form.featureStem}`);
    form.featureGeneration = generation;
  }
  return form;
}

/** Slots per token in `TextFeatures.slots`: its stem, and the stem pair it starts. */
export const SLOTS_PER_TOKEN = 2;
/** Which slots of a token are pairs (their weight is shared with the next word). */
export const PAIR_SLOT = 1;

/**
 * Which text features a conversation has: stem unigrams and bigrams (`s:…`, `s:a b`) of the client's own words.
 * (Word forms as well were measured: on writers the model never saw they added nothing and doubled the model.)
 * Each distinct feature has a slot with its interned id and count; each token lists the slots of the features
 * it starts (-1 for none), so a feature's weight can be given back to the words it came from.
 */
export interface TextFeatures {
  flat: ClientToken[];
  /** Per slot: the feature's interned id (see `featureName`) and how often it occurs. */
  ids: number[];
  counts: number[];
  /** SLOTS_PER_TOKEN per token of `flat` (a plain array: a typed one cost more to allocate than it saved). */
  slots: number[];
}

// Which slot a feature id has in the conversation being read: valid where stamp[id] === the current read.
let slotOfId = new Int32Array(1024);
let stampOfId = new Int32Array(1024);
let read = 0;

export function textFeatures(words: ClientWords): TextFeatures {
  const flat: ClientToken[] = [];
  for (const message of words.tokens) if (message) for (const t of message) flat.push(t);
  const ids: number[] = [];
  const counts: number[] = [];
  const slots: number[] = new Array(flat.length * SLOTS_PER_TOKEN).fill(-1);
  if (featureNames.length >= FEATURE_LIMIT) {
    featureNames = [];
    featureIds = new Map();
    pairA = new Int32Array(1 << 14).fill(-1);
    pairB = new Int32Array(1 << 14);
    pairId = new Int32Array(1 << 14);
    pairCount = 0;
    generation++;
  }
  const forms = flat.map((t) => withFeature(t.form));
  read = (read + 1) | 0;
  const add = (id: number, at: number) => {
    if (id >= stampOfId.length) {
      slotOfId = grownInts(slotOfId, id + 1);
      stampOfId = grownInts(stampOfId, id + 1);
    }
    let slot: number;
    if (stampOfId[id] === read) slot = slotOfId[id]!;
    else {
      slot = ids.push(id) - 1;
      counts.push(0);
      stampOfId[id] = read;
      slotOfId[id] = slot;
    }
    counts[slot]!++;
    slots[at] = slot;
  };
  for (let i = 0; i < flat.length; i++) {
    const x = forms[i]!;
    const at = i * SLOTS_PER_TOKEN;
    add(x.feature, at);
    // Pairs stay within a message.
    if (i > 0 && flat[i - 1]!.message === flat[i]!.message) {
      add(pairFeature(forms[i - 1]!, x), at - SLOTS_PER_TOKEN + PAIR_SLOT);
    }
  }
  return { flat, ids, counts, slots };
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
