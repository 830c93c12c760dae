import type { z } from './zod';

/** A JSON path as messages print it: `types.tester.cues[0].weight`, or `(root)`. */
export function pathString(path: readonly PropertyKey[]): string {
  if (!path.length) return '(root)';
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}

/** A problem at a JSON path: a zod issue, or one of the checks made after the schema (a pack's plain-text rule). */
export type PathedIssue = Pick<z.core.$ZodIssue, 'path' | 'message'>;

/** Turns zod issues into short lines that say where the input is wrong, e.g. `client.name: expected string`. */
export function formatIssues(error: { issues: readonly PathedIssue[] }, max = 10): string {
  const lines = error.issues.slice(0, max).map((i) => `${pathString(i.path)}: ${i.message}`);
  if (error.issues.length > max) lines.push(`… and ${error.issues.length - max} more`);
  return lines.join('\n');
}
