import { caseFeatures } from '../classifier/features';
import { SIGNAL_IDS } from '../classifier/signal-ids';
import { calibrated, K, MODEL_LABELS, standardise, tfidf, type TypeModelFile } from '../classifier/type-model';
import { caseInput, type LabelledCase } from '../eval/labelled';
import { seeded } from '../eval/bootstrap';
import { evaluate, type EvalReport, type Prediction } from '../eval/metrics';
import type { TypeVerdict } from '../taxonomy';
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
      for (const [feature, at] of f.text.occurrences) counts.set(feature, at.length);
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
  const features = [...df].filter(([, n]) => n >= minDf).map(([f]) => f).sort();
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

function fitOn(cases: readonly TrainCase[], hyper: Hyper, init?: Fitted): Fitted {
  const vocab = init?.vocab ?? buildVocab(cases, hyper.minDf);
  const docs = cases.map((c) => toDoc(c, vocab));
  const fit = fitSoftmax(docs, { features: vocab.features.length, signals: SIGNAL_IDS.length, lambda: hyper.lambda, cap: hyper.behaviourCap, init: init?.fit.params });
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

export interface Calibration {
  unknownBias: number;
  temperature: number;
}

/** Predictions under a calibration, for the metrics. */
function predictions(scores: readonly Float64Array[], labels: readonly number[], c: Calibration) {
  return scores.map((s, i) => {
    const p = calibrated(s, c.temperature, c.unknownBias);
    let best = 0;
    for (let k = 1; k < K; k++) if (p[k]! > p[best]!) best = k;
    return { label: MODEL_LABELS[labels[i]!]! as TypeVerdict, predicted: MODEL_LABELS[best]! as TypeVerdict, confidence: p[best]!, p: p[labels[i]!]! };
  });
}

const logLoss = (preds: { p: number }[]) => -preds.reduce((s, x) => s + Math.log(Math.max(1e-12, x.p)), 0) / preds.length;

/** The unknown margin that maximises macro-F1 (ties: the smallest margin), then the temperature that minimises log loss. */
export function calibrate(scores: readonly Float64Array[], labels: readonly number[]): Calibration {
  let best = { unknownBias: 0, f1: -1 };
  for (let b = -20; b <= 20; b++) {
    const unknownBias = b / 10;
    const f1 = evaluate(predictions(scores, labels, { unknownBias, temperature: 1 })).macroF1;
    if (f1 > best.f1 + 1e-9 || (Math.abs(f1 - best.f1) <= 1e-9 && Math.abs(unknownBias) < Math.abs(best.unknownBias))) best = { unknownBias, f1 };
  }
  // Golden-section search on log T.
  const nll = (logT: number) => logLoss(predictions(scores, labels, { unknownBias: best.unknownBias, temperature: Math.exp(logT) }));
  let lo = Math.log(0.05);
  let hi = Math.log(5);
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 60; i++) {
    const a = hi - phi * (hi - lo);
    const b = lo + phi * (hi - lo);
    if (nll(a) <= nll(b)) hi = b;
    else lo = a;
  }
  return { unknownBias: best.unknownBias, temperature: Math.exp((lo + hi) / 2) };
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

export const LAMBDAS = [1e-3, 3e-4, 1e-4, 3e-5, 1e-5, 3e-6, 1e-6];

/** K-fold cross-validation over a λ path (largest first, warm-started), on the training cases only. */
export function crossValidate(cases: readonly TrainCase[], hyper: Omit<Hyper, 'lambda'>, o: { folds: number; seed: number; lambdas?: number[]; onProgress?: (done: number, total: number) => void }): CrossValidation {
  const lambdas = o.lambdas ?? LAMBDAS;
  const fold = stratifiedFolds(cases, o.folds, o.seed);
  const oof = lambdas.map(() => new Array<Float64Array>(cases.length));
  let done = 0;
  for (let f = 0; f < o.folds; f++) {
    const train = cases.filter((_, i) => fold[i] !== f);
    const test = cases.flatMap((c, i) => (fold[i] === f ? [[c, i] as const] : []));
    let prev: Fitted | undefined;
    lambdas.forEach((lambda, li) => {
      prev = fitOn(train, { ...hyper, lambda }, prev);
      for (const [c, i] of test) oof[li]![i] = scoreDoc(prev.fit, toDoc(c, prev.vocab));
      o.onProgress?.(++done, o.folds * lambdas.length);
    });
  }
  const labels = cases.map((c) => c.label);
  const grid = lambdas.map((lambda, li) => {
    const preds = predictions(oof[li]!, labels, { unknownBias: 0, temperature: 1 });
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
  return { folds: o.folds, grid, lambda: lambdas[chosen]!, scores, calibration, predictions: preds, report: evaluate(preds) };
}

const WEIGHT_SCALE = 1000;
const round = (x: number, digits: number) => {
  const m = 10 ** digits;
  return Math.round(x * m) / m;
};

/** The final model on every training case, as the shipped file (features whose weights all round to 0 are dropped). */
export function fitModelFile(cases: readonly TrainCase[], hyper: Hyper, calibration: Calibration, meta: Record<string, unknown>): TypeModelFile {
  const { vocab, fit } = fitOn(cases, hyper);
  const keep: number[] = [];
  for (let i = 0; i < vocab.features.length; i++) {
    let max = 0;
    for (let k = 0; k < K; k++) max = Math.max(max, Math.abs(fit.weights[i * K + k]!));
    if (Math.round(max * WEIGHT_SCALE) !== 0) keep.push(i);
  }
  return {
    format: 'tipazh-type-model',
    version: 1,
    labels: [...MODEL_LABELS],
    features: keep.map((i) => vocab.features[i]!),
    idf: keep.map((i) => round(vocab.idf[i]!, 4)),
    oovIdf: round(vocab.oovIdf, 4),
    weightScale: WEIGHT_SCALE,
    weights: keep.flatMap((i) => Array.from(fit.weights.subarray(i * K, i * K + K), (w) => Math.round(w * WEIGHT_SCALE))),
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
    meta,
  };
}
