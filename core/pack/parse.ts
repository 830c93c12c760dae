import { formatIssues, type PathedIssue } from '../schema/format-issues';
import { decodeUtf8 } from '../utf8';
import { markupIssues } from './markup';
import { PACK_SCHEMA_VERSION, StrategyPack } from './schema';

export const MAX_PACK_BYTES = 2_000_000;

/** The id of the pack shipped with the extension (public/packs/default.json): no team pack may take it. */
export const BUILTIN_PACK_ID = 'default';

export type PackParse = { ok: true; pack: StrategyPack } | { ok: false; error: string };
export type PackCheck = { ok: true; pack: StrategyPack } | { ok: false; issues: PathedIssue[] };

/** A pack's size against the limit: `2500 KB; a pack may be at most 2 MB`. */
export const packSize = (size: number) => `${Math.round(size / 1000)} KB; a pack may be at most ${MAX_PACK_BYTES / 1_000_000} MB`;
/** What is said of a pack file of `size` bytes (or characters) over the limit. */
export const packTooLarge = (size: number) => `(root): the file is ${packSize(size)}`;

/** What is said of a team pack that takes the built-in pack's id (at `id`). */
export const builtinIdTaken = (id: string) => `"${id}" is the built-in pack's id; give the team pack its own id`;

/**
 * A pack as `JSON.parse` read it, checked as every pack that comes in is (a file, a URL, a backup): a pack
 * of a newer schema is refused at once, then the schema, then the plain-text rule (no HTML). The problems
 * come with their paths inside the pack.
 */
export function checkPackValue(raw: unknown): PackCheck {
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > PACK_SCHEMA_VERSION) {
    return { ok: false, issues: [{ path: ['schemaVersion'], message: `this pack needs a newer Tipazh (schema ${version}; this one reads ${PACK_SCHEMA_VERSION})` }] };
  }
  const r = StrategyPack.safeParse(raw);
  if (!r.success) return { ok: false, issues: r.error.issues };
  const markup = markupIssues(r.data);
  return markup.length ? { ok: false, issues: markup } : { ok: true, pack: r.data };
}

/** Reads a pack file's text; says what is wrong and where (JSON path), never throws. Texts must be plain (no HTML). */
export function parsePack(text: string): PackParse {
  if (text.length > MAX_PACK_BYTES) return { ok: false, error: packTooLarge(text.length) };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `(root): not valid JSON: ${(e as Error).message}` };
  }
  const r = checkPackValue(raw);
  return r.ok ? r : { ok: false, error: formatIssues(r) };
}

/**
 * Reads a pack file as it comes in (a picked file, a download, a file on disk): at most MAX_PACK_BYTES, UTF-8
 * (else refused with the offset of the first bad byte, never read with replacement characters), then `parsePack`.
 */
export function parsePackBytes(bytes: Uint8Array): PackParse {
  if (bytes.length > MAX_PACK_BYTES) return { ok: false, error: packTooLarge(bytes.length) };
  const text = decodeUtf8(bytes);
  return text.ok ? parsePack(text.text) : { ok: false, error: `(root): ${text.error}` };
}
