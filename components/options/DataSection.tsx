import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Backup } from '../../core/backup/format';
import type { BackupRead, BackupRefused } from '../../core/backup/read-backup';
import type { RestorePlan } from '../../core/backup/restore';
import type { ReadStage } from '../../core/backup/service';
import type { DataTransport } from './data-transport';
import { RestoreConflicts } from './RestoreConflicts';
import { t } from './i18n';

/** What the section is busy with: writing a backup; reading, checking and comparing a file; restoring it. */
type Busy = 'export' | 'read' | ReadStage | 'restore';

type Step =
  | { kind: 'idle' }
  | { kind: 'busy'; what: Busy; done: number; total: number }
  | { kind: 'planned'; backup: Backup; plan: RestorePlan; integrity: BackupRead['integrity'] }
  | { kind: 'done'; plan: RestorePlan }
  | { kind: 'error'; message: string; integrity?: BackupRefused['integrity'] }
  /** A strategy pack picked where a backup belongs. */
  | { kind: 'pack'; file: File };

const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  return (
    <div class="progress" data-testid="data-progress" role="status">
      <progress max={total || 1} value={done} aria-label={label} /> <span class="muted">{label}</span>
    </div>
  );
}

/**
 * Backups (everything in one file), a transactional restore that asks before overwriting, and the never-record
 * list. A strategy pack picked as a backup is named as such, with a button that imports it (`importPack`).
 */
export function DataSection({ data, importPack }: { data: DataTransport; importPack?: (file: File) => void }) {
  const step = useSignal<Step>({ kind: 'idle' });
  const conflicts = useSignal<'keep-local' | 'take-backup'>('keep-local');
  const never = useSignal('');
  /** The list as the agent was last shown it: saving sends what they changed since, not the whole list. */
  const neverShown = useSignal('');
  const neverSaved = useSignal('');
  useEffect(() => {
    void data.neverRecordText().then((v) => (never.value = neverShown.value = v));
  }, [data]);
  const progress = (what: Busy) => (done: number, total: number) => (step.value = { kind: 'busy', what, done, total });
  const fail = (e: unknown) => (step.value = { kind: 'error', message: e instanceof Error ? e.message : String(e) });

  const backup = async () => {
    try {
      progress('export')(0, 1);
      const file = await data.exportBackup(progress('export'));
      data.download(file.fileName, file.text);
      step.value = { kind: 'idle' };
    } catch (e) {
      fail(e);
    }
  };
  const pick = async (file: File | undefined) => {
    if (!file) return;
    try {
      progress('read')(0, 1);
      const r = await data.planRestore(await file.text(), (stage, done, total) => progress(stage)(done, total));
      step.value = r.ok
        ? { kind: 'planned', backup: r.backup, plan: r.plan, integrity: r.integrity }
        : r.pack
          ? { kind: 'pack', file }
          : { kind: 'error', message: r.error, integrity: r.integrity };
    } catch (e) {
      fail(e);
    }
  };
  const restore = async (b: Backup) => {
    try {
      const plan = await data.restore(b, conflicts.value, progress('restore'));
      step.value = { kind: 'done', plan };
    } catch (e) {
      fail(e);
    }
  };
  const s = step.value;
  return (
    <section class="card data" aria-labelledby="data-h" data-testid="data-section">
      <h2 id="data-h">{t('options.data.heading')}</h2>
      <p class="muted">{t('options.data.intro')}</p>
      <div class="inline-form">
        <button type="button" data-testid="backup-export" disabled={s.kind === 'busy'} onClick={() => void backup()}>
          {t('options.data.export')}
        </button>
        <label class="button secondary">
          {t('options.data.restore')}
          <input
            type="file"
            accept=".json,application/json"
            class="sr-only"
            data-testid="backup-file"
            onChange={(e) => void pick((e.currentTarget as HTMLInputElement).files?.[0])}
          />
        </label>
      </div>
      {s.kind === 'busy' && <ProgressBar done={s.done} total={s.total} label={t(`options.data.busy.${s.what}`)} />}
      {s.kind === 'error' && (
        <p class="error" role="alert" data-testid="backup-error">
          {t('options.data.broken')} {s.integrity ? t(`options.data.integrity.${s.integrity}`) : s.message}
        </p>
      )}
      {s.kind === 'pack' && (
        <div class="notice notice--info" role="alert" data-testid="backup-is-pack">
          <p class="notice__text">{t('options.data.isPack')}</p>
          {importPack && (
            <button
              type="button"
              data-testid="backup-import-pack"
              onClick={() => {
                step.value = { kind: 'idle' };
                importPack(s.file);
              }}
            >
              {t('options.data.importPack')}
            </button>
          )}
        </div>
      )}
      {s.kind === 'planned' && (
        <div class="data__plan" data-testid="restore-plan">
          {s.integrity === 'absent' && (
            <p class="warn" role="status" data-testid="restore-unchecked">
              {t('options.data.integrity.absent')}
            </p>
          )}
          <p>{t('options.data.plan', { add: sum(s.plan.add), update: sum(s.plan.update), clients: s.plan.add.clients })}</p>
          {s.plan.conflicts.length > 0 && (
            <fieldset>
              <legend>{t('options.data.conflicts', { n: s.plan.conflicts.length })}</legend>
              <RestoreConflicts conflicts={s.plan.conflicts} />
              <label class="check">
                <input
                  type="radio"
                  name="conflicts"
                  data-testid="keep-local"
                  checked={conflicts.value === 'keep-local'}
                  onChange={() => (conflicts.value = 'keep-local')}
                />{' '}
                {t('options.data.keepLocal')}
              </label>
              <label class="check">
                <input
                  type="radio"
                  name="conflicts"
                  data-testid="take-backup"
                  checked={conflicts.value === 'take-backup'}
                  onChange={() => (conflicts.value = 'take-backup')}
                />{' '}
                {t('options.data.takeBackup')}
              </label>
            </fieldset>
          )}
          <button type="button" data-testid="restore-apply" onClick={() => void restore(s.backup)}>
            {t('options.data.apply')}
          </button>{' '}
          <button type="button" class="secondary" onClick={() => (step.value = { kind: 'idle' })}>
            {t('options.data.cancel')}
          </button>
        </div>
      )}
      {s.kind === 'done' && (
        <p class="data__done" role="status" data-testid="restore-done">
          {t('options.data.done', { add: sum(s.plan.add), update: sum(s.plan.update) })}
        </p>
      )}
      <h3>{t('options.data.never')}</h3>
      <p class="muted">{t('options.data.neverHint')}</p>
      <textarea
        data-testid="never-record"
        rows={4}
        aria-label={t('options.data.never')}
        value={never.value}
        onInput={(e) => (never.value = (e.currentTarget as HTMLTextAreaElement).value)}
      />
      <button
        type="button"
        data-testid="never-record-save"
        onClick={async () => {
          never.value = neverShown.value = await data.saveNeverRecordText(never.value, neverShown.value);
          neverSaved.value = t('options.data.neverSaved');
        }}
      >
        {t('options.data.save')}
      </button>{' '}
      <span class="muted" role="status">
        {neverSaved.value}
      </span>
    </section>
  );
}
