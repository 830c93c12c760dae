import type { Cue } from '../pack/schema';
import type { ClientTypeId } from '../taxonomy';
import { NEGATORS, normalizeWord, stem, type Token } from './text';

/** One word of a cue: an exact stem, or a raw-word prefix (written `компенс*` in the pack). */
type CueWord = { stem: string } | { prefix: string };

export interface CompiledCue {
  type: ClientTypeId;
  text: string;
  weight: number;
  words: CueWord[];
}

/** Cues indexed by the stem of their first word; prefix-first cues are tried on every word. */
export interface CueIndex {
  byFirstStem: Map<string, CompiledCue[]>;
  /** Cues whose first word is a prefix, by the prefix's first two letters. */
  prefixFirst: Map<string, CompiledCue[]>;
  size: number;
}

const push = <K, V>(map: Map<K, V[]>, key: K, v: V) => {
  const list = map.get(key);
  if (list) list.push(v);
  else map.set(key, [v]);
};

export function compileCue(type: ClientTypeId, cue: Cue): CompiledCue | null {
  const words: CueWord[] = [];
  for (const raw of cue.text.split(/\s+/)) {
    const isPrefix = raw.endsWith('*');
    const norm = normalizeWord(raw.replace(/\*$/, '')).replace(/[^\p{L}\p{N}']/gu, '');
    if (!norm) continue;
    words.push(isPrefix ? { prefix: norm } : { stem: stem(norm) });
  }
  return words.length ? { type, text: cue.text, weight: cue.weight, words } : null;
}

export function buildCueIndex(cues: Iterable<[ClientTypeId, Cue]>): CueIndex {
  const index: CueIndex = { byFirstStem: new Map(), prefixFirst: new Map(), size: 0 };
  for (const [type, cue] of cues) {
    const c = compileCue(type, cue);
    if (!c) continue;
    index.size++;
    const first = c.words[0]!;
    if ('prefix' in first) push(index.prefixFirst, first.prefix.slice(0, 2), c);
    else push(index.byFirstStem, first.stem, c);
  }
  return index;
}

const wordMatches = (w: CueWord, t: Token) => ('stem' in w ? t.stem === w.stem : t.norm.startsWith(w.prefix));

/** True when one of the two words before position `i` negates what follows. */
function negatedAt(tokens: Token[], i: number): boolean {
  for (let j = Math.max(0, i - 2); j < i; j++) if (NEGATORS.has(tokens[j]!.norm)) return true;
  return false;
}

export interface CueHit {
  cue: CompiledCue;
  /** Token range [from, to) within the message. */
  from: number;
  to: number;
  negated: boolean;
}

/** Every cue occurrence in one message's tokens. */
export function matchCues(tokens: Token[], index: CueIndex): CueHit[] {
  const hits: CueHit[] = [];
  const tryCue = (c: CompiledCue, i: number) => {
    if (i + c.words.length > tokens.length) return;
    for (let k = 1; k < c.words.length; k++) if (!wordMatches(c.words[k]!, tokens[i + k]!)) return;
    hits.push({ cue: c, from: i, to: i + c.words.length, negated: negatedAt(tokens, i) });
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const list = index.byFirstStem.get(t.stem);
    if (list) for (const c of list) tryCue(c, i);
    const byPrefix = index.prefixFirst.get(t.head);
    if (byPrefix) for (const c of byPrefix) if (wordMatches(c.words[0]!, t)) tryCue(c, i);
  }
  return hits;
}
