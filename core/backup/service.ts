import { NeverRecord, parseNeverRecordText } from '../privacy';
import type { TipazhDb } from '../store/db';
import { getNeverRecord, setNeverRecord } from '../store/never-record';
import { exportBackup } from './export';
import type { Backup } from './format';
import { applyRestore, parseBackup, planRestore } from './restore';

/** The never-record list as the agent edits it: one email, @domain or record key a line. */
export const neverRecordToText = (l: NeverRecord) => [...l.emails, ...l.domains.map((d) => `@${d}`), ...l.clientKeys].join('\n');

/**
 * Backups and privacy settings over one database, for the options page and its tests; `settings` are the
 * browser-side ones (language) that travel in the file.
 */
export function dataService(db: TipazhDb, settings: { read(): Promise<Record<string, unknown>>; apply(s: Record<string, unknown>): Promise<void> }, now = () => Date.now()) {
  return {
    async exportBackup(onProgress: (done: number, total: number) => void) {
      const text = await exportBackup(db, { settings: await settings.read(), onProgress });
      return { fileName: `tipazh-backup-${new Date(now()).toISOString().slice(0, 10)}.json`, text };
    },
    async planRestore(text: string) {
      const parsed = parseBackup(text);
      if (!parsed.ok) return parsed;
      return { ok: true as const, backup: parsed.backup, plan: await planRestore(db, parsed.backup) };
    },
    async restore(backup: Backup, conflicts: 'keep-local' | 'take-backup', onProgress: (done: number, total: number) => void) {
      const plan = await applyRestore(db, backup, { conflicts, onProgress });
      await settings.apply(backup.settings);
      return plan;
    },
    neverRecordText: async () => neverRecordToText(await getNeverRecord(db)),
    async saveNeverRecordText(text: string) {
      const list = parseNeverRecordText(text);
      await setNeverRecord(db, list);
      return neverRecordToText(list);
    },
  };
}
