import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readShippedModel, SHIPPED_MODEL_PATH } from '../../../core/classifier/node-model';
import { loadTypeModel, TypeModelFile } from '../../../core/classifier/type-model';
import { readCorpus } from '../../../core/train/corpus';
import { formatModelFile } from '../../../core/train/model-file';
import { BASE_HYPER } from '../../../core/train/run';
import { fitModelFile, prepareCases } from '../../../core/train/train';

const root = join(import.meta.dirname, '../../..');
const text = readFileSync(SHIPPED_MODEL_PATH, 'utf8');
const file = TypeModelFile.parse(JSON.parse(text));
const meta = file.meta as {
  trainedOn: { sha256: string; files: string[]; cases: number };
  hyper: { lambda: number; minDf: number; behaviourCap: number; prune: number };
  trainedAt: string;
};

/*
 * The shipped model can never drift from its data: it was trained on exactly the committed training corpus,
 * and fitting again with the settings its metadata records (λ chosen by cross-validation, the calibration
 * fitted on out-of-fold predictions) gives the same file byte for byte. `npm run train` rewrites it.
 */
describe('the shipped type model', () => {
  const corpus = readCorpus([join(root, 'tests/fixtures/labelled/train')], root);

  it('was trained on the committed training corpus, and never on the holdout', () => {
    expect(meta.trainedOn.sha256, 'the training corpus changed: run npm run train').toBe(corpus.sha256);
    expect(meta.trainedOn.files).toEqual(corpus.files);
    expect(meta.trainedOn.files.some((f) => f.includes('holdout/'))).toBe(false);
    const holdout = readCorpus([join(root, 'tests/fixtures/labelled/holdout')], root).cases;
    const ids = new Set(corpus.cases.map((c) => c.id));
    expect(holdout.filter((c) => ids.has(c.id))).toEqual([]);
  });

  it('is what training produces from that corpus', { timeout: 60_000 }, () => {
    expect(meta.hyper).toMatchObject(BASE_HYPER);
    const again = fitModelFile(
      prepareCases(corpus.cases),
      meta.hyper,
      { temperature: file.temperature, unknownBias: file.unknownBias, smoothing: file.smoothing },
      file.meta,
    );
    expect(formatModelFile(again) === text, 'the committed model differs from a fresh fit: run npm run train').toBe(true);
  });

  it('is canonical and loads', () => {
    expect(formatModelFile(file)).toBe(text);
    expect(readShippedModel().index.size).toBe(file.features.length);
  });

  it('refuses a broken model file, saying where it is wrong', () => {
    expect(() => loadTypeModel({ ...file, bias: [1, 2] })).toThrow(/bias/);
    expect(() => loadTypeModel({ ...file, weights: file.weights.slice(1) })).toThrow(/inconsistent/);
  });
});
