import { type NeverRecord, parseNeverRecordText } from '../privacy';
import type { TipazhDb } from '../store/db';
import { editNeverRecord, getNeverRecord } from '../store/never-record';
import { exportBackup } from './export';
import type { Backup } from './format';
import { readBackup } from './read-backup';
import { applyRestore, planRestore } from './restore';

/** The stages of reading a backup before its restore: checking its records, comparing them with this profile's. */
export type ReadStage = 'check' | 'compare';

/** The never-record list as the agent edits it: one email, @domain or record key a line. */
export const neverRecordToText = (l: NeverRecord) => [...l.emails, ...l.domains.map((d) => `@${d}`), ...l.clientKeys].join('\n');

/**
 * Backups and privacy settings over one database, for the options page and its tests; `settings` are the
 * browser-side ones (language) that travel in the file.
 */
export function dataService(
  db: TipazhDb,
  settings: { read(): Promise<Record<string, unknown>>; apply(s: Record<string, unknown>): Promise<void> },
  now = () => Date.now(),
) {
  return {
    async exportBackup(onProgress: (done: number, total: number) => void) {
      const text = await exportBackup(db, { settings: await settings.read(), onProgress });
      return { fileName: `tipazh-backup-${new Date(now()).toISOString().slice(0, 10)}.json`, text };
    },
    /** Checks a backup file's digest and records, then compares them with this profile's, reporting each stage's progress. */
    async planRestore(text: string, onProgress: (stage: ReadStage, done: number, total: number) => void) {
      const parsed = await readBackup(text, (done, total) => onProgress('check', done, total));
      if (!parsed.ok) return parsed;
      return { ...parsed, plan: await planRestore(db, parsed.backup, (done, total) => onProgress('compare', done, total)) };
    },
    async restore(backup: Backup, conflicts: 'keep-local' | 'take-backup', onProgress: (done: number, total: number) => void) {
      const plan = await applyRestore(db, backup, { conflicts, onProgress });
      await settings.apply(backup.settings);
      return plan;
    },
    neverRecordText: async () => neverRecordToText(await getNeverRecord(db)),
    /** Saves what the agent changed in the list since it was shown to them as `was` (see editNeverRecord). */
    saveNeverRecordText: async (text: string, was: string) =>
      neverRecordToText(await editNeverRecord(db, parseNeverRecordText(was), parseNeverRecordText(text))),
  };
}
