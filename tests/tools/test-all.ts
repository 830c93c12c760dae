/**
 * `npm test`: lints and checks the formatting (Biome), type checks, builds the extension, runs the unit tests (Vitest), the e2e tests (Playwright on
 * the built extension in Chromium) and the Firefox tests (Vitest driving the Firefox build in a real Firefox,
 * and web-ext lint), then prints one closing line `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureBrowser, ensureFirefox } from '../support/browser';

const reports = 'reports';
mkdirSync(reports, { recursive: true }); // not test-results/: Playwright empties its outputDir
const started = Date.now();
const step = (name: string) => console.log(`\n=== ${name}  [${((Date.now() - started) / 1000).toFixed(0)} s]`);
const run = (cmd: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;

let ok = true;
step('lint and format (Biome: folder boundaries, import cycles, the formatting)');
const linted = run('npx', ['biome', 'ci', '.']);
ok = linted && ok;

step('type check');
ok = run('npx', ['tsc', '--noEmit']) && ok;
ok = run('npx', ['tsc', '--noEmit', '-p', 'core/tsconfig.json']) && ok;

step('build (chrome, firefox)');
const built = run('npx', ['wxt', 'build']) && run('npx', ['wxt', 'build', '-b', 'firefox']);
ok = built && ok;

step('unit tests');
rmSync(`${reports}/vitest.json`, { force: true });
run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest.json`]);

step('e2e tests (Chromium with the built extension)');
rmSync(`${reports}/playwright.json`, { force: true });
if (built) {
  const browser = ensureBrowser();
  run('npx', ['playwright', 'test', '--reporter=list,json'], { CHROMIUM_PATH: browser, PLAYWRIGHT_JSON_OUTPUT_FILE: `${reports}/playwright.json` });
}

step('Firefox tests (the Firefox build in a real Firefox, web-ext lint)');
rmSync(`${reports}/firefox.json`, { force: true });
if (built) {
  const firefox = ensureFirefox();
  run('npx', ['vitest', 'run', '--config', 'vitest.firefox.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/firefox.json`], {
    FIREFOX_PATH: firefox,
  });
}

step('summary');
let passed = 0;
let failed = 0;
/** Adds a Vitest JSON report to the totals; a missing report fails the run. */
const countVitest = (name: string, file: string, missing: string) => {
  const report = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
  if (!report) {
    console.log(`${name}: no report (${missing})`);
    ok = false;
    return;
  }
  // A run that failed outside its tests (a file that did not load, an error after the tests) counts once.
  const outside = !report.success && report.numFailedTests + (report.numRuntimeErrors ?? 0) === 0 ? 1 : 0;
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numRuntimeErrors ?? 0) + outside;
  console.log(`${name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed${outside ? ' (and the run failed outside its tests)' : ''}`);
};
countVitest('unit', `${reports}/vitest.json`, 'the run crashed');
const pw = existsSync(`${reports}/playwright.json`) ? JSON.parse(readFileSync(`${reports}/playwright.json`, 'utf8')) : undefined;
if (pw) {
  const s = pw.stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  console.log(`e2e: ${s.expected + s.flaky} passed (${s.flaky} flaky), ${s.unexpected} failed, ${s.skipped} skipped`);
  if (pw.errors?.length) ok = false;
} else {
  console.log('e2e: no report (not run or crashed)');
  ok = false;
}
countVitest('firefox', `${reports}/firefox.json`, 'not run or crashed');
if (failed > 0) ok = false;
if (!linted) console.log('lint or format check failed (see "lint and format" above): npm run lint, npm run format');
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
