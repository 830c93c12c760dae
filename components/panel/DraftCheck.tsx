import { useSignal } from '@preact/signals';
import { t } from '../i18n';
import type { MessageKey } from '../i18n';
import type { PanelModel } from './model';

/** Paste the reply being written: Tipazh says where it goes against this type's boundaries, and why. */
export function DraftCheck({ model }: { model: PanelModel }) {
  const warnings = model.draftWarnings.value;
  const draft = model.draft.value;
  const readStatus = useSignal<'empty' | 'none' | null>(null);
  const readReply = async () => {
    const r = await model.readReplyIntoDraft();
    readStatus.value = r === 'read' ? null : r;
  };
  return (
    <details class="card draft" data-testid="draft-check">
      <summary>
        <h2 class="inline">{t('draft.heading')}</h2>
      </summary>
      <label class="sr-only" for="draft-input">
        {t('draft.placeholder')}
      </label>
      <p class="draft__actions">
        <button type="button" class="link" data-testid="draft-read" onClick={() => void readReply()}>
          {t('draft.read')}
        </button>
        {readStatus.value && (
          <span class="muted" data-testid="draft-read-status" role="status">
            {t(readStatus.value === 'empty' ? 'draft.readEmpty' : 'draft.readNone')}
          </span>
        )}
      </p>
      <textarea
        id="draft-input"
        data-testid="draft-input"
        rows={4}
        maxLength={20000}
        placeholder={t('draft.placeholder')}
        value={draft}
        onInput={(e) => (model.draft.value = (e.currentTarget as HTMLTextAreaElement).value)}
      />
      {draft.trim() &&
        (warnings.length ? (
          <ul class="draft__warnings" data-testid="draft-warnings" role="alert">
            {warnings.map((w, i) => (
              <li key={i} data-rule={w.rule}>
                {t(`draft.${w.rule}` as MessageKey, w.vars)}
                {w.quote && ' '}
                {w.quote && (
                  <span class="draft__quote muted" data-testid="draft-quote">
                    {t('draft.quote', { quote: w.quote })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p class="draft__ok" data-testid="draft-ok" role="status">
            {t('draft.ok')}
          </p>
        ))}
    </details>
  );
}
