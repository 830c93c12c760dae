import { builtinIdTaken, parsePackBytes, refusal, type PackParse } from '../../core/pack/parse';
import type { Issue } from '../../core/schema/issue-text';

export { pathString } from '../../core/pack/markup';

/** A problem of the draft in the editor: its printed path (the form's fields are found by it) and the issue itself. */
export interface PathIssue {
  path: string;
  issue: Issue;
}

/**
 * Reads a pack file's bytes for the options page: UTF-8, the schema check (with JSON paths) and the plain-text
 * rule (`parsePackBytes`), then the page's own: the built-in pack's id is taken. Never throws.
 */
export function readPack(bytes: Uint8Array, builtinId: string): PackParse {
  const r = parsePackBytes(bytes);
  if (r.ok && r.pack.id === builtinId) return refusal([builtinIdTaken(r.pack.id)], structuredClone(r.pack) as Record<string, unknown>);
  return r;
}
