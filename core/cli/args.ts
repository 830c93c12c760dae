import { readFileSync } from 'node:fs';
import { layerPacks } from '../pack/merge';
import { readDefaultPack } from '../pack/node-default';
import { parsePack } from '../pack/parse';
import type { StrategyPack } from '../pack/schema';
import { decodeUtf8 } from '../utf8';

/** Exits with a message on stderr: the CLIs' way to refuse bad input. */
export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** A text file (a pack, labelled conversations): UTF-8, or the CLI stops and names the first bad byte's offset. */
export function readText(path: string): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return fail(`cannot read ${path}: ${(e as Error).message}`);
  }
  const text = decodeUtf8(bytes);
  return text.ok ? text.text : fail(`${path}: ${text.error}`);
}

/** The default pack, with the pack at `path` layered over it when given. */
export function loadPack(path: string | undefined): StrategyPack {
  if (!path) return readDefaultPack();
  const r = parsePack(readText(path));
  if (!r.ok) fail(`${path} is not a valid strategy pack:\n${r.error}`);
  return layerPacks([readDefaultPack(), r.pack]).pack;
}
