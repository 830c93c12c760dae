import type { Issue } from './issue-text';

/*
 * Problems in short plain English, without the wording tables of core/schema/issue-text.ts: for the background,
 * whose bundle has a size budget and whose problems are for logs and an error line (a page it could not read, a
 * message it refused), e.g. `snapshot.client.externalId: expected string`. The options page and
 * the command-line tools word problems fully (format-issues, issue-text).
 */

const pathOf = (path: readonly PropertyKey[]): string =>
  path.length ? path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') : '(root)';

function briefly(issue: Issue): string {
  const i = issue as Issue & {
    expected?: unknown;
    input?: unknown;
    maximum?: unknown;
    minimum?: unknown;
    keys?: unknown[];
    values?: unknown[];
    origin?: unknown;
  };
  switch (issue.code) {
    case 'invalid_type':
      // zod does not keep the input in its issues (unless asked): what came is not known here.
      return `expected ${String(i.expected)}`;
    case 'too_big':
      return i.origin === 'array'
        ? `too many items (at most ${String(i.maximum)} items)`
        : `too ${i.origin === 'string' ? 'long' : 'big'} (at most ${String(i.maximum)})`;
    case 'too_small':
      return i.origin === 'array'
        ? `too few items (at least ${String(i.minimum)} items)`
        : `too ${i.origin === 'string' ? 'short' : 'small'} (at least ${String(i.minimum)})`;
    case 'unrecognized_keys':
      return `unknown key ${(i.keys ?? []).map((k) => `"${String(k)}"`).join(', ')}`;
    case 'invalid_value':
      return `not one of ${(i.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    default: {
      const named = (issue.params as { issue?: unknown } | undefined)?.issue;
      return issue.message && issue.message !== 'Invalid input' ? issue.message : typeof named === 'string' ? named : String(issue.code ?? 'invalid');
    }
  }
}

/** Up to `max` problems, a line each: where, then what is wrong. */
export function briefIssues(error: { issues: readonly Issue[] }, max = 10): string {
  const lines = error.issues.slice(0, max).map((i) => `${pathOf(i.path)}: ${briefly(i)}`);
  if (error.issues.length > max) lines.push(`… and ${error.issues.length - max} more`);
  return lines.join('\n');
}
