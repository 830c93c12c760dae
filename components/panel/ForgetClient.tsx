import { useSignal } from '@preact/signals';
import { t } from '../i18n';
import type { PanelModel } from './model';

/** Deletes every trace of this person, after a confirmation; optionally never to record them again. */
export function ForgetClient({ model }: { model: PanelModel }) {
  const asking = useSignal(false);
  const neverAgain = useSignal(true);
  if (!asking.value) {
    return (
      <button type="button" class="link danger" data-testid="forget" onClick={() => (asking.value = true)}>
        {t('forget.button')}
      </button>
    );
  }
  return (
    <div class="forget" role="alertdialog" aria-labelledby="forget-q">
      <p id="forget-q">{t('forget.question')}</p>
      <label class="check">
        <input
          type="checkbox"
          data-testid="forget-never"
          checked={neverAgain.value}
          onChange={(e) => (neverAgain.value = (e.currentTarget as HTMLInputElement).checked)}
        />{' '}
        {t('forget.never')}
      </label>
      <div class="inline-form">
        <button
          type="button"
          class="danger-button"
          data-testid="forget-confirm"
          onClick={() => void model.forget(neverAgain.value).then(() => (asking.value = false))}
        >
          {t('forget.confirm')}
        </button>
        <button type="button" class="secondary" onClick={() => (asking.value = false)}>
          {t('notes.cancel')}
        </button>
      </div>
    </div>
  );
}
