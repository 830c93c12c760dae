export interface PackChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What differs between two versions of a pack, as JSON paths (arrays compared whole), for "what changed". */
export function diffPacks(before: unknown, after: unknown, path = ''): PackChange[] {
  if (isObj(before) && isObj(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].flatMap((k) => {
      const p = path ? `${path}.${k}` : k;
      if (!(k in before)) return [{ path: p, kind: 'added' as const }];
      if (!(k in after)) return [{ path: p, kind: 'removed' as const }];
      return diffPacks(before[k], after[k], p);
    });
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path: path || '(root)', kind: 'changed' }];
}
