import type { StrategyPack } from '../pack/schema';
import { CLIENT_TYPES, type ClientTypeId, type TypeVerdict } from '../taxonomy';
import { matchCues, type CueHit, type CueIndex } from './cues';
import { caseFeatures, PAIR_SLOT, SLOTS_PER_TOKEN, type ClientToken } from './features';
import type { ClassifyInput } from './input';
import { learnedScores, type LearnedModel } from './learner';
import { compileModel } from './model';
import type { SignalId } from './signal-ids';
import { isStopStem } from './stopwords';
import { calibratedLogits, K, MODEL_LABELS, modelScores, probabilities as withDoubt, vectorise, type TypeModel } from './type-model';

/** Where a quote stands: message index in the input, character span in that message's text. */
export interface Quote {
  message: number;
  start: number;
  end: number;
  text: string;
}

/** One reason the classifier gave a type points (or took them away). */
export type Evidence =
  /** The trained model: a word of the client's (its forms, stem and the word pairs it is in, folded together); `word` as first written. */
  | { kind: 'word'; type: TypeVerdict; contribution: number; word: string; count: number; quote: Quote }
  /** A team pack's cue. */
  | { kind: 'cue'; type: TypeVerdict; contribution: number; cue: string; count: number; quote: Quote }
  | { kind: 'signal'; type: TypeVerdict; contribution: number; signal: SignalId; value: number; raw: number }
  | { kind: 'learned'; type: TypeVerdict; contribution: number; words: string[]; quotes: Quote[] };

export interface Classification {
  /** The most likely answer: a type, or `unknown` when no type stands out. */
  type: TypeVerdict;
  /** Calibrated probability of the answer given. */
  confidence: number;
  /** A calibrated probability for every type and for `unknown`; they sum to 1. */
  probabilities: Record<TypeVerdict, number>;
  /**
   * Final log-odds per answer, in `MODEL_LABELS` order: the model's calibrated log-odds plus team cues and local
   * learning. Every evidence contribution is in these units.
   */
  scores: number[];
  /** The model's own calibrated log-odds (no team cues, no local learning): what a correction is learned against. */
  modelLogits: number[];
  /** Every reason, strongest first, for every answer (alternatives are never hidden). */
  evidence: Evidence[];
}

/** What the classifier runs on: the trained model, the effective pack (team cues) and the agent's corrections. */
export interface Classifier {
  model: TypeModel;
  pack: StrategyPack;
  learned?: LearnedModel;
}

/** Repeated use of a cue counts, with diminishing returns. */
const repeatFactor = (n: number) => 1 + 0.5 * Math.log(n);
/** Words shown as evidence: at most this many per answer. */
const WORDS_PER_TYPE = 6;
const MIN_SHOWN = 0.01;
/** Behaviour moves scores by little; below this it is not worth a line. */
const MIN_SIGNAL = 0.05;

const quoteOf = (t: ClientToken, last: ClientToken, text: string): Quote => ({ message: t.message, start: t.start, end: last.end, text: text.slice(t.start, last.end) });

// Working arrays for the evidence, reused from one call to the next (classify runs to the end synchronously).
const scratchArrays: Float64Array[] = [new Float64Array(4096), new Float64Array(4096)];
function scratch(which: number, size: number): Float64Array {
  let a = scratchArrays[which]!;
  if (a.length < size) a = scratchArrays[which] = new Float64Array(Math.max(size, a.length * 2));
  a.fill(0, 0, size);
  return a;
}

const isNumber = (s: string) => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
};

/** The `n` words with the largest positive share of answer `k` (at least MIN_SHOWN), largest first. */
function topWords(sum: Float64Array, words: number, k: number, n: number): number[] {
  const top: number[] = [];
  for (let wi = 0; wi < words; wi++) {
    const v = sum[wi * K + k]!;
    if (v <= MIN_SHOWN || (top.length === n && v <= sum[top[n - 1]! * K + k]!)) continue;
    let at = top.length < n ? top.length : n - 1;
    while (at > 0 && sum[top[at - 1]! * K + k]! < v) at--;
    top.splice(at, 0, wi);
    if (top.length > n) top.pop();
  }
  return top;
}

/** A team pack's cues in one message: each word counts for at most one cue (the longest, then the heaviest). */
function cueHits(tokens: ClientToken[], cues: CueIndex): CueHit[] {
  const hits = matchCues(tokens, cues).filter((h) => !h.negated);
  if (hits.length < 2) return hits;
  hits.sort((a, b) => b.to - b.from - (a.to - a.from) || b.cue.weight - a.cue.weight || a.from - b.from);
  const taken = new Uint8Array(tokens.length);
  return hits.filter((h) => {
    for (let i = h.from; i < h.to; i++) if (taken[i]) return false;
    taken.fill(1, h.from, h.to);
    return true;
  });
}

/**
 * Decides the client's behaviour type from their own words: the trained model's scores, a team pack's cues
 * and signal weights on top, and what this agent's corrections taught. Pure and synchronous.
 */
