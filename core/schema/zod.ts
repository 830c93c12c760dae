import { z } from 'zod/mini';

/*
 * Every schema in Tipazh is built with `zod/mini`, whose functions tree-shake: the side panel and the
 * service worker carry only the parts they use (classic `zod` puts its whole runtime in every bundle).
 * Import `z` from here, never from classic zod (tests/unit/project/zod-mini.test.ts checks that).
 *
 * Issues are worded in English by core/schema/english-issues.ts (imported by whatever reports problems), and in
 * the options page's language from their code and facts.
 */

export { z };
