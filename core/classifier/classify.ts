import type { StrategyPack } from '../pack/schema';
import { typeTag } from '../team-tags';
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
  | { kind: 'learned'; type: TypeVerdict; contribution: number; words: string[]; quotes: Quote[] }
  /** The team's verdict: the client carries the type's tag in the helpdesk (core/team-tags.ts). */
  | { kind: 'team'; type: TypeVerdict; contribution: number; tag: string };

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

/** What a teammate's confirmed type (a helpdesk tag) adds to that type's log-odds. */
export const TEAM_WEIGHT = 3;

/** Repeated use of a cue counts, with diminishing returns. */
const repeatFactor = (n: number) => 1 + 0.5 * Math.log(n);
/** Words shown as evidence: at most this many per answer. */
const WORDS_PER_TYPE = 6;
const MIN_SHOWN = 0.01;
/** Behaviour moves scores by little; below this it is not worth a line. */
const MIN_SIGNAL = 0.05;

const quoteOf = (t: ClientToken, last: ClientToken, text: string): Quote => ({
  message: t.message,
  start: t.start,
  end: last.end,
  text: text.slice(t.start, last.end),
});

// Working arrays for the evidence, reused from one call to the next (classify runs to the end synchronously).
const scratchArrays: Float64Array[] = [new Float64Array(4096), new Float64Array(4096)];
function scratch(which: number, size: number): Float64Array {
  let a = scratchArrays[which]!;
  if (a.length < size) a = scratchArrays[which] = new Float64Array(Math.max(size, a.length * 2));
  a.fill(0, 0, size);
  return a;
}

let scratchInt = new Int32Array(1024);
/** A reused array of `size` integers, all -1. */
function scratchInts(size: number): Int32Array {
  if (scratchInt.length < size) scratchInt = new Int32Array(Math.max(size, scratchInt.length * 2));
  scratchInt.fill(-1, 0, size);
  return scratchInt;
}

const isNumber = (s: string) => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
};

/** Of `words` (unigram slots), the `n` with the largest positive share of answer `k` (at least MIN_SHOWN), largest first. */
function topWords(sum: Float64Array, words: readonly number[], k: number, n: number): number[] {
  const top: number[] = [];
  for (const u of words) {
    const v = sum[u * K + k]!;
    if (v <= MIN_SHOWN || (top.length === n && v <= sum[top[n - 1]! * K + k]!)) continue;
    let at = top.length < n ? top.length : n - 1;
    while (at > 0 && sum[top[at - 1]! * K + k]! < v) at--;
    top.splice(at, 0, u);
    if (top.length > n) top.pop();
  }
  return top;
}

/**
 * Evidence by strength, strongest first (stable). The entries come in four shapes, so the comparison reads a
 * typed array of strengths rather than the entries themselves (a comparator over mixed shapes was a sixth of
 * the classifier's time).
 */
function strongestFirst(evidence: Evidence[]): Evidence[] {
  const n = evidence.length;
  const strength = new Float64Array(n);
  for (let i = 0; i < n; i++) strength[i] = Math.abs(evidence[i]!.contribution);
  const order = new Int32Array(n);
  if (n > 96) {
    // Many team cues: the library sort (stable), on the strengths.
    const sorted = Array.from(order.keys()).sort((a, b) => strength[b]! - strength[a]!);
    return sorted.map((i) => evidence[i]!);
  }
  // Insertion sort of indexes: a few dozen entries, and no call per comparison.
  for (let i = 0; i < n; i++) {
    let at = i;
    while (at > 0 && strength[order[at - 1]!]! < strength[i]!) {
      order[at] = order[at - 1]!;
      at--;
    }
    order[at] = i;
  }
  const out = new Array<Evidence>(n);
  for (let i = 0; i < n; i++) out[i] = evidence[order[i]!]!;
  return out;
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

  // The model's words: each feature's share of every answer's score, given back to the words it came from. A
  // word is its stem's unigram slot (forms of one word fold together); a word pair gives half to each word.
  const { flat, counts, slots } = features.text;
  const slotCount = counts.length;
  const sum = scratch(0, slotCount * K);
  const pairShare = scratch(1, slotCount * K);
  const w = model.weights;
  for (let j = 0; j < v.idx.length; j++) {
    const row = v.idx[j]! * K;
    const s = v.slot[j]!;
    const whole = (v.val[j]! / T) * model.weightUnit;
    // A unigram's slot is its word: its whole share stays there. A pair's share per occurrence waits for the words.
    const half = 0.5 / counts[s]!;
    for (let k = 0; k < K; k++) {
      const x = whole * w[row + k]!;
      sum[s * K + k] = x;
      pairShare[s * K + k] = x * half;
    }
  }
  // Per unigram slot: the token where the word first appears, or -1 (-2: not a word worth showing).
  const firstAt = scratchInts(slotCount);
  const words: number[] = [];
  for (let i = 0; i < flat.length; i++) {
    const u = slots[i * SLOTS_PER_TOKEN]!;
    if (firstAt[u] !== -1) continue;
    const t = flat[i]!;
    const shown = t.norm.length >= 2 && !isStopStem(t.stem) && !isNumber(t.norm);
    firstAt[u] = shown ? i : -2;
    if (shown) words.push(u);
  }
  for (let i = 0; i + 1 < flat.length; i++) {
    const pair = slots[i * SLOTS_PER_TOKEN + PAIR_SLOT]!;
    if (pair < 0) continue;
    const a = slots[i * SLOTS_PER_TOKEN]! * K;
    const b = slots[(i + 1) * SLOTS_PER_TOKEN]! * K;
    const p = pair * K;
    for (let k = 0; k < K; k++) {
      const x = pairShare[p + k]!;
      sum[a + k]! += x;
      sum[b + k]! += x;
    }
  }
  const texts = input.messages.map((m) => m.text);
  for (let k = 0; k < K; k++) {
    for (const u of topWords(sum, words, k, WORDS_PER_TYPE)) {
      const t = flat[firstAt[u]!]!;
      const quote = quoteOf(t, t, texts[t.message]!);
      evidence.push({ kind: 'word', type: MODEL_LABELS[k]!, contribution: sum[u * K + k]!, word: quote.text, count: counts[u]!, quote });
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
      if (Math.abs(contribution) >= MIN_SIGNAL)
        evidence.push({ kind: 'signal', type: MODEL_LABELS[k]!, contribution, signal: id, value: features.signals[id].value, raw: features.signals[id].raw });
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
      perCue.set(hit.cue, {
        type: hit.cue.type,
        cue: hit.cue.text,
        weight: hit.cue.weight,
        count: 1,
        quote: quoteOf(first, tokens[hit.to - 1]!, texts[first.message]!),
      });
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

  // The team's verdict, from the helpdesk's tags: strong evidence (e³, twenty times the odds), not a certainty.
  for (const t of input.teamTypes ?? []) {
    scores[labelIndex(t)]! += TEAM_WEIGHT;
    evidence.push({ kind: 'team', type: t, contribution: TEAM_WEIGHT, tag: typeTag(t) });
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
  const probabilities = {} as Record<TypeVerdict, number>;
  for (let k = 0; k < K; k++) probabilities[MODEL_LABELS[k]!] = probs[k]!;
  let best = 0;
  for (let k = 1; k < K; k++) if (probs[k]! > probs[best]!) best = k;
  return { type: MODEL_LABELS[best]!, confidence: probs[best]!, probabilities, scores, modelLogits: base, evidence: strongestFirst(evidence) };
}
