// Validation problems read in English (zod/mini has no locale of its own).
import '../schema/english-issues';
/** `npm run classify -- <file.jsonl> [--pack pack.json] [--model types.json]`: one JSON line per case with the type and its evidence. */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { classify } from '../classifier/classify';
import { readShippedModel } from '../classifier/node-model';
import { caseInput, parseJsonl } from '../eval/labelled';
import { fail, loadPack, readText } from './args';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { pack: { type: 'string' }, model: { type: 'string' } } });
if (!positionals[0]) fail('usage: npm run classify -- <file.jsonl> [--pack pack.json] [--model types.json]');
const pack = loadPack(values.pack);
let model;
try {
  model = readShippedModel(values.model ? join(process.cwd(), values.model) : undefined);
} catch (e) {
  fail((e as Error).message);
}
const { cases, errors } = parseJsonl(readText(positionals[0]));
for (const e of errors) process.stderr.write(`skipped ${e}\n`);
const round = (x: number) => Math.round(x * 1000) / 1000;
for (const c of cases) {
  const r = classify(caseInput(c), { model, pack });
  const probabilities = Object.fromEntries(Object.entries(r.probabilities).map(([k, v]) => [k, round(v)]));
  const evidence = r.evidence.slice(0, 12).map((e) => ({ ...e, contribution: round(e.contribution), ...('value' in e ? { value: round(e.value) } : {}) }));
  process.stdout.write(`${JSON.stringify({ id: c.id, type: r.type, confidence: round(r.confidence), probabilities, evidence })}\n`);
}
if (errors.length && !cases.length) process.exit(1);
