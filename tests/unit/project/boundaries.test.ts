import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The folder rules of README and CONTRIBUTING, as biome.json encodes them: each probe is written for a moment
 * at that place in the tree (a file of its own, removed right after) and linted, and must be refused with the
 * rule's words, or pass.
 */
const root = join(import.meta.dirname, '../../..');
let n = 0;
function lintAs(path: string, code: string): { ok: boolean; out: string } {
  const file = join(root, dirname(path), `__probe_${process.pid}_${n++}.ts`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, code);
  try {
    const r = spawnSync(process.execPath, [join(root, 'node_modules/@biomejs/biome/bin/biome'), 'lint', '--colors=off', file], { cwd: root, encoding: 'utf8' });
    return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(file, { force: true });
  }
}

describe('folder boundaries are checked by the linter', () => {
  it.each([
    ['core/probe.ts', "import { h } from 'preact';\nexport const x = h;", 'core/ has no UI.'],
    ['core/probe.ts', "import { t } from '../../components/i18n';\nexport const x = t;", 'core/ imports nothing from components/.'],
    ['core/store/probe.ts', "import { x } from '../../../entrypoints/background/api-turns';\nexport const y = x;", 'core/ imports nothing from entrypoints/.'],
    ['core/probe.ts', "import { browser } from 'wxt/browser';\nexport const x = browser;", 'core/ runs in plain Node: no browser APIs.'],
    ['components/panel/probe.ts', "import { browser } from 'wxt/browser';\nexport const x = browser;", 'components/ reach the browser through the transport'],
    [
      'components/panel/probe.ts',
      "import { x } from '../../../entrypoints/sidepanel/browser-transport';\nexport const y = x;",
      'components/ never import entrypoints/',
    ],
    [
      'entrypoints/helpdesk.content/probe.ts',
      "import { z } from '../../../core/schema/zod';\nexport const x = z;",
      'The content script carries no schema library',
    ],
    ['entrypoints/helpdesk.content/adapters/probe.ts', "import { z } from 'zod/mini';\nexport const x = z;", 'The content script carries no schema library'],
  ])('%s: %s is refused', (path, code, words) => {
    const r = lintAs(path, code);
    expect(r.ok, r.out).toBe(false);
    expect(r.out).toContain(words);
  });

  it('lets through what the rules allow', () => {
    expect(lintAs('core/probe.ts', "import { z } from '../schema/zod';\nexport const x = z;").ok).toBe(true);
    expect(
      lintAs('entrypoints/helpdesk.content/probe.ts', "import type { RawReadInput } from '../../../core/sources/raw-read';\nexport type X = RawReadInput;").ok,
    ).toBe(true);
    expect(lintAs('entrypoints/background/probe.ts', "import { z } from '../../../core/schema/zod';\nexport const x = z;").ok).toBe(true);
  });
});
