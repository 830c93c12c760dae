import './english-issues';
import { pathIn, type Issue } from './issue-text';
import { issueWordsEn } from './issue-words-en';

/** A JSON path as English messages print it: `types.tester.cues[0].weight`, or `(root)`. */
export const pathString = (path: readonly PropertyKey[]): string => pathIn(path, { lang: 'en', words: issueWordsEn });

/** A problem at a JSON path: a zod issue, or one of the checks made after the schema (a pack's plain-text rule). */
export type PathedIssue = Issue;

/** Turns zod issues into short English lines that say where the input is wrong, e.g. `client.name: missing (expected text)`. */
export function formatIssues(error: { issues: readonly PathedIssue[] }, max = 10): string {
  const lines = error.issues.slice(0, max).map((i) => `${pathString(i.path)}: ${i.message}`);
  if (error.issues.length > max) lines.push(`… and ${error.issues.length - max} more`);
  return lines.join('\n');
}
