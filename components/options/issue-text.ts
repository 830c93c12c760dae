import { describeIssue, kindIn, pathIn, type Issue, type IssueWords } from '../../core/schema/issue-text';
import { issueWordsEn } from '../../core/schema/issue-words-en';
import { issueWordsRu } from '../../core/schema/issue-words-ru';
import type { Lang } from '../../core/taxonomy';
import { lang } from './i18n';

/* Validation problems as the options page shows them: in the UI language, following a switch of it. */

const WORDS: Record<Lang, IssueWords> = { en: { lang: 'en', words: issueWordsEn }, ru: { lang: 'ru', words: issueWordsRu } };

/** What is wrong, in the UI language. */
export const issueText = (i: Issue) => describeIssue(i, WORDS[lang.value]);
/** Where, as a JSON path (`(root)` in the UI language). */
export const issuePath = (i: Issue) => pathIn(i.path, WORDS[lang.value]);
/** `types.tester: unknown key "boundary"; did you mean "boundaries"?` in the UI language. */
export const issueLine = (i: Issue) => `${issuePath(i)}: ${issueText(i)}`;

/** The kind of a JSON value (`kindOf`) in the UI language: "a list", «список». */
export const kindName = (kind: string) => kindIn(kind, WORDS[lang.value]);

/** The line of a JSON text around where it breaks, with a caret under the place, when the issue says where. */
export function jsonExcerpt(i: Issue): string | undefined {
  const p = i.params;
  if (p?.issue !== 'json' || typeof p.excerpt !== 'string' || typeof p.caret !== 'number') return undefined;
  return `${p.excerpt}\n${' '.repeat(p.caret)}^`;
}
