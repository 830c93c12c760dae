// Validation problems read in English (zod/mini has no locale of its own).
import '../schema/english-issues';
/** `npm run pack:format -- <pack.json>…`: rewrites packs in canonical form (keys in schema order, 2-space JSON). */
import { writeFileSync } from 'node:fs';
import { formatPack } from '../pack/format';
import { parsePack } from '../pack/parse';
import { fail, readText } from './args';

const files = process.argv.slice(2);
if (!files.length) fail('usage: npm run pack:format -- <pack.json>…');
for (const file of files) {
  const parsed = parsePack(readText(file));
  if (!parsed.ok) fail(`${file}: invalid strategy pack, left as it was\n${parsed.error}`);
  writeFileSync(file, formatPack(parsed.pack));
  console.log(`${file}: formatted`);
}
