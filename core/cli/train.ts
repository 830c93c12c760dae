// Validation problems read in English (zod/mini has no locale of its own).
import '../schema/english-issues';
/**
 * `npm run train [-- <corpus files or folders>] [--out file]`: trains the type model on the labelled training
 * corpus (tests/fixtures/labelled/train/ by default) and writes public/models/types.json. Deterministic: the
 * same corpus gives the same file, except its `trainedAt` line.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatReport } from '../eval/metrics';
import { readCorpus } from '../train/corpus';
import { formatModelFile } from '../train/model-file';
import { trainTypeModel } from '../train/run';
import { fail } from './args';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_CORPUS = join(root, 'tests/fixtures/labelled/train');
export const DEFAULT_MODEL = join(root, 'public/models/types.json');

const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' } } });
let corpus;
try {
  corpus = readCorpus(positionals.length ? positionals : [DEFAULT_CORPUS], root);
} catch (e) {
  fail(`cannot read the corpus: ${(e as Error).message}`);
}
const started = performance.now();
const { model, cv } = await trainTypeModel(corpus.cases, corpus, (done, total) => process.stderr.write(`\rcross-validating ${done}/${total}`));
process.stderr.write('\n');
const out = values.out ?? DEFAULT_MODEL;
writeFileSync(out, formatModelFile({ ...model, meta: { ...model.meta, trainedAt: new Date().toISOString().slice(0, 10) } }));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(
  [
    `trained on ${corpus.cases.length} conversations from ${corpus.files.length} files in ${seconds} s; ${model.features.length} features`,
    ...cv.grid.map((g) => `  λ ${g.lambda}: out-of-fold macro-F1 ${g.macroF1.toFixed(3)}, log loss ${g.logLoss.toFixed(3)}`),
    `chosen λ ${cv.lambda}; unknown margin ${cv.calibration.unknownBias}; temperature ${cv.calibration.temperature.toFixed(3)}; smoothing ${cv.calibration.smoothing}`,
    `${cv.folds}-fold cross-validation, calibrated:`,
    formatReport(cv.report),
    `wrote ${out}`,
  ].join('\n') + '\n',
);
