/**
 * `web-ext lint` (Mozilla's add-on linter, the checks addons.mozilla.org runs) on the Firefox build: no error,
 * and no warning except those that come from a dependency's code in the bundle, each named below.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { FIREFOX_BUILD } from './start-suite';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** Warnings from a dependency's code: the linter's code, and what the flagged code must look like. */
const FROM_DEPENDENCIES = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    // Preact's DOM diff (node_modules/preact/src/diff/index.js) sets innerHTML only for the
    // `dangerouslySetInnerHTML` prop, which Tipazh never uses (the second test checks that).
    what: 'Preact’s dangerouslySetInnerHTML branch',
    source: /\.innerHTML=\w+\.__html/,
  },
];

/** The built code around a message's line and column. */
function codeAt(m: LintMessage): string {
  if (!m.file || m.line === undefined) return '';
  const line = readFileSync(join(FIREFOX_BUILD, m.file), 'utf8').split('\n')[m.line - 1] ?? '';
  const at = m.column ?? 0;
  return line.slice(Math.max(0, at - 120), at + 120);
}

const isFromDependency = (m: LintMessage) => FROM_DEPENDENCIES.some((d) => d.code === m.code && d.source.test(codeAt(m)));

test('web-ext lint finds no error and no warning of Tipazh’s own in the Firefox build', () => {
  const run = spawnSync('npx', ['web-ext', 'lint', '--source-dir', FIREFOX_BUILD, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
  const show = (list: LintMessage[]) => list.map((m) => `${m.code} ${m.file ?? ''}:${m.line ?? ''}: ${m.message}`);
  expect(show(report.errors), 'lint errors').toEqual([]);
  expect(show(report.warnings.filter((m) => !isFromDependency(m))), 'lint warnings not from a dependency').toEqual([]);
});

test('Tipazh’s own code sets no HTML from strings (the one innerHTML in the bundle is Preact’s)', () => {
  const root = resolve(import.meta.dirname, '../..');
  const sources = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
      .map((e) => join(e.parentPath, e.name));
  const offenders = ['components', 'entrypoints', 'core']
    .flatMap(sources)
    .filter((file) => /dangerouslySetInnerHTML|\.innerHTML|outerHTML|insertAdjacentHTML/.test(readFileSync(file, 'utf8')));
  expect(offenders.map((f) => f.slice(root.length + 1))).toEqual([]);
});
