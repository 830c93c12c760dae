import { z } from './zod';
import { describeIssue, type Issue } from './issue-text';
import { ENGLISH } from './named-issue';

/*
 * zod/mini loads no locale: every issue would read just "Invalid input". Importing this module once words every
 * issue's `message` in English by core/schema/issue-text.ts (e.g. `client.name: missing (expected text)`); the
 * setting is global and applies at parse time. Whatever reports problems in words imports it (format-issues,
 * named issues, the entrypoints, the command-line tools, the tests' setup); the classifier alone does not need
 * it, and so does not carry the wording tables.
 */
z.config({ localeError: (issue) => describeIssue(issue as Issue, ENGLISH) });
