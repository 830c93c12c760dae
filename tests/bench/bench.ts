/**
 * `npm run bench`: speed and size figures with their budgets. Run after a build (the script builds first).
 * Figures are printed, not asserted: machines differ; the budgets are the targets from the issues.
 */
import { readShippedModel } from '../../core/classifier/node-model';
import { build } from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { classify } from '../../core/classifier/classify';
import type { ClassifyInput } from '../../core/classifier/input';
import { parseJsonl } from '../../core/eval/labelled';
import { readDefaultPack } from '../../core/pack/node-default';
import { kb, ms, row, timeIt } from './stats';
import { storeBench } from './store-bench';
import { browserBench } from './browser-bench';
import { restoreBrowserBench } from './restore-browser-bench';

const root = join(import.meta.dirname, '../..');
const pack = readDefaultPack();
const model = readShippedModel();
const lines: string[] = [];
const out = (s = '') => {
  lines.push(s);
  console.log(s);
};

// Client messages from the labelled set, cycled into conversations of the wanted length.
const { cases } = parseJsonl(readFileSync(join(root, 'tests/fixtures/labelled/train/a-dev-2026-11.jsonl'), 'utf8'));
const pool = cases.flatMap((c) => c.messages);
function conversation(n: number): ClassifyInput {
  const start = Date.parse('2026-03-01T10:00:00Z');
  return {
    messages: Array.from({ length: n }, (_, i) => {
      const m = pool[(i * 7) % pool.length]!;
      return { author: i % 3 === 2 ? 'agent' : 'client', text: m.text, at: new Date(start + i * 240_000).toISOString(), public: true };
    }),
    history: { tickets: 5, complaints: 1 },
  };
}

out('Classification (Node, built-in pack)');
for (const n of [1, 10, 50, 200]) {
  const input = conversation(n);
  const t = timeIt(() => classify(input, { model, pack }), { runs: n >= 200 ? 200 : 500 });
  const budget = n === 50 ? '≤ 1 ms p50' : undefined;
  out(row(`classify, ${n} messages: p50`, ms(t.p50), budget, n === 50 ? t.p50 <= 1 : undefined));
  out(row(`classify, ${n} messages: p95`, ms(t.p95)));
}

out('');
out('Bundle sizes (production build .output/chrome-mv3, gzip -9)');
const dir = join(root, '.output/chrome-mv3');
const files: string[] = [];
const walk = (d: string) => {
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(js|css|html|json)$/.test(f) && !p.includes('_locales')) files.push(p);
  }
};
walk(dir);
const gz = (p: string) => gzipSync(readFileSync(p), { level: 9 }).length;
const BUDGETS: [RegExp, number, string][] = [
  [/content-scripts\//, 20 * 1024, '≤ 20 KB gz'],
  [/^background\.js$/, 60 * 1024, '≤ 60 KB gz'],
];
for (const f of files.sort()) {
  const rel = relative(dir, f);
  const size = gz(f);
  const budget = BUDGETS.find(([re]) => re.test(rel));
  out(row(rel, kb(size), budget?.[2], budget ? size <= budget[1] : undefined));
}
/** Every JS file a page loads: its module script and, transitively, the chunks that imports. */
function pageScripts(html: string): string[] {
  const seen = new Set<string>();
  const visit = (rel: string) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    const code = readFileSync(join(dir, rel), 'utf8');
    for (const m of code.matchAll(/from\s*"(\.{1,2}\/[^"]+\.js)"|import\s*"(\.{1,2}\/[^"]+\.js)"/g)) visit(join(rel, '..', m[1] ?? m[2]!));
  };
  for (const m of readFileSync(join(dir, html), 'utf8').matchAll(/src="\/([^"]+\.js)"/g)) visit(m[1]!);
  return [...seen];
}
const panelJs = pageScripts('sidepanel.html').reduce((n, f) => n + gz(join(dir, f)), 0);
out(row('side panel JS (every chunk sidepanel.html loads)', kb(panelJs), '≤ 70 KB gz', panelJs <= 70 * 1024));
const optionsJs = pageScripts('options.html').reduce((n, f) => n + gz(join(dir, f)), 0);
out(row('options page JS (every chunk options.html loads)', kb(optionsJs)));

// What the classifier itself adds: core/classifier bundled alone (with its stemmers), minified.
const bundle = await build({
  entryPoints: [join(root, 'core/classifier/classify.ts')],
  bundle: true,
  minify: true,
  format: 'esm',
  write: false,
  platform: 'browser',
  external: ['zod'],
});
const classifierGz = gzipSync(bundle.outputFiles[0]!.contents, { level: 9 }).length;
out(row('classifier code (core/classifier, minified)', kb(classifierGz), '≤ 15 KB gz', classifierGz <= 15 * 1024));
out(row('built-in pack data (public/packs/default.json)', kb(gz(join(dir, 'packs/default.json'))), 'data, loaded at run time'));

// The Chromium restore first: the store bench leaves this process holding gigabytes.
await restoreBrowserBench(out);
await storeBench(out);
await browserBench(out);
