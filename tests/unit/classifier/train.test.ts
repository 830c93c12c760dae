import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { K } from '../../../core/classifier/type-model';
import { readCorpus } from '../../../core/train/corpus';
import { minimise } from '../../../core/train/lbfgs';
import { crossValidateInWorkers } from '../../../core/train/parallel-cv';
import { writerOf } from '../../../core/eval/labelled';
import { fitSoftmax, scoreDoc, type Doc } from '../../../core/train/softmax';
import { crossValidate, prepareCases } from '../../../core/train/train';

describe('training', () => {
  it('L-BFGS finds the minimum of a quadratic', () => {
    const target = Float64Array.from({ length: 50 }, (_, i) => i / 10 - 2);
    const r = minimise((x, g) => {
      let f = 0;
      for (let i = 0; i < x.length; i++) {
        const d = x[i]! - target[i]!;
        f += (i + 1) * d * d;
        g[i] = 2 * (i + 1) * d;
      }
      return f;
    }, new Float64Array(50));
    for (let i = 0; i < 50; i++) expect(r.x[i]).toBeCloseTo(target[i]!, 4);
  });

  it("the softmax fit is at its optimum: it learns the labels, and each feature's weights sum to zero over labels", () => {
    // Feature f (of 16) marks label f % K; two behaviour signals of noise.
    const docs: Doc[] = Array.from({ length: 64 }, (_, i) => ({
      idx: Int32Array.of(i % 16, 16 + ((i * 7) % 5)),
      val: Float64Array.of(0.9, 0.3),
      behaviour: Float64Array.of(((i * 13) % 7) / 7 - 0.5, ((i * 5) % 3) / 3 - 0.5),
      label: (i % 16) % K,
    }));
    const fit = fitSoftmax(docs, { features: 21, signals: 2, lambda: 1e-3, cap: 0.1 });
    for (const d of docs) {
      const s = scoreDoc(fit, d);
      expect(s.indexOf(Math.max(...s))).toBe(d.label);
    }
    // The gradient of the mean cross-entropy sums to zero over labels, so at the L2 optimum so do the weights.
    for (let f = 0; f < 21; f++) {
      let sum = 0;
      for (let k = 0; k < K; k++) sum += fit.weights[f * K + k]!;
      expect(Math.abs(sum)).toBeLessThan(1e-4);
    }
    for (const w of fit.behaviour) expect(Math.abs(w)).toBeLessThanOrEqual(0.1);
  });

  it('cross-validation in worker processes gives exactly what one thread gives', { timeout: 60_000 }, async () => {
    const root = join(import.meta.dirname, '../../..');
    const all = readCorpus([join(root, 'tests/fixtures/labelled/train')], root).cases;
    const cases = all.filter((c) => ['t1', 't2', 't3'].includes(writerOf(c)));
    const hyper = { minDf: 3, behaviourCap: 0.1, prune: 0.5 };
    const options = { folds: 3, seed: 1, byWriter: true, lambdas: [1e-4] };
    const prepared = prepareCases(cases);
    const one = crossValidate(prepared, hyper, { ...options, groupOf: writerOf });
    const two = await crossValidateInWorkers(cases, prepared, options, hyper);
    expect(two.folds).toBe(3);
    expect(two.predictions).toEqual(one.predictions);
    expect(two.calibration).toEqual(one.calibration);
  });
});
