import type { Backup } from '../../core/backup/format';
import type { BackupRead, BackupRefused } from '../../core/backup/read-backup';
import type { RestorePlan } from '../../core/backup/restore';
import type { ReadStage } from '../../core/backup/service';

export type Progress = (done: number, total: number) => void;

/** What the "Your data" section needs: backups, restore, the never-record list. */
export interface DataTransport {
  /** The whole database (and settings) as one file's text, with a suggested file name. */
  exportBackup(onProgress: Progress): Promise<{ fileName: string; text: string }>;
  download(fileName: string, text: string): void;
  /**
   * Reads a backup (its digest first) and plans its restore, changing nothing, with each stage's progress; a
   * broken file says where it broke, and `integrity` what its digest showed (see BackupParse).
   */
  planRestore(text: string, onProgress: (stage: ReadStage, done: number, total: number) => void): Promise<(BackupRead & { plan: RestorePlan }) | BackupRefused>;
  restore(backup: Backup, conflicts: 'keep-local' | 'take-backup', onProgress: Progress): Promise<RestorePlan>;
  /** The never-record list as text, one entry a line. */
  neverRecordText(): Promise<string>;
  /** Saves the agent's changes to the list as they were shown it (`was`), keeping entries added meanwhile; the list as stored. */
  saveNeverRecordText(text: string, was: string): Promise<string>;
}
