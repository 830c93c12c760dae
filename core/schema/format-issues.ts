import type { z } from './zod';

/** Turns zod issues into short lines that say where the input is wrong, e.g. `client.name: expected string`. */
export function formatIssues(error: { issues: readonly z.core.$ZodIssue[] }, max = 10): string {
  const lines = error.issues.slice(0, max).map((i) => {
    const path = i.path.length ? i.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[') : '(root)';
    return `${path}: ${i.message}`;
  });
  if (error.issues.length > max) lines.push(`… and ${error.issues.length - max} more`);
  return lines.join('\n');
}