export function classify(input: ClassifyInput, { model, pack, learned }: Classifier): Classification {
  const features = caseFeatures(input);
  const v = vectorise(model, features);
  const T = model.file.temperature;
  const base = calibratedLogits(modelScores(model, v), T, model.file.unknownBias);
  const scores = [...base];
  const evidence: Evidence[] = [];
  const labelIndex = (t: TypeVerdict) => MODEL_LABELS.indexOf(t);

  // The model's words: each feature's share of every answer's score, given back to the tokens it came from
  // (a word pair gives half to each word), then gathered by word.
  const { flat, counts, slots } = features.text;
  const perSlot = scratch(0, counts.length * K);
  const w = model.weights;
  for (let j = 0; j < v.idx.length; j++) {
    const base = v.idx[j]! * K;
    const s = v.slot[j]!;
    const share = v.val[j]! / counts[s]! / T;
    for (let k = 0; k < K; k++) perSlot[s * K + k] = share * w[base + k]!;
  }
  // Forms of one word fold together (by stem): each token's word, the quote where the word first appears.
  const wordOf = new Map<string, number>();
  const first: number[] = [];
  const count: number[] = [];
  const wordOfToken = new Int32Array(flat.length).fill(-1);
  for (let i = 0; i < flat.length; i++) {
    const t = flat[i]!;
    if (t.norm.length < 2 || isStopStem(t.stem) || isNumber(t.norm)) continue;
    let wi = wordOf.get(t.stem);
    if (wi === undefined) {
      wi = first.push(i) - 1;
      count.push(0);
      wordOf.set(t.stem, wi);
    }
    count[wi]!++;
    wordOfToken[i] = wi;
  }
  const sum = scratch(1, first.length * K);
  const addTo = (wi: number, s: number, part: number) => {
    if (wi < 0) return;
    for (let k = 0; k < K; k++) sum[wi * K + k]! += part * perSlot[s * K + k]!;
  };
  for (let i = 0; i < flat.length; i++) {
    const unigram = slots[i * SLOTS_PER_TOKEN]!;
    if (unigram >= 0) addTo(wordOfToken[i]!, unigram, 1);
    const pair = slots[i * SLOTS_PER_TOKEN + PAIR_SLOT]!;
    if (pair >= 0) {
      addTo(wordOfToken[i]!, pair, 0.5);
      addTo(wordOfToken[i + 1]!, pair, 0.5);
    }
  }
  const texts = input.messages.map((m) => m.text);
  for (let k = 0; k < K; k++) {
    for (const wi of topWords(sum, first.length, k, WORDS_PER_TYPE)) {
      const t = flat[first[wi]!]!;
      const quote = quoteOf(t, t, texts[t.message]!);
      evidence.push({ kind: 'word', type: MODEL_LABELS[k]!, contribution: sum[wi * K + k]!, word: quote.text, count: count[wi]!, quote });
    }
  }

  // Behaviour: small by construction (the model caps these weights). Shown only for behaviour that is there
  // ("3 follow-ups within minutes"), not for what is missing, though both count in the score.
  const bw = model.file.behaviour.weights;
  v.behaviour.forEach((z, j) => {
    const id = model.signals[j]!;
    if (!features.signals[id].value) return;
    for (let k = 0; k < K; k++) {
      const contribution = (z * bw[j * K + k]!) / T;
      if (Math.abs(contribution) >= MIN_SIGNAL) evidence.push({ kind: 'signal', type: MODEL_LABELS[k]!, contribution, signal: id, value: features.signals[id].value, raw: features.signals[id].raw });
    }
  });

  // A team pack's cues and signal weights add to the model's log-odds: a cue of weight 2 multiplies its type's odds by e².
  const compiled = compileModel(pack);
  const perCue = new Map<object, { type: ClientTypeId; cue: string; weight: number; count: number; quote: Quote }>();
  for (const tokens of compiled.cues.size ? features.words.tokens : []) {
    if (!tokens?.length) continue;
    for (const hit of cueHits(tokens, compiled.cues)) {
      const seen = perCue.get(hit.cue);
      if (seen) {
        seen.count++;
        continue;
      }
      const first = tokens[hit.from]!;
      perCue.set(hit.cue, { type: hit.cue.type, cue: hit.cue.text, weight: hit.cue.weight, count: 1, quote: quoteOf(first, tokens[hit.to - 1]!, texts[first.message]!) });
    }
  }
  for (const c of perCue.values()) {
    const contribution = c.weight * repeatFactor(c.count);
    scores[labelIndex(c.type)]! += contribution;
    evidence.push({ kind: 'cue', type: c.type, contribution, cue: c.cue, count: c.count, quote: c.quote });
  }
  for (const t of CLIENT_TYPES) {
    scores[labelIndex(t)]! += compiled.priors[t];
    for (const [id, weight] of Object.entries(compiled.signals[t]) as [SignalId, number][]) {
      const s = features.signals[id];
      if (!s.value || !weight) continue;
      const contribution = weight * s.value;
      scores[labelIndex(t)]! += contribution;
      evidence.push({ kind: 'signal', type: t, contribution, signal: id, value: s.value, raw: s.raw });
    }
  }

  // What the agent's corrections taught.
  if (learned?.examples) {
    const byType = learnedScores(learned, features.words.tokens, texts);
    byType.forEach(({ score, words, quotes }, k) => {
      if (Math.abs(score) < MIN_SHOWN) return;
      scores[k]! += score;
      evidence.push({ kind: 'learned', type: MODEL_LABELS[k]!, contribution: score, words, quotes });
    });
  }

  const probs = withDoubt(scores, model.file.smoothing);
  const probabilities = Object.fromEntries(MODEL_LABELS.map((l, k) => [l, probs[k]!])) as Record<TypeVerdict, number>;
  let best = 0;
  for (let k = 1; k < K; k++) if (probs[k]! > probs[best]!) best = k;
  const strength = (e: Evidence) => (e.contribution < 0 ? -e.contribution : e.contribution);
  evidence.sort((a, b) => strength(b) - strength(a));
  return { type: MODEL_LABELS[best]!, confidence: probs[best]!, probabilities, scores, modelLogits: base, evidence };
}
