// Validation problems read in English (zod/mini has no locale of its own).
import '../schema/english-issues';
/** `npm run pack:check -- <pack.json> [--examples file.jsonl]`: validates a pack and scores it on its examples. Exit 1 when invalid. */
import { parseArgs } from 'node:util';
import { readShippedModel } from '../classifier/node-model';
import { parseJsonl } from '../eval/labelled';
import { formatReport } from '../eval/metrics';
import { checkPack } from '../pack/check';
import { formatPack } from '../pack/format';
import { layerPacks } from '../pack/merge';
import { readDefaultPack } from '../pack/node-default';
import { parsePack } from '../pack/parse';
import { fail, readText } from './args';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { examples: { type: 'string' } } });
const file = positionals[0];
if (!file) fail('usage: npm run pack:check -- <pack.json> [--examples labelled.jsonl]');
const text = readText(file);
const parsed = parsePack(text);
if (!parsed.ok) fail(`${file}: invalid strategy pack\n${parsed.error}`);
const pack = parsed.pack;
console.log(`${file}: valid pack "${pack.id}" ${pack.version} by ${pack.author}`);
if (formatPack(pack) !== text) console.log('note: not in canonical form (run npm run pack:format -- <file> to rewrite it)');
if (pack.classifier)
  console.log(
    'note: "classifier" (unknownScore, temperature) is no longer used: the trained model is calibrated on its own; cues, signal weights and examples still count',
  );

const examples = [...(pack.examples ?? [])];
if (values.examples) {
  const { cases, errors } = parseJsonl(readText(values.examples));
  for (const e of errors) console.error(`skipped ${e}`);
  examples.push(...cases);
}
if (!examples.length) {
  console.log('no examples to evaluate (add "examples" to the pack or pass --examples)');
  process.exit(0);
}
const effective = pack.id === readDefaultPack().id ? pack : layerPacks([readDefaultPack(), pack]).pack;
const { report, misses } = checkPack(readShippedModel(), effective, examples);
for (const m of misses.slice(0, 20)) console.log(`miss ${m.example.id}: ${m.example.label} → ${m.result.type} (${m.result.confidence.toFixed(2)})`);
console.log(formatReport(report));
