import { useSignal } from '@preact/signals';
import { t } from '../i18n';
import { ErrorLine } from './ChoiceWithReason';
import type { PanelModel } from './model';

/**
 * The passphrase lock for a VIP client's notes: set it up once, then open it for this panel. Shown on VIP clients
 * (the one VIP state, whatever makes them VIP), and on any client with encrypted notes, so that a client who is
 * VIP no longer can still be unlocked. The key stays in memory and is gone when the panel closes.
 */
export function NotesLock({ model }: { model: PanelModel }) {
  const passphrase = useSignal('');
  const repeat = useSignal('');
  const error = useSignal('');
  const busy = useSignal(false);
  const lock = model.lock.value;
  const vip = !!model.vip.value;
  const sealed = model.dossier.value.notes.some((n) => n.sealed);
  if (!model.dossier.value.client || (!vip && !sealed) || (!vip && !lock.enabled)) return null;
  const run = async (e: Event, action: () => Promise<void>) => {
    e.preventDefault();
    busy.value = true;
    try {
      await action();
      passphrase.value = '';
      repeat.value = '';
      error.value = '';
    } catch (err) {
      error.value = err instanceof Error && /wrong passphrase/.test(err.message) ? t('lock.wrong') : err instanceof Error ? err.message : String(err);
    } finally {
      busy.value = false;
    }
  };
  if (lock.enabled && lock.unlocked) {
    return (
      <p class="lock lock--open muted" data-testid="notes-unlocked">
        🔓 {t('lock.open')}{' '}
        <button type="button" class="link" data-testid="notes-lock" onClick={() => model.lockNotes()}>
          {t('lock.close')}
        </button>
      </p>
    );
  }
  const input = (sig: typeof passphrase, testId: string, label: string) => (
    <input
      type="password"
      data-testid={testId}
      autoComplete="off"
      aria-label={label}
      placeholder={label}
      value={sig.value}
      onInput={(e) => (sig.value = (e.currentTarget as HTMLInputElement).value)}
    />
  );
  if (lock.enabled) {
    return (
      <form class="lock" onSubmit={(e) => run(e, () => model.unlockNotes(passphrase.value))}>
        <p class="muted" data-testid="notes-locked">
          🔒 {vip ? t('lock.closed') : t('lock.closedSome')}
        </p>
        <div class="inline-form">
          {input(passphrase, 'notes-unlock-input', t('lock.passphrase'))}
          <button type="submit" data-testid="notes-unlock" disabled={!passphrase.value || busy.value}>
            {t('lock.unlock')}
          </button>
        </div>
        <ErrorLine message={error.value} />
      </form>
    );
  }
  return (
    <details class="lock">
      <summary class="muted">{t('lock.offer')}</summary>
      <form
        class="override__form"
        onSubmit={(e) =>
          run(e, () => (passphrase.value === repeat.value ? model.setUpNotesLock(passphrase.value) : Promise.reject(new Error(t('lock.mismatch')))))
        }
      >
        <p class="muted">{t('lock.explain')}</p>
        {input(passphrase, 'lock-setup-input', t('lock.passphrase'))}
        {input(repeat, 'lock-setup-repeat', t('lock.repeat'))}
        <button type="submit" data-testid="lock-setup" disabled={passphrase.value.length < 8 || busy.value}>
          {t('lock.setUp')}
        </button>
        <ErrorLine message={error.value} />
      </form>
    </details>
  );
}
