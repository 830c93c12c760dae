// Validation problems read in English (zod/mini has no locale of its own).
import '../schema/english-issues';
/**
 * `npm run eval -- <labelled.jsonl or folder> [--pack pack.json] [--model types.json] [--misses] [--cv K [--by-writer]]`:
 * per-type precision/recall/F1, confusion, calibration, a bootstrap interval and slices; last line
 * `macro-F1 0.xxx`. With `--cv K`, stratified K-fold cross-validation of the training recipe on the set
 * instead of the shipped model (`--by-writer`: one fold per writer's batch, the id's first part).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { classify } from '../classifier/classify';
import { readShippedModel } from '../classifier/node-model';
import { caseInput, type LabelledCase } from '../eval/labelled';
import { evaluate, formatReport, type Prediction } from '../eval/metrics';
import { sliceLines } from '../eval/slices';
import { readCorpus } from '../train/corpus';
import { BASE_HYPER, TRAINING } from '../train/run';
import { crossValidateInWorkers } from '../train/parallel-cv';
import { prepareCases } from '../train/train';
import { fail, loadPack } from './args';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { pack: { type: 'string' }, model: { type: 'string' }, misses: { type: 'boolean' }, cv: { type: 'string' }, 'by-writer': { type: 'boolean' } },
});
if (!positionals.length) fail('usage: npm run eval -- <labelled.jsonl or folder> [--pack pack.json] [--model types.json] [--misses] [--cv K]');
let cases: LabelledCase[];
try {
  cases = readCorpus(positionals, process.cwd()).cases.filter((c) => c.label);
} catch (e) {
  fail((e as Error).message);
}
if (!cases.length) fail('no labelled cases to evaluate');

function shipped(): Prediction[] {
  let model;
  try {
    model = readShippedModel(values.model ? join(process.cwd(), values.model) : undefined);
  } catch (e) {
    fail((e as Error).message);
  }
  const pack = loadPack(values.pack);
  return cases.map((c) => {
    const r = classify(caseInput(c), { model, pack });
    if (values.misses && r.type !== c.label) {
      const top = r.evidence
        .filter((e) => e.type === r.type)
        .slice(0, 4)
        .map((e) => `${e.kind === 'word' ? e.word : e.kind === 'cue' ? e.cue : e.kind === 'signal' ? e.signal : 'learned'}(${e.contribution.toFixed(1)})`);
      process.stderr.write(`miss ${c.id}: ${c.label} -> ${r.type} ${r.confidence.toFixed(2)}  ${top.join(' ')}\n`);
    }
    return { label: c.label!, predicted: r.type, confidence: r.confidence };
  });
}

async function crossValidated(folds: number): Promise<Prediction[]> {
  if (!(folds >= 2 && folds <= 20)) fail('--cv takes a number of folds from 2 to 20');
  const prepared = prepareCases(cases);
  const options = { folds, seed: TRAINING.seed, byWriter: !!values['by-writer'], lambdas: [...TRAINING.lambdas] };
  const cv = await crossValidateInWorkers(cases, prepared, options, BASE_HYPER, (d, t) => process.stderr.write(`\rcross-validating ${d}/${t}`));
  process.stderr.write(`\nchosen λ ${cv.lambda}; the unknown margin and temperature are fitted on these same out-of-fold scores\n`);
  // prepareCases sorts by id: put the cases in the same order as the predictions.
  const byId = new Map(cases.map((c) => [c.id, c]));
  cases = prepared.map((p) => byId.get(p.id)!);
  return cv.predictions;
}

const preds = values.cv ? await crossValidated(Number(values.cv)) : shipped();
process.stdout.write(`${formatReport(evaluate(preds), sliceLines(cases, preds))}\n`);
