import { calibrated, K, MODEL_LABELS, type Calibration } from '../classifier/type-model';
import { evaluate } from '../eval/metrics';
import type { TypeVerdict } from '../taxonomy';

/*
 * Calibration of a trained model's scores, fitted on out-of-fold predictions: the unknown margin, the
 * temperature and the floor of doubt.
 */

/** Predictions under a calibration, for the metrics. */
export function predictions(scores: readonly Float64Array[], labels: readonly number[], c: Calibration) {
  return scores.map((s, i) => {
    const p = calibrated(s, c);
    let best = 0;
    for (let k = 1; k < K; k++) if (p[k]! > p[best]!) best = k;
    return { label: MODEL_LABELS[labels[i]!]! as TypeVerdict, predicted: MODEL_LABELS[best]! as TypeVerdict, confidence: p[best]!, p: p[labels[i]!]! };
  });
}

export const logLoss = (preds: { p: number }[]) => -preds.reduce((s, x) => s + Math.log(Math.max(1e-12, x.p)), 0) / preds.length;

/** Doubt no fit goes below: with about a thousand training conversations, nothing is surer than ~99.5 %. */
export const MIN_SMOOTHING = 0.005;
const SMOOTHING_GRID = [0.005, 0.01, 0.02, 0.03, 0.05];

/**
 * The unknown margin that maximises macro-F1 (ties: the smallest margin); then the temperature and smoothing
 * that minimise log loss (golden-section search on log T for each smoothing on a small grid).
 */
export function calibrate(scores: readonly Float64Array[], labels: readonly number[]): Calibration {
  let best = { unknownBias: 0, f1: -1 };
  for (let b = -20; b <= 20; b++) {
    const unknownBias = b / 10;
    const f1 = evaluate(predictions(scores, labels, { unknownBias, temperature: 1, smoothing: 0 })).macroF1;
    if (f1 > best.f1 + 1e-9 || (Math.abs(f1 - best.f1) <= 1e-9 && Math.abs(unknownBias) < Math.abs(best.unknownBias))) best = { unknownBias, f1 };
  }
  let chosen: Calibration & { nll: number } = { unknownBias: best.unknownBias, temperature: 1, smoothing: MIN_SMOOTHING, nll: Infinity };
  for (const smoothing of SMOOTHING_GRID) {
    const nll = (logT: number) => logLoss(predictions(scores, labels, { unknownBias: best.unknownBias, temperature: Math.exp(logT), smoothing }));
    let lo = Math.log(0.05);
    let hi = Math.log(5);
    const phi = (Math.sqrt(5) - 1) / 2;
    for (let i = 0; i < 60; i++) {
      const a = hi - phi * (hi - lo);
      const b = lo + phi * (hi - lo);
      if (nll(a) <= nll(b)) hi = b;
      else lo = a;
    }
    const logT = (lo + hi) / 2;
    const value = nll(logT);
    if (value < chosen.nll) chosen = { unknownBias: best.unknownBias, temperature: Math.exp(logT), smoothing, nll: value };
  }
  return { unknownBias: chosen.unknownBias, temperature: chosen.temperature, smoothing: chosen.smoothing };
}
