import { z } from 'zod/mini';
import { describeIssue, type Issue } from './issue-text';
import { ENGLISH } from './named-issue';

/*
 * Every schema in Tipazh is built with `zod/mini`, whose functions tree-shake: the side panel and the
 * service worker carry only the parts they use (classic `zod` puts its whole runtime in every bundle).
 * Import `z` from here, never from classic zod (tests/unit/project/zod-mini.test.ts checks that).
 *
 * Unlike classic zod, zod/mini loads no locale: every issue would read just "Invalid input". Issues are worded
 * by core/schema/issue-text.ts, the one place that words them (in English here, for every issue's `message`:
 * the pack check, refused page reports, a refused backup), e.g. `client.name: missing (expected text)`; the
 * options page words the same issues in its own language from their code and facts. The setting is global and
 * applies at parse time, so importing any schema module is enough.
 */
z.config({ localeError: (issue) => describeIssue(issue as Issue, ENGLISH) });

export { z };
