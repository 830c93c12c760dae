/**
 * Reads a value deep inside an unvalidated API answer, or undefined. The content script only looks at the
 * few ids it needs to fetch the next thing; everything it passes on is validated by the background.
 */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let cur = value;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

/** An id (number or string) as a string, or undefined. */
export const idAt = (value: unknown, ...path: (string | number)[]): string | undefined => {
  const v = at(value, ...path);
  return typeof v === 'number' || (typeof v === 'string' && v) ? String(v) : undefined;
};
