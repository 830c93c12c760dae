import type { TypeModelFile } from '../classifier/type-model';

const sortKeys = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  return v;
};

/**
 * The canonical text of a model file: keys sorted at every level, one top-level key per line (the big arrays
 * each on their own line), final newline. The same model always gives the same bytes.
 */
export function formatModelFile(model: TypeModelFile): string {
  const m = sortKeys(model) as Record<string, unknown>;
  const lines = Object.keys(m).map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(m[k])}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}
