import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/*
 * What the built extension carries where: the content script and the page bridge run inside every helpdesk page,
 * so they stay small and free of the schema library (the background validates what they send). The lint keeps
 * value imports of zod out of them; this checks the bundle itself, transitive imports included.
 */
const built = (file: string) => readFileSync(resolve(import.meta.dirname, '../../.output/chrome-mv3', file), 'utf8');

for (const file of ['content-scripts/helpdesk.js', 'zendesk-bridge.js']) {
  test(`${file} carries no schema library`, () => {
    const code = built(file);
    for (const mark of ['__zod_globalConfig', '$ZodType', 'ZodError']) expect(code.includes(mark), `${file} contains ${mark}`).toBe(false);
  });
}

test('the background does validate with it (the check above would notice a renamed library)', () => {
  expect(built('background.js')).toContain('__zod_globalConfig');
});
