import { prepareCases, crossValidate, fitModelFile, type CrossValidation, type Hyper } from './train';
import type { LabelledCase } from '../eval/labelled';
import type { TypeModelFile } from '../classifier/type-model';

/** The fixed settings of `npm run train`; λ is chosen by cross-validation, the rest is fixed here. */
export const TRAINING = { folds: 5, seed: 20261201, minDf: 2, behaviourCap: 0.25 } as const;

export interface TrainResult {
  model: TypeModelFile;
  cv: CrossValidation;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Cross-validates, calibrates and fits the shipped model on a corpus. Deterministic. */
export function trainTypeModel(
  cases: readonly LabelledCase[],
  corpus: { files: string[]; sha256: string },
  onProgress?: (done: number, total: number) => void,
): TrainResult {
  const prepared = prepareCases(cases);
  const cv = crossValidate(prepared, { minDf: TRAINING.minDf, behaviourCap: TRAINING.behaviourCap }, { folds: TRAINING.folds, seed: TRAINING.seed, onProgress });
  const hyper: Hyper = { lambda: cv.lambda, minDf: TRAINING.minDf, behaviourCap: TRAINING.behaviourCap };
  const model = fitModelFile(prepared, hyper, cv.calibration, {
    trainedOn: { files: corpus.files, cases: prepared.length, sha256: corpus.sha256 },
    hyper: { ...hyper, folds: TRAINING.folds, seed: TRAINING.seed, lambdasTried: cv.grid.map((g) => g.lambda) },
    features: 'client words only (quotes, signatures and footers stripped): word and stem 1-2-grams, sublinear TF-IDF, unit length; behaviour signals standardised, weights capped',
    cv: {
      grid: cv.grid.map((g) => ({ lambda: g.lambda, macroF1: r3(g.macroF1), logLoss: r3(g.logLoss) })),
      macroF1: r3(cv.report.macroF1),
      accuracy: r3(cv.report.accuracy),
      calibrationError: r3(cv.report.calibrationError),
    },
  });
  return { model, cv };
}
