import type { TypeVerdict } from '../taxonomy';
import { clientWords, type ClientToken } from './features';
import type { ClassifyInput } from './input';
import { isStopStem } from './stopwords';
import { K, MODEL_LABELS, softmax } from './type-model';

/**
 * One thing the local model learns from: an agent's correction (or a pack's labelled example). The client's
 * content words as stems, the answer the agent chose, and the shipped model's log-odds for that client at the
 * time (when known), so learning adds only what the shipped model got wrong.
 */
export interface LearningExample {
  to: TypeVerdict;
  stems: readonly string[];
  scores?: readonly number[];
}

/**
 * What this agent's corrections taught: per content stem, a change to every answer's log-odds. Trained by a few
 * passes of L2-regularised SGD on top of the shipped model's log-odds; rebuilt from the list of corrections each
 * time, so undoing one is exact and the same list always gives the same model.
 */
export interface LearnedModel {
  weights: Map<string, Float64Array>;
  examples: number;
}

export const LEARNING = { epochs: 40, rate: 0.6, l2: 0.02 } as const;

/** Words that open and close messages whatever the client is like: never learned, never shown. */
const isContent = (stem: string) => stem.length > 2 && !isStopStem(stem) && !/\d/.test(stem);

/**
 * The distinct content words (stems) of the client's own words (no quoted thread, signature or footer; translit
 * read in Cyrillic), exactly as classify reads them: what a correction keeps.
 */
export function clientStems(input: ClassifyInput): string[] {
  const stems = new Set<string>();
  for (const message of clientWords(input).tokens) for (const t of message ?? []) if (isContent(t.stem)) stems.add(t.stem);
  return [...stems].sort();
}

const contentOf = (stems: readonly string[]) => [...new Set(stems.filter(isContent))];

export function trainLearned(examples: readonly LearningExample[]): LearnedModel {
  const weights = new Map<string, Float64Array>();
  const data = examples.map((e) => {
    const stems = contentOf(e.stems);
    for (const s of stems) if (!weights.has(s)) weights.set(s, new Float64Array(K));
    return {
      stems,
      x: stems.length ? 1 / Math.sqrt(stems.length) : 0,
      y: MODEL_LABELS.indexOf(e.to as (typeof MODEL_LABELS)[number]),
      base: e.scores?.length === K ? e.scores : undefined,
    };
  });
  const logits = new Array<number>(K);
  for (let epoch = 0; epoch < LEARNING.epochs; epoch++) {
    for (const d of data) {
      if (!d.stems.length || d.y < 0) continue;
      for (let k = 0; k < K; k++) {
        let z = d.base?.[k] ?? 0;
        for (const s of d.stems) z += weights.get(s)![k]! * d.x;
        logits[k] = z;
      }
      const p = softmax(logits);
      for (const s of d.stems) {
        const w = weights.get(s)!;
        for (let k = 0; k < K; k++) w[k]! -= LEARNING.rate * ((p[k]! - (k === d.y ? 1 : 0)) * d.x + LEARNING.l2 * w[k]!);
      }
    }
  }
  return { weights, examples: data.filter((d) => d.stems.length && d.y >= 0).length };
}

/** Per answer (in `MODEL_LABELS` order): the learned change to its log-odds for this client, and the words behind it. */
export function learnedScores(
  model: LearnedModel,
  tokens: readonly (ClientToken[] | null)[],
  texts: readonly string[],
): { score: number; words: string[]; quotes: { message: number; start: number; end: number; text: string }[] }[] {
  const first = new Map<string, ClientToken>();
  const content = new Set<string>();
  for (const message of tokens) {
    for (const t of message ?? []) {
      if (!isContent(t.stem)) continue;
      content.add(t.stem);
      if (model.weights.has(t.stem) && !first.has(t.stem)) first.set(t.stem, t);
    }
  }
  const x = content.size ? 1 / Math.sqrt(content.size) : 0;
  return MODEL_LABELS.map((_, k) => {
    const parts = [...first.keys()].map((s) => [s, model.weights.get(s)![k]! * x] as const);
    const score = parts.reduce((a, [, c]) => a + c, 0);
    const words = parts
      .filter(([, c]) => c > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([s]) => s);
    return {
      score,
      words,
      quotes: words.map((s) => first.get(s)!).map((t) => ({ message: t.message, start: t.start, end: t.end, text: texts[t.message]!.slice(t.start, t.end) })),
    };
  });
}
