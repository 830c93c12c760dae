import type { z } from './zod';

/* The keys a schema allows at a path of its input: what an unknown key there could have been meant as. */

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def?: Def } } | undefined)?._zod?.def;

/** The schema under wrappers that do not change the shape (optional, default, nullable, a pipe's output…). */
function unwrap(schema: unknown): Def | undefined {
  for (let def = defOf(schema), n = 0; def && n < 20; n++) {
    if (
      def.type === 'optional' ||
      def.type === 'default' ||
      def.type === 'nullable' ||
      def.type === 'readonly' ||
      def.type === 'prefault' ||
      def.type === 'catch'
    )
      def = defOf(def.innerType);
    else if (def.type === 'pipe') {
      const out = defOf(def.out);
      def = out && out.type !== 'transform' ? out : defOf(def.in);
    } else return def;
  }
  return undefined;
}

/** The keys of an object schema, or the ids an enum-keyed record takes. */
function keysOf(def: Def | undefined): string[] | undefined {
  if (def?.type === 'object') return Object.keys(def.shape as object);
  if (def?.type === 'record') {
    const key = unwrap(def.keyType);
    if (key?.type === 'enum') return Object.values(key.entries as Record<string, string>);
  }
  return undefined;
}

/** The keys allowed at `path` of `schema`'s input (an object's keys, a record's ids), or none when the path leads elsewhere. */
export function keysAt(schema: z.ZodMiniType, path: readonly PropertyKey[]): string[] | undefined {
  let def = unwrap(schema);
  for (const key of path) {
    if (!def) return undefined;
    if (def.type === 'object') def = unwrap((def.shape as Record<string, unknown>)[String(key)]);
    else if (def.type === 'record') def = unwrap(def.valueType);
    else if (def.type === 'array') def = unwrap(def.element);
    else return undefined;
  }
  return keysOf(def);
}
