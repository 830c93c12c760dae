import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageReport } from '../../../core/messages/page-report';
import { formatIssues } from '../../../core/schema/format-issues';

const root = join(import.meta.dirname, '../../..');
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [p] : [];
  });

describe('schemas use zod/mini', () => {
  it('no file imports classic zod (it cannot be tree-shaken and would come back into every bundle)', () => {
    const classic = ['core', 'components', 'entrypoints', 'tests']
      .flatMap((d) => sources(join(root, d)))
      .filter((f) => /from\s+['"]zod(?:\/v4)?(?:\/index(?:\.js)?)?['"]|import\(\s*['"]zod['"]\s*\)|require\(\s*['"]zod['"]\s*\)/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f));
    expect(classic).toEqual([]);
  });
  it('issues are worded in English (core/schema/issue-text.ts), not the bare "Invalid input" of a zod/mini without a locale', () => {
    const r = PageReport.safeParse({ kind: 'page', state: 'error', url: 5, message: 'x' });
    expect(r.success).toBe(false);
    expect(formatIssues(r.error!)).toBe('url: expected text, got a number');
  });
});
