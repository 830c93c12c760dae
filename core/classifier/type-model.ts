import { z } from '../schema/zod';
import { CLIENT_TYPES, TypeVerdict } from '../taxonomy';
import { featureGeneration, featureName, type CaseFeatures } from './features';
import { SignalId } from './signal-ids';
import { grownInts } from './grow';

/** The model's answers, in the order of its weight columns: the seven types, then `unknown`. */
export const MODEL_LABELS = [...CLIENT_TYPES, 'unknown'] as const satisfies readonly TypeVerdict[];
export const K = MODEL_LABELS.length;

const Num = z.number().check(z.refine(Number.isFinite, 'must be a finite number'));

/**
 * The trained type model as shipped (`public/models/types.json`, written by `npm run train`): a multinomial
 * softmax regression over TF-IDF stem 1-2-grams of the client's own words, plus a small block of
 * behaviour signals whose weights are capped, a temperature fitted on out-of-fold predictions and the
 * `unknown` margin. Weights are stored as integers (`weightScale` per unit), feature by feature, label by label.
 */
export const TypeModelFile = z.object({
  format: z.literal('tipazh-type-model'),
  version: z.literal(1),
  labels: z.array(TypeVerdict).check(z.refine((l) => l.join() === MODEL_LABELS.join(), `must be ${MODEL_LABELS.join(', ')}`)),
  features: z.array(z.string()),
  /** Per feature: its inverse document frequency in the training data. */
  idf: z.array(Num),
  /** The idf of a word the model does not know: it still counts towards a conversation's length. */
  oovIdf: Num,
  weightScale: Num,
  /** features × labels, feature-major, as integers of 1/weightScale. */
  weights: z.array(z.number().check(z.int())),
  bias: z.array(Num).check(z.length(K)),
  behaviour: z.object({
    signals: z.array(SignalId),
    /** Standardisation of each signal (training mean and spread). */
    mean: z.array(Num),
    scale: z.array(Num),
    /** signals × labels, signal-major; each within ±cap. */
    weights: z.array(Num),
    cap: Num,
  }),
  temperature: Num.check(z.positive()),
  /** Added to `unknown`'s score before the softmax: how much a type must stand out to be named. */
  unknownBias: Num,
  /**
   * Share of probability spread evenly over all answers, fitted with the temperature on out-of-fold predictions:
   * a model trained on about a thousand conversations has no grounds for one-in-a-million certainty.
   */
  smoothing: Num.check(z.minimum(0), z.maximum(0.5)),
  meta: z.record(z.string(), z.unknown()),
});
export type TypeModelFile = z.infer<typeof TypeModelFile>;

/** A model ready to score: features indexed, weights unpacked. */
export interface TypeModel {
  file: TypeModelFile;
  index: Map<string, number>;
  /** Interned feature id → this model's feature index (-1: not in the model; -2: not looked up yet). */
  byId: { generation: number; map: Int32Array };
  idf: Float32Array;
  /**
   * The weights as stored, integers of `weightUnit` (1/weightScale): two bytes each keep the whole matrix
   * (about 140 KB) in cache, where 8-byte numbers spilled out of it. Multiply a sum of them by `weightUnit`.
   */
  weights: Int16Array;
  weightUnit: number;
  signals: readonly SignalId[];
}

export function compileTypeModel(file: TypeModelFile): TypeModel {
  const n = file.features.length;
  if (file.idf.length !== n || file.weights.length !== n * K)
    throw new Error(`the type model is inconsistent: ${n} features, ${file.idf.length} idf values, ${file.weights.length} weights`);
  const s = file.behaviour.signals.length;
  if (file.behaviour.mean.length !== s || file.behaviour.scale.length !== s || file.behaviour.weights.length !== s * K)
    throw new Error('the type model is inconsistent: behaviour block sizes differ');
  const index = new Map<string, number>();
  file.features.forEach((f, i) => index.set(f, i));
  if (file.weights.some((w) => w < -32768 || w > 32767)) throw new Error('the type model is inconsistent: a weight does not fit in 16 bits');
  return {
    file,
    index,
    idf: Float32Array.from(file.idf),
    weights: Int16Array.from(file.weights),
    weightUnit: 1 / file.weightScale,
    signals: file.behaviour.signals,
    byId: { generation: -1, map: new Int32Array(0) },
  };
}

