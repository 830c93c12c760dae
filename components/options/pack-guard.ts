import { parsePack, type PackParse } from '../../core/pack/parse';
import type { StrategyPack } from '../../core/pack/schema';

/** A JSON path as the pack messages print it: `types.tester.cues[0].weight`. */
export function pathString(path: readonly PropertyKey[]): string {
  if (!path.length) return '(root)';
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}

export interface PathIssue {
  path: string;
  message: string;
}

// A tag, a comment or a script URL. Pack text is always shown as text, so this is not about safety in
// Tipazh itself: a pack with markup was most likely exported from an HTML editor by mistake, and its
// phrases would paste raw tags into replies.
const MARKUP = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--|javascript:/i;

/**
 * Texts of a pack that contain HTML or script, with their paths. Examples are left out: they are
 * client conversations, where a pasted tag is real data.
 */
export function findMarkup(pack: unknown): PathIssue[] {
  const out: PathIssue[] = [];
  const walk = (v: unknown, path: PropertyKey[]) => {
    if (typeof v === 'string') {
      const m = MARKUP.exec(v);
      if (m) out.push({ path: pathString(path), message: `contains HTML or script (${m[0].slice(0, 40)}); pack texts must be plain text` });
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) if (!(path.length === 0 && k === 'examples')) walk(x, [...path, k]);
    }
  };
  walk(pack, []);
  return out;
}

/**
 * Reads a pack file for the options page: the schema check (with JSON paths), then the page's own
 * rules (plain text only, the built-in pack's id is taken). Never throws.
 */
export function readPack(text: string, builtinId: string): PackParse {
  const r = parsePack(text);
  if (!r.ok) return r;
  return checkRules(r.pack, builtinId);
}

export function checkRules(pack: StrategyPack, builtinId: string): PackParse {
  const markup = findMarkup(pack);
  if (markup.length) return { ok: false, error: markup.slice(0, 10).map((i) => `${i.path}: ${i.message}`).join('\n') };
  if (pack.id === builtinId) return { ok: false, error: `id: "${pack.id}" is the built-in pack's id; give the team pack its own id` };
  return { ok: true, pack };
}
