import { formatIssues } from '../schema/format-issues';
import { z } from '../schema/zod';
import { pacer, type PaceOptions } from './pace';
import { Backup, BACKUP_RECORDS, BACKUP_TABLES, BackupEnvelope } from './format';

export const MAX_BACKUP_BYTES = 1_500_000_000;

export type BackupParse = { ok: true; backup: Backup } | { ok: false; error: string };

/** How many records are checked between two progress reports. */
const SLICE = 2000;
const sliceOf = Object.fromEntries(BACKUP_TABLES.map((t) => [t, z.array(BACKUP_RECORDS[t] as z.ZodMiniType)]));

/**
 * Reading a backup, step by step: the JSON, the file around the records, then each table's records a slice
 * at a time, each slice yielding how many records are checked so far. Ends with the backup, or with where it
 * is broken (character position, or the record's path in the file, e.g. `data.visits[12].at`).
 */
function* readSteps(text: string): Generator<{ done: number; total: number }, BackupParse> {
  if (text.length > MAX_BACKUP_BYTES) return { ok: false, error: 'the file is too large to be a Tipazh backup' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const truncated = /end of (JSON )?input|Unterminated/i.test(msg);
    return { ok: false, error: truncated ? `the file ends early (truncated at character ${text.length}): ${msg}` : `not valid JSON: ${msg}` };
  }
  const file = BackupEnvelope.safeParse(raw);
  // From here the envelope's lists hold the file's records, and each slice is let go once checked: the page
  // holds a large file about once, not twice (the checked records are copies).
  raw = undefined;
  if (!file.success) return { ok: false, error: formatIssues(file.error) };
  const total = BACKUP_TABLES.reduce((n, t) => n + file.data.data[t].length, 0);
  const data: Record<string, unknown[]> = {};
  let done = 0;
  for (const table of BACKUP_TABLES) {
    const rows = file.data.data[table];
    const checked: unknown[] = [];
    for (let at = 0; at < rows.length; at += SLICE) {
      const r = sliceOf[table]!.safeParse(rows.slice(at, at + SLICE));
      if (!r.success) {
        const issues = r.error.issues.map((i) => ({ ...i, path: ['data', table, Number(i.path[0]) + at, ...i.path.slice(1)] }));
        return { ok: false, error: formatIssues({ issues }) };
      }
      for (const record of r.data as unknown[]) checked.push(record);
      rows.fill(undefined, at, at + SLICE);
      done += Math.min(SLICE, rows.length - at);
      yield { done, total };
    }
    data[table] = checked;
  }
  const backup = { ...file.data, data } as Backup;
  const stray = strayVisit(backup);
  return stray ? { ok: false, error: stray } : { ok: true, backup };
}

/** Each visit is kept in its dossier, so each must name a dossier of the same file: where the first one does not. */
function strayVisit(b: Backup): string | undefined {
  const keys = new Set(b.data.clients.map((c) => c.key));
  const i = b.data.visits.findIndex((v) => !keys.has(v.clientKey));
  return i < 0 ? undefined : `data.visits[${i}].clientKey: no dossier "${b.data.visits[i]!.clientKey}" in this backup`;
}

/** Reads a backup file at once; says where it is broken, never throws. */
export function parseBackup(text: string): BackupParse {
  const steps = readSteps(text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Reads a backup file as `parseBackup` does, reporting records checked of all records, pausing now and
 * then so that the page showing the progress stays responsive.
 */
export async function readBackup(text: string, onProgress: (done: number, total: number) => void, pace?: PaceOptions): Promise<BackupParse> {
  const steps = readSteps(text);
  const paced = pacer(pace);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress(step.value.done, step.value.total);
    await paced();
  }
}
