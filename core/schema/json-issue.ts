import { jsonBreak } from '../text/json-syntax';
import type { Issue } from './issue-text';
import { namedIssue } from './named-issue';

/**
 * Where a text that `JSON.parse` refused (`e`, what it threw) breaks, as a problem at the root: the line and
 * column (the column alone for `oneLine`, a line of a .jsonl file), what is wrong there, and the text around it.
 * An engine error the scanner does not see is passed on as the engine words it.
 */
export function jsonProblem(text: string, e: unknown, { oneLine = false } = {}): Issue {
  const at = jsonBreak(text);
  if (!at) return namedIssue([], { issue: 'json-engine', detail: e instanceof Error ? e.message : String(e) });
  const { problem, line, column, offset, excerpt, caret, found, expected } = at;
  return namedIssue([], {
    issue: oneLine ? 'json-column' : 'json',
    problem,
    line,
    column,
    offset,
    excerpt,
    caret,
    ...(found !== undefined ? { found } : {}),
    ...(expected ? { expected } : {}),
  });
}
