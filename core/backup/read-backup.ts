import { looksLikePack } from '../pack/parse';
import { formatIssues } from '../schema/format-issues';
import { z } from '../schema/zod';
import { pacer, type PaceOptions } from './pace';
import { checkDigest } from './digest';
import { Backup, BACKUP_RECORDS, BACKUP_TABLES, BackupEnvelope, DIGEST_SINCE } from './format';

export const MAX_BACKUP_BYTES = 1_500_000_000;

/**
 * A backup read, or where it is broken. `integrity` says what its digest showed: `verified`; `absent` (an older
 * file, version 1, that carries none: restored with a warning); refused as `mismatch` (the content is not what
 * was written) or `missing` (a file of a version that carries its digest, without it).
 */
export type BackupParse = BackupRead | BackupRefused;
export type BackupRead = { ok: true; backup: Backup; integrity: 'verified' | 'absent' };
export type BackupRefused = { ok: false; error: string; integrity?: 'mismatch' | 'missing'; pack?: true };

/** A strategy pack picked where a backup belongs: the page offers to import it as a pack instead. */
const A_PACK = { ok: false, pack: true, error: 'this is a strategy pack, not a backup: import it under Packs' } as const;

const TOO_LARGE = { ok: false, error: 'the file is too large to be a Tipazh backup' } as const;
const MISMATCH = {
  ok: false,
  integrity: 'mismatch',
  error: 'the file’s digest does not match its content: it was changed or damaged after it was written',
} as const;
const MISSING = {
  ok: false,
  integrity: 'missing',
  error: `the file has no digest (integrity check) as Tipazh writes it into every backup from version ${DIGEST_SINCE}: it was changed or damaged after it was written`,
} as const;

/** How many records are checked between two progress reports. */
const SLICE = 2000;
const sliceOf = Object.fromEntries(BACKUP_TABLES.map((t) => [t, z.array(BACKUP_RECORDS[t] as z.ZodMiniType)]));

/**
 * Reading a backup whose digest was checked (`digest`), step by step: the JSON, the file around the records
 * (a file of a version that carries its digest must have had one), then each table's records a slice at a
 * time, each slice yielding how many records are checked so far. Ends with the backup, or with where it is
 * broken (character position, or the record's path in the file, e.g. `data.visits[12].at`).
 */
function* readSteps(text: string, digest: 'verified' | 'absent'): Generator<{ done: number; total: number }, BackupParse> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const truncated = /end of (JSON )?input|Unterminated/i.test(msg);
    return { ok: false, error: truncated ? `the file ends early (truncated at character ${text.length}): ${msg}` : `not valid JSON: ${msg}` };
  }
  if (looksLikePack(raw)) return A_PACK;
  const file = BackupEnvelope.safeParse(raw);
  // From here the envelope's lists hold the file's records, and each slice is let go once checked: the page
  // holds a large file about once, not twice (the checked records are copies).
  raw = undefined;
  if (!file.success) return { ok: false, error: formatIssues(file.error) };
  if (digest === 'absent' && file.data.version >= DIGEST_SINCE) return MISSING;
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
  return stray ? { ok: false, error: stray } : { ok: true, backup, integrity: digest };
}

/** Each visit is kept in its dossier, so each must name a dossier of the same file: where the first one does not. */
function strayVisit(b: Backup): string | undefined {
  const keys = new Set(b.data.clients.map((c) => c.key));
  const i = b.data.visits.findIndex((v) => !keys.has(v.clientKey));
  return i < 0 ? undefined : `data.visits[${i}].clientKey: no dossier "${b.data.visits[i]!.clientKey}" in this backup`;
}

/**
 * Reads a backup file: its digest first (a file changed after it was written is refused before anything is
 * read), then its records, reporting records checked of all records and pausing now and then so that the page
 * showing the progress stays responsive. Says where the file is broken, never throws.
 */
export async function readBackup(text: string, onProgress: (done: number, total: number) => void, pace?: PaceOptions): Promise<BackupParse> {
  if (text.length > MAX_BACKUP_BYTES) return TOO_LARGE;
  const digest = await checkDigest(text);
  if (digest === 'mismatch') return MISMATCH;
  const steps = readSteps(text, digest);
  const paced = pacer(pace);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress(step.value.done, step.value.total);
    await paced();
  }
}

/** Reads a backup file at once, as `readBackup` does, without progress or pauses. */
export const parseBackup = (text: string): Promise<BackupParse> => readBackup(text, () => {}, { every: Infinity });
