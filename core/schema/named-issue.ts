import { describeIssue, type Issue } from './issue-text';
import { issueWordsEn } from './issue-words-en';

export const ENGLISH = { lang: 'en', words: issueWordsEn } as const;

/** The same issue with its English `message` worded again from its code and facts (after facts were added). */
export const reworded = (issue: Issue): Issue => ({ ...issue, message: describeIssue(issue, ENGLISH) });

/**
 * A problem a check names itself, outside a schema (`custom.<issue>` in core/schema/issue-words-*.ts, the
 * other `params` its placeholders), shaped as a zod custom issue and with its English wording.
 */
export const namedIssue = (path: readonly PropertyKey[], params: { issue: string } & Record<string, string | number>): Issue =>
  reworded({ code: 'custom', path, params, message: '' });
