import { formatIssues } from '../schema/format-issues';
import { findMarkup } from './markup';
import { PACK_SCHEMA_VERSION, StrategyPack } from './schema';

export const MAX_PACK_BYTES = 2_000_000;

export type PackParse = { ok: true; pack: StrategyPack } | { ok: false; error: string };

/** Reads a pack file's text; says what is wrong and where (JSON path), never throws. Texts must be plain (no HTML). */
export function parsePack(text: string): PackParse {
  if (text.length > MAX_PACK_BYTES) return { ok: false, error: `(root): the file is ${Math.round(text.length / 1000)} KB; a pack may be at most ${MAX_PACK_BYTES / 1_000_000} MB` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `(root): not valid JSON: ${(e as Error).message}` };
  }
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > PACK_SCHEMA_VERSION) {
    return { ok: false, error: `schemaVersion: this pack needs a newer Tipazh (schema ${version}; this one reads ${PACK_SCHEMA_VERSION})` };
  }
  const r = StrategyPack.safeParse(raw);
  if (!r.success) return { ok: false, error: formatIssues(r.error) };
  const markup = findMarkup(r.data);
  if (markup.length) return { ok: false, error: markup.slice(0, 10).map((i) => `${i.path}: ${i.message}`).join('\n') };
  return { ok: true, pack: r.data };
}
