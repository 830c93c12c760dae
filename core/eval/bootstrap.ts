import { evaluate, type Prediction } from './metrics';

/** A deterministic generator (mulberry32): the same interval on every run. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

/** Percentile bootstrap interval of a metric over resampled cases (default: macro-F1, 95 %, 1,000 resamples). */
export function bootstrap(
  preds: readonly Prediction[],
  o: { metric?: (p: Prediction[]) => number; resamples?: number; level?: number; seed?: number } = {},
): Interval {
  const metric = o.metric ?? ((p) => evaluate(p).macroF1);
  const resamples = o.resamples ?? 1000;
  const level = o.level ?? 0.95;
  const rnd = seeded(o.seed ?? 7);
  const values: number[] = [];
  const sample = new Array<Prediction>(preds.length);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < preds.length; i++) sample[i] = preds[Math.floor(rnd() * preds.length)]!;
    values.push(metric(sample));
  }
  values.sort((a, b) => a - b);
  const at = (q: number) => values[Math.min(values.length - 1, Math.max(0, Math.round(q * (values.length - 1))))]!;
  return { estimate: metric([...preds]), low: at((1 - level) / 2), high: at(1 - (1 - level) / 2) };
}
