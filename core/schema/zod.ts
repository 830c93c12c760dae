import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/*
 * Every schema in Tipazh is built with `zod/mini`, whose functions tree-shake: the side panel and the
 * service worker carry only the parts they use (classic `zod` puts its whole runtime in every bundle).
 * Import `z` from here, never from classic zod (tests/unit/zod-mini.test.ts checks that).
 *
 * Unlike classic zod, zod/mini loads no locale: every issue would read just "Invalid input". English keeps
 * the messages the pack editor, pack check and refused page reports show, e.g.
 * `client.name: Invalid input: expected string, received undefined`. The setting is global and applies at
 * parse time, so importing any schema module is enough. The locale file is imported directly (not
 * through `z.locales`) so that no bundler can pull in the other locales.
 */
z.config(en());

export { z };
