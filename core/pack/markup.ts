import { pathString, type PathedIssue } from '../schema/format-issues';
import { namedIssue } from '../schema/named-issue';

export { pathString };

// A tag, a comment or a script URL. Pack text is always shown as text, so this is not about safety in
// Tipazh itself: a pack with markup was most likely exported from an HTML editor by mistake, and its
// phrases would paste raw tags into replies.
const MARKUP = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--|javascript:/i;

/**
 * Texts of a pack that contain HTML or script, at their paths. Examples are left out: they are client
 * conversations, where a pasted tag is real data. Walks with its own stack: the value may be any JSON a file held.
 */
export function markupIssues(pack: unknown): PathedIssue[] {
  type Node = { v: unknown; key?: PropertyKey; up?: Node };
  const pathOf = (n: Node) => {
    const path: PropertyKey[] = [];
    for (let at: Node | undefined = n; at?.up; at = at.up) path.push(at.key!);
    return path.reverse();
  };
  const out: PathedIssue[] = [];
  const todo: Node[] = [{ v: pack }];
  while (todo.length) {
    const node = todo.pop()!;
    const v = node.v;
    if (typeof v === 'string') {
      const m = MARKUP.exec(v);
      if (m) out.push(namedIssue(pathOf(node), { issue: 'markup', found: m[0].slice(0, 40) }));
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) todo.push({ v: v[i], key: i, up: node });
    } else if (v && typeof v === 'object') {
      const entries = Object.entries(v).filter(([k]) => !(!node.up && k === 'examples'));
      for (let i = entries.length - 1; i >= 0; i--) todo.push({ v: entries[i]![1], key: entries[i]![0], up: node });
    }
  }
  return out;
}
