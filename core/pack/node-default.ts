import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePackBytes } from './parse';
import type { StrategyPack } from './schema';

/** Where the built-in pack lives: shipped as data (public/), fetched by the extension at run time. */
export const DEFAULT_PACK_PATH = join(dirname(fileURLToPath(import.meta.url)), '../../public/packs/default.json');

let cached: StrategyPack | undefined;

/** The built-in pack read from disk, for the CLIs, benchmarks and tests that run in Node. */
export function readDefaultPack(): StrategyPack {
  if (cached) return cached;
  const r = parsePackBytes(readFileSync(DEFAULT_PACK_PATH));
  if (!r.ok) throw new Error(`the built-in pack is invalid:\n${r.error}`);
  return (cached = r.pack);
}
