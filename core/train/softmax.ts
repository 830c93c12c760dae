import { K, linearScores } from '../classifier/type-model';
import { minimise } from './lbfgs';

/** One training conversation as the regression sees it: sparse text features, behaviour block, label index. */
export interface Doc {
  idx: Int32Array;
  val: Float64Array;
  behaviour: Float64Array;
  label: number;
}

export interface SoftmaxFit {
  /** features × labels, feature-major. */
  weights: Float64Array;
  bias: Float64Array;
  /** signals × labels: the capped behaviour weights (cap · tanh of the free parameters). */
  behaviour: Float64Array;
  /** The free parameters, to warm-start the next fit. */
  params: Float64Array;
  iterations: number;
}

export interface SoftmaxOptions {
  features: number;
  signals: number;
  /** L2 strength on the text weights (and on the behaviour block's free parameters). */
  lambda: number;
  /** The largest weight a behaviour signal may have for a label. */
  cap: number;
  init?: Float64Array;
  maxIterations?: number;
}

/**
 * Multinomial logistic regression with L2, fitted by L-BFGS on the mean cross-entropy. Behaviour weights are
 * `cap · tanh(v)`, so however the data pull them, a signal can only tip a close call.
 */
export function fitSoftmax(docs: readonly Doc[], o: SoftmaxOptions): SoftmaxFit {
  const F = o.features * K;
  const S = o.signals * K;
  const n = F + K + S;
  const x0 = o.init && o.init.length === n ? Float64Array.from(o.init) : new Float64Array(n);
  const scores = new Float64Array(K);
  const inv = 1 / docs.length;
  const objective = (x: Float64Array, grad: Float64Array) => {
    grad.fill(0);
    let loss = 0;
    const tanh = new Float64Array(S);
    for (let j = 0; j < S; j++) tanh[j] = Math.tanh(x[F + K + j]!);
    for (const d of docs) {
      for (let k = 0; k < K; k++) scores[k] = x[F + k]!;
      for (let j = 0; j < d.idx.length; j++) {
        const base = d.idx[j]! * K;
        const v = d.val[j]!;
        for (let k = 0; k < K; k++) scores[k]! += v * x[base + k]!;
      }
      for (let j = 0; j < d.behaviour.length; j++) {
        const z = d.behaviour[j]!;
        if (z) for (let k = 0; k < K; k++) scores[k]! += z * o.cap * tanh[j * K + k]!;
      }
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, scores[k]!);
      let sum = 0;
      for (let k = 0; k < K; k++) sum += Math.exp(scores[k]! - max);
      const logZ = max + Math.log(sum);
      loss += logZ - scores[d.label]!;
      for (let k = 0; k < K; k++) {
        const gk = (Math.exp(scores[k]! - logZ) - (k === d.label ? 1 : 0)) * inv;
        scores[k] = gk;
        grad[F + k]! += gk;
      }
      for (let j = 0; j < d.idx.length; j++) {
        const base = d.idx[j]! * K;
        const v = d.val[j]!;
        for (let k = 0; k < K; k++) grad[base + k]! += v * scores[k]!;
      }
      for (let j = 0; j < d.behaviour.length; j++) {
        const z = d.behaviour[j]!;
        if (z) for (let k = 0; k < K; k++) grad[F + K + j * K + k]! += z * scores[k]! * o.cap * (1 - tanh[j * K + k]! ** 2);
      }
    }
    loss *= inv;
    let reg = 0;
    for (let i = 0; i < F; i++) {
      reg += x[i]! * x[i]!;
      grad[i]! += o.lambda * x[i]!;
    }
    for (let i = F + K; i < n; i++) {
      reg += x[i]! * x[i]!;
      grad[i]! += o.lambda * x[i]!;
    }
    return loss + 0.5 * o.lambda * reg;
  };
  const r = minimise(objective, x0, { maxIterations: o.maxIterations ?? 400, gradientTolerance: 1e-6, valueTolerance: 1e-10 });
  const behaviour = new Float64Array(S);
  for (let j = 0; j < S; j++) behaviour[j] = o.cap * Math.tanh(r.x[F + K + j]!);
  return { weights: r.x.slice(0, F), bias: r.x.slice(F, F + K), behaviour, params: r.x, iterations: r.iterations };
}

/** Scores (before calibration) of one document under a fit. */
export const scoreDoc = (fit: Pick<SoftmaxFit, 'weights' | 'bias' | 'behaviour'>, d: Pick<Doc, 'idx' | 'val' | 'behaviour'>): Float64Array =>
  linearScores(fit.bias, fit.weights, fit.behaviour, d.idx, d.val, d.behaviour);
