import type { StrategyPack } from '../pack/schema';
import { CLIENT_TYPES, type ClientTypeId, type TypeVerdict } from '../taxonomy';
import { matchCues } from './cues';
import { isClientWords, type ClassifyInput } from './input';
import { clientStems, learnedScores, type LearnedModel } from './learner';
import { compileModel } from './model';
import { measureSignals } from './signals';
import type { SignalId } from './signal-ids';
import { tokenize } from './text';

/** Where a quote stands: message index in the input, character span in that message's text. */
export interface Quote {
  message: number;
  start: number;
  end: number;
  text: string;
}

/** One reason the classifier gave a type points (or took them away). */
export type Evidence =
  | { kind: 'cue'; type: ClientTypeId; contribution: number; cue: string; count: number; quote: Quote }
  | { kind: 'signal'; type: ClientTypeId; contribution: number; signal: SignalId; value: number; raw: number }
  | { kind: 'learned'; type: ClientTypeId; contribution: number; words: string[]; quotes: Quote[] };

export interface Classification {
  /** The most likely type, or `unknown` when no type has enough evidence. */
  type: TypeVerdict;
  /** Probability of the answer given. */
  confidence: number;
  /** A probability for every type and for `unknown`; they sum to 1. */
  probabilities: Record<TypeVerdict, number>;
  scores: Record<ClientTypeId, number>;
  /** Every signal that fired, strongest first, for every type (alternatives are never hidden). */
  evidence: Evidence[];
}

/** Repeated use of a cue counts, with diminishing returns. */
const repeatFactor = (n: number) => 1 + 0.5 * Math.log(n);

function softmax(scores: number[], temperature: number): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp((s - max) / temperature));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/**
 * Decides the client's behaviour type from their own words, behaviour and history, using the pack's cues
 * and signal weights plus what the agent's corrections taught the local model. Pure and synchronous.
 */
export function classify(input: ClassifyInput, pack: StrategyPack, learned?: LearnedModel): Classification {
  const model = compileModel(pack);
  const scores = { ...model.priors };
  const evidence: Evidence[] = [];

  // Words: only the client's public messages.
  const perCue = new Map<object, { type: ClientTypeId; cue: string; weight: number; count: number; quote: Quote }>();
  // Each client message is split into words once; cues, signals and the learner share them.
  const tokenized = input.messages.map((m) => (isClientWords(m) ? tokenize(m.text) : null));
  input.messages.forEach((m, index) => {
    const tokens = tokenized[index];
    if (!tokens) return;
    for (const hit of matchCues(tokens, model.cues)) {
      if (hit.negated) continue;
      const key = hit.cue;
      const seen = perCue.get(key);
      if (seen) {
        seen.count++;
        continue;
      }
      const start = tokens[hit.from]!.start;
      const end = tokens[hit.to - 1]!.end;
      perCue.set(key, { type: hit.cue.type, cue: hit.cue.text, weight: hit.cue.weight, count: 1, quote: { message: index, start, end, text: m.text.slice(start, end) } });
    }
  });
  for (const c of perCue.values()) {
    const contribution = c.weight * repeatFactor(c.count);
    scores[c.type] += contribution;
    evidence.push({ kind: 'cue', type: c.type, contribution, cue: c.cue, count: c.count, quote: c.quote });
  }

  // Behaviour and history.
  const signals = measureSignals(input, tokenized);
  for (const t of CLIENT_TYPES) {
    for (const [id, weight] of Object.entries(model.signals[t]) as [SignalId, number][]) {
      const s = signals[id];
      if (!s.value || !weight) continue;
      const contribution = weight * s.value;
      scores[t] += contribution;
      evidence.push({ kind: 'signal', type: t, contribution, signal: id, value: s.value, raw: s.raw });
    }
  }

  // What the agent's corrections taught.
  if (learned?.examples) {
    const stems = clientStems(input, tokenized);
    const byType = learnedScores(learned, stems);
    for (const t of CLIENT_TYPES) {
      const { score, words } = byType[t];
      if (score <= 0.05) continue;
      scores[t] += score;
      evidence.push({ kind: 'learned', type: t, contribution: score, words, quotes: quotesForStems(input, words) });
    }
  }

  const labels: TypeVerdict[] = [...CLIENT_TYPES, 'unknown'];
  const probs = softmax([...CLIENT_TYPES.map((t) => scores[t]), model.unknownScore], model.temperature);
  const probabilities = Object.fromEntries(labels.map((l, i) => [l, probs[i]!])) as Record<TypeVerdict, number>;
  let best: TypeVerdict = 'unknown';
  for (const l of labels) if (probabilities[l] > probabilities[best]) best = l;
  evidence.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  return { type: best, confidence: probabilities[best], probabilities, scores, evidence };
}

/** The first place in the client's words where each stem appears. */
function quotesForStems(input: ClassifyInput, stems: string[]): Quote[] {
  const want = new Set(stems);
  const quotes: Quote[] = [];
  input.messages.forEach((m, message) => {
    if (!isClientWords(m) || !want.size) return;
    for (const t of tokenize(m.text)) {
      if (!want.delete(t.stem)) continue;
      quotes.push({ message, start: t.start, end: t.end, text: m.text.slice(t.start, t.end) });
    }
  });
  return quotes;
}
