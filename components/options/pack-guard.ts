import { builtinIdTaken, parsePackBytes, type PackParse } from '../../core/pack/parse';

export { findMarkup, pathString } from '../../core/pack/markup';

export interface PathIssue {
  path: string;
  message: string;
}

/**
 * Reads a pack file's bytes for the options page: UTF-8, the schema check (with JSON paths) and the plain-text
 * rule (`parsePackBytes`), then the page's own: the built-in pack's id is taken. Never throws.
 */
export function readPack(bytes: Uint8Array, builtinId: string): PackParse {
  const r = parsePackBytes(bytes);
  if (r.ok && r.pack.id === builtinId) return { ok: false, error: `id: ${builtinIdTaken(r.pack.id)}` };
  return r;
}
