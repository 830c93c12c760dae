import { findMarkup } from '../../core/pack/markup';
import { parsePackBytes, type PackParse } from '../../core/pack/parse';

export { findMarkup, pathString } from '../../core/pack/markup';

export interface PathIssue {
  path: string;
  message: string;
}
import type { StrategyPack } from '../../core/pack/schema';

/**
 * Reads a pack file's bytes for the options page: UTF-8, the schema check (with JSON paths), then the page's
 * own rules (plain text only, the built-in pack's id is taken). Never throws.
 */
export function readPack(bytes: Uint8Array, builtinId: string): PackParse {
  const r = parsePackBytes(bytes);
  if (!r.ok) return r;
  return checkRules(r.pack, builtinId);
}

export function checkRules(pack: StrategyPack, builtinId: string): PackParse {
  const markup = findMarkup(pack);
  if (markup.length) return { ok: false, error: markup.slice(0, 10).map((i) => `${i.path}: ${i.message}`).join('\n') };
  if (pack.id === builtinId) return { ok: false, error: `id: "${pack.id}" is the built-in pack's id; give the team pack its own id` };
  return { ok: true, pack };
}
