/** `npm run eval -- <labelled.jsonl> [--pack pack.json]`: per-type precision/recall/F1, confusion, calibration; last line `macro-F1 0.xxx`. */
import { parseArgs } from 'node:util';
import { classify } from '../classifier/classify';
import { caseInput, parseJsonl } from '../eval/labelled';
import { evaluate, formatReport } from '../eval/metrics';
import { fail, loadPack, readText } from './args';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { pack: { type: 'string' }, misses: { type: 'boolean' } } });
if (!positionals[0]) fail('usage: npm run eval -- <labelled.jsonl> [--pack pack.json] [--misses]');
const pack = loadPack(values.pack);
const { cases, errors } = parseJsonl(readText(positionals[0]));
for (const e of errors) process.stderr.write(`skipped ${e}\n`);
const labelled = cases.filter((c) => c.label);
if (!labelled.length) fail('no labelled cases to evaluate');
const preds = labelled.map((c) => {
  const r = classify(caseInput(c), pack);
  if (values.misses && r.type !== c.label) {
    const top = r.evidence.slice(0, 4).map((e) => `${e.type}:${e.kind === 'cue' ? e.cue : e.kind === 'signal' ? e.signal : 'learned'}(${e.contribution.toFixed(1)})`);
    process.stderr.write(`miss ${c.id}: ${c.label} -> ${r.type} ${r.confidence.toFixed(2)}  ${top.join(' ')}\n`);
  }
  return { label: c.label!, predicted: r.type, confidence: r.confidence };
});
process.stdout.write(`${formatReport(evaluate(preds))}\n`);
