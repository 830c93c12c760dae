import { caseFeatures, featureName } from '../classifier/features';
import { SIGNAL_IDS } from '../classifier/signal-ids';
import { K, MODEL_LABELS, standardise, tfidf, type Calibration, type TypeModelFile } from '../classifier/type-model';
import { caseInput, type LabelledCase } from '../eval/labelled';
import { seeded } from '../eval/bootstrap';
import { evaluate, type EvalReport, type Prediction } from '../eval/metrics';
import { calibrate, logLoss, predictions } from './calibrate';
import { fitSoftmax, scoreDoc, type Doc, type SoftmaxFit } from './softmax';

/** A labelled conversation reduced to what training needs: feature counts and behaviour values. */
export interface TrainCase {
  id: string;
  label: number;
  counts: Map<string, number>;
  signals: number[];
}

export function prepareCases(cases: readonly LabelledCase[]): TrainCase[] {
  return cases
    .filter((c) => c.label)
    .map((c) => {
      const f = caseFeatures(caseInput(c));
      const counts = new Map<string, number>();
      f.text.ids.forEach((id, slot) => counts.set(featureName(id), f.text.counts[slot]!));
      return { id: c.id, label: MODEL_LABELS.indexOf(c.label!), counts, signals: SIGNAL_IDS.map((id) => f.signals[id].value) };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface Hyper {
  /** L2 strength, chosen by cross-validation. */
  lambda: number;
  /** A feature must appear in this many training conversations to be learned. */
  minDf: number;
  /** Cap on a behaviour signal's weight for a label. */
  behaviourCap: number;
  /** Features whose largest weight (over labels) is below this are dropped after fitting: what keeps the model small. */
  prune: number;
}

interface Vocab {
  features: string[];
  index: Map<string, number>;
  idf: Float64Array;
  /** The idf a word the model never saw gets, so a conversation's length still counts. */
  oovIdf: number;
  mean: number[];
  scale: number[];
}

const smoothIdf = (n: number, df: number) => Math.log((1 + n) / (1 + df)) + 1;

function buildVocab(cases: readonly TrainCase[], minDf: number): Vocab {
  const df = new Map<string, number>();
  for (const c of cases) for (const f of c.counts.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const features = [...df]
    .filter(([, n]) => n >= minDf)
    .map(([f]) => f)
    .sort();
  const index = new Map(features.map((f, i) => [f, i]));
  const idf = Float64Array.from(features, (f) => smoothIdf(cases.length, df.get(f)!));
  const S = SIGNAL_IDS.length;
  const mean = Array.from({ length: S }, (_, j) => cases.reduce((s, c) => s + c.signals[j]!, 0) / cases.length);
  const scale = mean.map((m, j) => Math.max(0.05, Math.sqrt(cases.reduce((s, c) => s + (c.signals[j]! - m) ** 2, 0) / cases.length)));
  return { features, index, idf, oovIdf: smoothIdf(cases.length, 1), mean, scale };
}

/** The vector of one conversation: TF-IDF of known features, normalised over all its features (unknown ones at `oovIdf`). */
function toDoc(c: TrainCase, v: Pick<Vocab, 'index' | 'idf' | 'oovIdf' | 'mean' | 'scale'>): Doc {
  const idx: number[] = [];
  const val: number[] = [];
  let norm = 0;
  for (const [f, n] of c.counts) {
    const i = v.index.get(f);
    const x = tfidf(n, i === undefined ? v.oovIdf : v.idf[i]!);
    norm += x * x;
    if (i === undefined) continue;
    idx.push(i);
    val.push(x);
  }
  norm = Math.sqrt(norm) || 1;
  return {
    idx: Int32Array.from(idx),
    val: Float64Array.from(val, (x) => x / norm),
    behaviour: Float64Array.from(c.signals, (x, j) => standardise(x, v.mean[j]!, v.scale[j]!)),
    label: c.label,
  };
}

interface Fitted {
  vocab: Vocab;
  fit: SoftmaxFit;
}

/**
 * A fit without its weakest features. A dropped feature becomes a word the model does not know: it still counts
 * towards the conversation's length, at `oovIdf`. The fit itself saw it at its own idf, so vectors are a little
 * shorter than in fitting (0.4 % at the median); cross-validation scores the pruned model the way the shipped one
 * reads, so its figures include that.
 */
function pruned({ vocab, fit }: Fitted, threshold: number): Fitted {
  const keep: number[] = [];
  for (let i = 0; i < vocab.features.length; i++) {
    let max = 0;
    for (let k = 0; k < K; k++) max = Math.max(max, Math.abs(fit.weights[i * K + k]!));
    if (max >= threshold && Math.round(max * WEIGHT_SCALE) !== 0) keep.push(i);
  }
  const features = keep.map((i) => vocab.features[i]!);
  const weights = new Float64Array(keep.length * K);
  keep.forEach((i, j) => weights.set(fit.weights.subarray(i * K, i * K + K), j * K));
  return {
    vocab: { ...vocab, features, index: new Map(features.map((f, j) => [f, j])), idf: Float64Array.from(keep, (i) => vocab.idf[i]!) },
    fit: { ...fit, weights },
  };
}

function fitOn(cases: readonly TrainCase[], hyper: Hyper, init?: Fitted): Fitted {
  const vocab = init?.vocab ?? buildVocab(cases, hyper.minDf);
  const docs = cases.map((c) => toDoc(c, vocab));
  const fit = fitSoftmax(docs, {
    features: vocab.features.length,
    signals: SIGNAL_IDS.length,
    lambda: hyper.lambda,
    cap: hyper.behaviourCap,
    init: init?.fit.params,
  });
  return { vocab, fit };
}

/** Stratified folds: each label's cases shuffled with a fixed seed and dealt round-robin. */
export function stratifiedFolds(cases: readonly TrainCase[], k: number, seed: number): number[] {
  const fold = new Array<number>(cases.length);
  const rnd = seeded(seed);
  let offset = 0;
  for (let label = 0; label < K; label++) {
    const members = cases.flatMap((c, i) => (c.label === label ? [i] : []));
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [members[i], members[j]] = [members[j]!, members[i]!];
    }
    members.forEach((m, i) => (fold[m] = (i + offset) % k));
    offset += members.length;
  }
  return fold;
}

export interface CrossValidation {
  folds: number;
  /** Per λ tried: out-of-fold macro-F1 and log loss (uncalibrated, unknown margin 0). */
  grid: { lambda: number; macroF1: number; logLoss: number }[];
  lambda: number;
  /** Out-of-fold scores under the chosen λ, in case order. */
  scores: Float64Array[];
  calibration: Calibration;
  /** Out-of-fold predictions under the chosen λ and the calibration, in case order, and their report. */
  predictions: Prediction[];
  report: EvalReport;
}

/** K-fold cross-validation over a λ path (largest first, warm-started), on the training cases only. */
export interface CvOptions {
  folds: number;
  seed: number;
  /** The λ path, largest first. */
  lambdas: number[];
  /** One fold per group (e.g. per writer's batch) instead of stratified random folds. */
  groupOf?: (c: TrainCase) => string;
}

/** Which fold each case is in, and the λ path every fold walks. */
export interface CvPlan {
  fold: number[];
  folds: number;
  lambdas: number[];
}

export function planFolds(cases: readonly TrainCase[], o: CvOptions): CvPlan {
  const { lambdas } = o;
  const groups = o.groupOf && [...new Set(cases.map(o.groupOf))].sort();
  if (groups) return { fold: cases.map((c) => groups.indexOf(o.groupOf!(c))), folds: groups.length, lambdas };
  return { fold: stratifiedFolds(cases, o.folds, o.seed), folds: o.folds, lambdas };
}

/** One fold's out-of-fold scores along the λ path (largest λ first, each fit warm-started from the previous one). */
export interface FoldResult {
  indices: number[];
  /** [λ][position in `indices`]: raw scores. */
  scores: Float64Array[][];
}

export function runFold(cases: readonly TrainCase[], plan: CvPlan, f: number, hyper: Omit<Hyper, 'lambda'>, onLambda?: () => void): FoldResult {
  const train = cases.filter((_, i) => plan.fold[i] !== f);
  const indices = cases.flatMap((_, i) => (plan.fold[i] === f ? [i] : []));
  let prev: Fitted | undefined;
  const scores = plan.lambdas.map((lambda) => {
    prev = fitOn(train, { ...hyper, lambda }, prev);
    const fit = pruned(prev, hyper.prune);
    onLambda?.();
    return indices.map((i) => scoreDoc(fit.fit, toDoc(cases[i]!, fit.vocab)));
  });
  return { indices, scores };
}

/** The λ with the best out-of-fold macro-F1 (within 0.005: the lower log loss), then the calibration on its scores. */
export function summariseCv(cases: readonly TrainCase[], plan: CvPlan, results: readonly FoldResult[]): CrossValidation {
  const { lambdas } = plan;
  const oof = lambdas.map(() => new Array<Float64Array>(cases.length));
  for (const r of results) r.indices.forEach((i, j) => lambdas.forEach((_, li) => (oof[li]![i] = r.scores[li]![j]!)));
  const labels = cases.map((c) => c.label);
  const grid = lambdas.map((lambda, li) => {
    const preds = predictions(oof[li]!, labels, { unknownBias: 0, temperature: 1, smoothing: 0 });
    return { lambda, macroF1: evaluate(preds).macroF1, logLoss: logLoss(preds) };
  });
  let chosen = 0;
  grid.forEach((g, i) => {
    const c = grid[chosen]!;
    if (g.macroF1 > c.macroF1 + 0.005 || (Math.abs(g.macroF1 - c.macroF1) <= 0.005 && g.logLoss < c.logLoss)) chosen = i;
  });
  const scores = oof[chosen]!;
  const calibration = calibrate(scores, labels);
  const preds = predictions(scores, labels, calibration).map(({ label, predicted, confidence }) => ({ label, predicted, confidence }));
  return { folds: plan.folds, grid, lambda: lambdas[chosen]!, scores, calibration, predictions: preds, report: evaluate(preds) };
}

/** K-fold cross-validation over a λ path, on the training cases only, in this thread (train/parallel-cv.ts shares the folds among processes). */
export function crossValidate(
  cases: readonly TrainCase[],
  hyper: Omit<Hyper, 'lambda'>,
  o: CvOptions & { onProgress?: (done: number, total: number) => void },
): CrossValidation {
  const plan = planFolds(cases, o);
  let done = 0;
  const results = Array.from({ length: plan.folds }, (_, f) => runFold(cases, plan, f, hyper, () => o.onProgress?.(++done, plan.folds * plan.lambdas.length)));
  return summariseCv(cases, plan, results);
}

const WEIGHT_SCALE = 100;
const round = (x: number, digits: number) => {
  const m = 10 ** digits;
  return Math.round(x * m) / m;
};

/** The final model on every training case, as the shipped file (weak features dropped, weights to 1/100). */
export function fitModelFile(cases: readonly TrainCase[], hyper: Hyper, calibration: Calibration, meta: Record<string, unknown>): TypeModelFile {
  const { vocab, fit } = pruned(fitOn(cases, hyper), hyper.prune);
  const all = Array.from(vocab.features, (_, i) => i);
  return {
    format: 'tipazh-type-model',
    version: 1,
    labels: [...MODEL_LABELS],
    features: vocab.features,
    idf: Array.from(vocab.idf, (x) => round(x, 4)),
    oovIdf: round(vocab.oovIdf, 4),
    weightScale: WEIGHT_SCALE,
    weights: all.flatMap((i) => Array.from(fit.weights.subarray(i * K, i * K + K), (w) => Math.round(w * WEIGHT_SCALE))),
    bias: Array.from(fit.bias, (b) => round(b, 4)),
    behaviour: {
      signals: [...SIGNAL_IDS],
      mean: vocab.mean.map((m) => round(m, 4)),
      scale: vocab.scale.map((s) => round(s, 4)),
      weights: Array.from(fit.behaviour, (w) => round(w, 4)),
      cap: hyper.behaviourCap,
    },
    temperature: round(calibration.temperature, 4),
    unknownBias: round(calibration.unknownBias, 4),
    smoothing: calibration.smoothing,
    meta,
  };
}
