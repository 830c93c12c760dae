import { pathString, type PathedIssue } from '../schema/format-issues';

export { pathString };

// A tag, a comment or a script URL. Pack text is always shown as text, so this is not about safety in
// Tipazh itself: a pack with markup was most likely exported from an HTML editor by mistake, and its
// phrases would paste raw tags into replies.
const MARKUP = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--|javascript:/i;

/**
 * Texts of a pack that contain HTML or script, at their paths. Examples are left out: they are
 * client conversations, where a pasted tag is real data.
 */
export function markupIssues(pack: unknown): PathedIssue[] {
  const out: PathedIssue[] = [];
  const walk = (v: unknown, path: PropertyKey[]) => {
    if (typeof v === 'string') {
      const m = MARKUP.exec(v);
      if (m) out.push({ path, message: `contains HTML or script (${m[0].slice(0, 40)}); pack texts must be plain text` });
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) if (!(path.length === 0 && k === 'examples')) walk(x, [...path, k]);
    }
  };
  walk(pack, []);
  return out;
}

/** The same, with each path printed (`types.tester.phrases[0].text`). */
export const findMarkup = (pack: unknown): { path: string; message: string }[] => markupIssues(pack).map((i) => ({ path: pathString(i.path), message: i.message }));