/** Parses and compiles a model file; throws with the place that is wrong. */
export function loadTypeModel(json: unknown): TypeModel {
  const r = TypeModelFile.safeParse(json);
  if (!r.success)
    throw new Error(
      `the type model file is invalid: ${r.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  return compileTypeModel(r.data);
}

/** The model's view of one conversation: each known feature's value (TF-IDF, unit length) and the behaviour block. */
export interface Vectorised {
  /** Indexes of the model's features present, their values, and their slots in the case's `TextFeatures`. */
  idx: number[];
  val: number[];
  slot: number[];
  /** Standardised behaviour signals, in the model's signal order. */
  behaviour: number[];
}

export const tfidf = (count: number, idf: number) => (1 + Math.log(count)) * idf;
export const BEHAVIOUR_CLIP = 3;
export const standardise = (value: number, mean: number, scale: number) => Math.max(-BEHAVIOUR_CLIP, Math.min(BEHAVIOUR_CLIP, (value - mean) / scale));

/** This model's index of an interned feature, or undefined; cached per model (a string lookup once per feature). */
function modelIndexOf(model: TypeModel, id: number): number | undefined {
  let cache = model.byId;
  if (cache.generation !== featureGeneration()) cache = model.byId = { generation: featureGeneration(), map: new Int32Array(0) };
  if (id >= cache.map.length) cache.map = grownInts(cache.map, id + 1, -2, 4096);
  let i = cache.map[id]!;
  if (i === -2) cache.map[id] = i = model.index.get(featureName(id)) ?? -1;
  return i < 0 ? undefined : i;
}

export function vectorise(model: TypeModel, f: CaseFeatures): Vectorised {
  const idx: number[] = [];
  const val: number[] = [];
  const slot: number[] = [];
  let norm = 0;
  const oov = model.file.oovIdf;
  const { ids, counts } = f.text;
  for (let s = 0; s < ids.length; s++) {
    const i = modelIndexOf(model, ids[s]!);
    const v = tfidf(counts[s]!, i === undefined ? oov : model.idf[i]!);
    norm += v * v;
    if (i === undefined) continue;
    idx.push(i);
    val.push(v);
    slot.push(s);
  }
  norm = Math.sqrt(norm) || 1;
  for (let j = 0; j < val.length; j++) val[j]! /= norm;
  const b = model.file.behaviour;
  const behaviour = model.signals.map((id, j) => standardise(f.signals[id].value, b.mean[j]!, b.scale[j]!));
  return { idx, val, slot, behaviour };
}

/**
 * Raw scores per label of a sparse vector and a behaviour block under a linear model (features × labels and
 * signals × labels, feature-major): what the shipped model and every fit during training score with.
 */
export function linearScores(
  bias: ArrayLike<number>,
  weights: ArrayLike<number>,
  behaviourWeights: ArrayLike<number>,
  idx: ArrayLike<number>,
  val: ArrayLike<number>,
  behaviour: ArrayLike<number>,
  /** What one unit of `weights` is worth (the shipped model keeps integers). */
  weightUnit = 1,
): Float64Array {
  const out = Float64Array.from(bias);
  // Training's fits (unit 1) add each term to the bias in turn: that order is what the committed model was fitted with.
  const text = weightUnit === 1 ? out : new Float64Array(K);
  for (let j = 0; j < idx.length; j++) {
    const base = idx[j]! * K;
    const x = val[j]!;
    for (let k = 0; k < K; k++) text[k]! += x * weights[base + k]!;
  }
  if (text !== out) for (let k = 0; k < K; k++) out[k]! += text[k]! * weightUnit;
  for (let j = 0; j < behaviour.length; j++) for (let k = 0; k < K; k++) out[k]! += behaviour[j]! * behaviourWeights[j * K + k]!;
  return out;
}

/** Raw scores per label (before the unknown margin and the temperature). */
export const modelScores = (model: TypeModel, v: Vectorised): Float64Array =>
  linearScores(model.file.bias, model.weights, model.file.behaviour.weights, v.idx, v.val, v.behaviour, model.weightUnit);

/** Calibrated log-odds from raw model scores: the unknown margin added, then divided by the fitted temperature. */
export function calibratedLogits(scores: ArrayLike<number>, temperature: number, unknownBias: number): number[] {
  return Array.from(scores, (x, k) => (k === K - 1 ? x + unknownBias : x) / temperature);
}

export function softmax(logits: readonly number[]): number[] {
  const max = Math.max(...logits);
  const e = logits.map((x) => Math.exp(x - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

/** Probabilities from final log-odds, with the model's floor of doubt spread over every answer. */
export const probabilities = (logits: readonly number[], smoothing: number): number[] => softmax(logits).map((p) => (1 - smoothing) * p + smoothing / K);

export interface Calibration {
  unknownBias: number;
  temperature: number;
  smoothing: number;
}

/** Calibrated probabilities from raw model scores. */
export const calibrated = (scores: ArrayLike<number>, c: Calibration): number[] =>
  probabilities(calibratedLogits(scores, c.temperature, c.unknownBias), c.smoothing);
