import { CLIENT_TYPES, type ClientTypeId } from '../taxonomy';
import { isClientWords, type ClassifyInput } from './input';
import { isStopStem } from './stopwords';
import { tokenize, type Token } from './text';

/** An agent's correction as the learner sees it: the client's words (as stems) belong to type `to`. */
export interface LearningExample {
  to: ClientTypeId;
  stems: readonly string[];
}

/**
 * A local model learned from the agent's corrections: per word, how strongly it points to each type
 * (naive-Bayes log odds). Rebuilt from the list of corrections, so undoing one is exact.
 */
export interface LearnedModel {
  counts: Map<string, Partial<Record<ClientTypeId, number>>>;
  examples: number;
}

/** How much a perfectly matching learned client weighs against the pack's evidence. */
export const LEARNING_STRENGTH = 6;
const ALPHA = 0.5;

/** The distinct content words (stems) of the client's own messages. */
export function clientStems(input: ClassifyInput, tokens: readonly (Token[] | null)[] = []): string[] {
  const stems = new Set<string>();
  for (const [i, m] of input.messages.entries()) {
    if (!isClientWords(m)) continue;
    for (const t of tokens[i] ?? tokenize(m.text)) if (t.stem.length > 2 && !isStopStem(t.stem) && !/^\d+$/.test(t.stem)) stems.add(t.stem);
  }
  return [...stems];
}

export function buildLearned(examples: readonly LearningExample[]): LearnedModel {
  const counts: LearnedModel['counts'] = new Map();
  for (const ex of examples) {
    for (const s of new Set(ex.stems)) {
      const c = counts.get(s) ?? {};
      c[ex.to] = (c[ex.to] ?? 0) + 1;
      counts.set(s, c);
    }
  }
  return { counts, examples: examples.length };
}

/** Per type: the learned score for these stems and the words that drove it. */
export function learnedScores(model: LearnedModel, stems: readonly string[]): Record<ClientTypeId, { score: number; words: string[] }> {
  const out = Object.fromEntries(CLIENT_TYPES.map((t) => [t, { score: 0, words: [] as string[] }])) as Record<ClientTypeId, { score: number; words: string[] }>;
  if (!model.examples || !stems.length) return out;
  const norm = Math.sqrt(stems.length * Math.max(1, Math.min(stems.length, 40)));
  for (const t of CLIENT_TYPES) {
    const contrib: [string, number][] = [];
    for (const s of stems) {
      const c = model.counts.get(s);
      if (!c) continue;
      const own = c[t] ?? 0;
      if (!own) continue;
      let other = 0;
      for (const u of CLIENT_TYPES) if (u !== t) other += c[u] ?? 0;
      const w = Math.log((own + ALPHA) / (other + ALPHA));
      if (w > 0) contrib.push([s, w]);
    }
    const sum = contrib.reduce((a, [, w]) => a + w, 0);
    out[t].score = (LEARNING_STRENGTH * sum) / norm;
    out[t].words = contrib.sort((a, b) => b[1] - a[1]).slice(0, 5).map(([s]) => s);
  }
  return out;
}
