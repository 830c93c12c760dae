import { formatIssues, type PathedIssue } from '../schema/format-issues';
import { kindOf } from '../schema/issue-text';
import { jsonProblem } from '../schema/json-issue';
import { namedIssue } from '../schema/named-issue';
import { decodeUtf8 } from '../utf8';
import { packIssues } from './pack-issues';
import type { StrategyPack } from './schema';

export const MAX_PACK_BYTES = 2_000_000;

/** The id of the pack shipped with the extension (public/packs/default.json): no team pack may take it. */
export const BUILTIN_PACK_ID = 'default';

/** How deep a pack's JSON may nest and still be opened in the editor (a real pack nests about 7 levels). */
const MAX_DRAFT_DEPTH = 64;

/**
 * A pack file refused: `issues` (each at its JSON path, worded in any language by core/schema/issue-text.ts),
 * `error` the same in English lines, and `draft`, the file's JSON object when it parsed as one (no deeper than
 * an editor can show): what can be opened in the editor to fix.
 */
export type PackRefusal = { ok: false; error: string; issues: PathedIssue[]; draft?: Record<string, unknown> };
export type PackParse = { ok: true; pack: StrategyPack } | PackRefusal;
export type PackCheck = { ok: true; pack: StrategyPack } | { ok: false; issues: PathedIssue[] };

/** A size in the words of the size problems: `{ kb: 2500, mb: 2 }`. */
const sizeVars = (size: number) => ({ kb: Math.round(size / 1000), mb: MAX_PACK_BYTES / 1_000_000 });
/** The problem of a pack file of `size` bytes (or characters) over the limit. */
export const packTooLarge = (size: number) => namedIssue([], { issue: 'file-too-large', ...sizeVars(size) });
/** The problem of a pack of `size` characters over the limit inside another file (a backup). */
export const packSizeIssue = (size: number) => namedIssue([], { issue: 'pack-too-large', ...sizeVars(size) });
/** The problem of a team pack that takes the built-in pack's id (at `id`). */
export const builtinIdTaken = (id: string) => namedIssue(['id'], { issue: 'builtin-id', id });

/** A refusal of a pack file for these problems. */
export const refusal = (issues: PathedIssue[], draft?: Record<string, unknown>): PackRefusal => ({
  ok: false,
  error: formatIssues({ issues }),
  issues,
  ...(draft ? { draft } : {}),
});

/**
 * A pack as `JSON.parse` read it, checked as every pack that comes in is (a file, a URL, a backup): a pack
 * of a newer schema is refused at once, then the schema, then the plain-text rule (no HTML). The problems
 * come with their paths inside the pack.
 */
export function checkPackValue(raw: unknown): PackCheck {
  const r = packIssues(raw);
  return r.pack ? { ok: true, pack: r.pack } : { ok: false, issues: r.issues };
}

/** Whether a value nests no deeper than `max` levels (counted without recursion: it may be any JSON). */
function nestsWithin(value: unknown, max: number): boolean {
  const todo: [unknown, number][] = [[value, 0]];
  while (todo.length) {
    const [v, depth] = todo.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return false;
    for (const x of Object.values(v)) todo.push([x, depth + 1]);
  }
  return true;
}

/**
 * Whether a file's JSON is a strategy pack (or meant as one): an object with a numeric `schemaVersion` and a pack's
 * `id` or `types`, and no backup's `format`. A pack picked where a backup belongs is named as a pack.
 */
export function looksLikePack(raw: unknown): boolean {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return false;
  const r = raw as Record<string, unknown>;
  return !('format' in r) && typeof r.schemaVersion === 'number' && (typeof r.id === 'string' || (typeof r.types === 'object' && r.types !== null));
}

/** The problem of JSON that is not an object (`[…]`, a string…): a pack is an object. */
export const notAnObject = (raw: unknown) => namedIssue([], { issue: 'not-object', received: kindOf(raw) });

/** Reads a pack file's text; says what is wrong and where (JSON path), never throws. Texts must be plain (no HTML). */
export function parsePack(text: string): PackParse {
  if (text.length > MAX_PACK_BYTES) return refusal([packTooLarge(text.length)]);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return refusal([jsonProblem(text, e)]);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return refusal([notAnObject(raw)]);
  const r = checkPackValue(raw);
  return r.ok ? r : refusal(r.issues, nestsWithin(raw, MAX_DRAFT_DEPTH) ? (raw as Record<string, unknown>) : undefined);
}

/**
 * Reads a pack file as it comes in (a picked file, a download, a file on disk): at most MAX_PACK_BYTES, UTF-8
 * (else refused with the offset of the first bad byte, never read with replacement characters), then `parsePack`.
 */
export function parsePackBytes(bytes: Uint8Array): PackParse {
  if (bytes.length > MAX_PACK_BYTES) return refusal([packTooLarge(bytes.length)]);
  const text = decodeUtf8(bytes);
  return text.ok ? parsePack(text.text) : refusal([namedIssue([], { issue: 'not-utf8', offset: text.offset, line: text.line, byte: text.byte })]);
}
