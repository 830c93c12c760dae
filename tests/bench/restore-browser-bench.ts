import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKUP_TABLES, type Backup } from '../../core/backup/format';
import { countsAfterRestoring, realisticBackup } from '../support/backup-file';
import { launchWithExtension } from '../support/launch';
import { openOptionsPage } from '../support/pages';
import { countRecords } from '../support/seed';
import { median, row } from './stats';

const NOW = Date.parse('2026-11-01T12:00:00Z');
const BUDGET_S = 60;
const WAIT = { timeout: 15 * 60_000 };
const secs = (x: number) => `${x.toFixed(1)} s`;

/**
 * Restores a backup file through the options page as an agent does: pick the file, wait for the plan,
 * apply (keeping newer local records, the default), wait until the page says it is done. Seconds taken.
 */
async function restoreThroughUi(options: Page, file: string): Promise<{ plan: number; apply: number }> {
  const t0 = performance.now();
  await options.getByTestId('backup-file').setInputFiles(file);
  await options.getByTestId('restore-plan').or(options.getByTestId('backup-error')).waitFor(WAIT);
  if (await options.getByTestId('backup-error').isVisible()) throw new Error(await options.getByTestId('backup-error').innerText());
  const t1 = performance.now();
  await options.getByTestId('restore-apply').click();
  await options.getByTestId('restore-done').or(options.getByTestId('backup-error')).waitFor(WAIT);
  if (await options.getByTestId('backup-error').isVisible()) throw new Error(await options.getByTestId('backup-error').innerText());
  return { plan: (t1 - t0) / 1000, apply: (performance.now() - t1) / 1000 };
}

/** One restore of `file` into a fresh profile (after restoring `seedFile`, untimed), its counts checked. */
async function measure(file: string, expected: Record<string, number>, seedFile?: string) {
  const ext = await launchWithExtension();
  try {
    const options = await openOptionsPage(ext, 'data-section');
    options.on('crash', () => console.error('the options page crashed (out of memory?)'));
    if (seedFile) await restoreThroughUi(options, seedFile);
    const t = await restoreThroughUi(options, file);
    for (const table of BACKUP_TABLES) {
      const n = await countRecords(options, table);
      if (n !== expected[table]) throw new Error(`after the restore ${table} holds ${n} records, expected ${expected[table]}`);
    }
    return t;
  } finally {
    await ext.close();
  }
}

/**
 * The two backup files, written to `dir`, with what a profile should hold after each scenario. Only paths
 * and counts come back: the generated backups (a gigabyte of objects) are garbage before Chromium starts.
 */
async function writeBackupFiles(dir: string) {
  const write = (name: string, b: { backup: Backup; text: string }) => (writeFileSync(join(dir, name), b.text), b.backup);
  const big = await realisticBackup({ clients: 100_000, now: NOW });
  const backup = write('backup-100k.json', big);
  const local = write('local-10k.json', await realisticBackup({ clients: 10_000, now: NOW, local: true }));
  return {
    file: join(dir, 'backup-100k.json'),
    records: BACKUP_TABLES.reduce((n, t) => n + backup.data[t].length, 0),
    megabytes: big.text.length / 1e6,
    scenarios: [
      { name: 'empty profile', expected: countsAfterRestoring(backup) },
      { name: 'profile with 10k', expected: countsAfterRestoring(local, backup), seed: join(dir, 'local-10k.json') },
    ],
  };
}

/**
 * A 100k-dossier backup restored in Chromium through the options page (Your data → restore), into an
 * empty profile and into one that already holds 10k of the same clients (merge by identity, conflicts).
 */
export async function restoreBrowserBench(out: (s?: string) => void, { runs = 3 } = {}): Promise<void> {
  out('');
  out(`Backup restore in Chromium (options page → Your data; median of ${runs})`);
  const dir = mkdtempSync(join(tmpdir(), 'tipazh-restore-bench-'));
  try {
    const { file, records, megabytes, scenarios } = await writeBackupFiles(dir);
    out(row(`100k-dossier backup file, ${records} records`, `${megabytes.toFixed(1)} MB`));
    for (const s of scenarios) {
      const times = [];
      for (let i = 0; i < runs; i++) times.push(await measure(file, s.expected, s.seed));
      const total = median(times.map((t) => t.plan + t.apply));
      out(row(`  ${s.name}: file read, checked and compared`, secs(median(times.map((t) => t.plan)))));
      out(row(`  ${s.name}: applied`, secs(median(times.map((t) => t.apply)))));
      out(row(`  ${s.name}: each run, file → done`, times.map((t) => secs(t.plan + t.apply)).join(', ')));
      out(row(`100k restore, ${s.name}: file → done`, secs(total), `well under ${BUDGET_S} s`, total < BUDGET_S));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
