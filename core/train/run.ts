import type { TypeModelFile } from '../classifier/type-model';
import type { LabelledCase } from '../eval/labelled';
import { crossValidateInWorkers } from './parallel-cv';
import { fitModelFile, prepareCases, type CrossValidation, type Hyper } from './train';

/**
 * The fixed settings of `npm run train`. λ is chosen by cross-validation from `lambdas`; the folds are the
 * writers' batches (each batch has every label in the same proportions, so the folds are stratified too), so the
 * choice of λ, the unknown margin and the temperature all answer "how does it do on a writer it never saw".
 * The behaviour cap and minimum document frequency were chosen the same way (see README, "The classifier").
 */
export const TRAINING = {
  /** Used by `eval --cv` without `--by-writer`. */ folds: 5,
  seed: 20261201,
  byWriter: true,
  lambdas: [1e-5, 3e-6, 1e-6],
  minDf: 3,
  behaviourCap: 0.1,
  prune: 0.5,
} as const;

/** The settings every fit shares (λ aside). */
export const BASE_HYPER = { minDf: TRAINING.minDf, behaviourCap: TRAINING.behaviourCap, prune: TRAINING.prune };

export interface TrainResult {
  model: TypeModelFile;
  cv: CrossValidation;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Cross-validates (in worker processes), calibrates and fits the shipped model on a corpus. Deterministic. */
export async function trainTypeModel(
  cases: readonly LabelledCase[],
  corpus: { files: string[]; sha256: string },
  onProgress?: (done: number, total: number) => void,
): Promise<TrainResult> {
  const prepared = prepareCases(cases);
  const base = BASE_HYPER;
  const cv = await crossValidateInWorkers(
    cases,
    prepared,
    { folds: TRAINING.folds, seed: TRAINING.seed, byWriter: TRAINING.byWriter, lambdas: [...TRAINING.lambdas] },
    base,
    onProgress,
  );
  const hyper: Hyper = { lambda: cv.lambda, ...base };
  const model = fitModelFile(prepared, hyper, cv.calibration, {
    trainedOn: { files: corpus.files, cases: prepared.length, sha256: corpus.sha256 },
    hyper: { ...hyper, folds: TRAINING.byWriter ? 'one per writer batch' : TRAINING.folds, lambdasTried: cv.grid.map((g) => g.lambda) },
    features:
      'client words only (quotes, signatures and footers stripped): stem 1-2-grams, sublinear TF-IDF, unit length; behaviour signals standardised, weights capped',
    cv: {
      grid: cv.grid.map((g) => ({ lambda: g.lambda, macroF1: r3(g.macroF1), logLoss: r3(g.logLoss) })),
      macroF1: r3(cv.report.macroF1),
      accuracy: r3(cv.report.accuracy),
      calibrationError: r3(cv.report.calibrationError),
    },
  });
  return { model, cv };
}
