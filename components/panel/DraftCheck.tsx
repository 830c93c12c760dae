import { t } from '../i18n';
import type { MessageKey } from '../i18n';
import type { PanelModel } from './model';

/** Paste the reply being written: Tipazh says where it goes against this type's boundaries, and why. */
export function DraftCheck({ model }: { model: PanelModel }) {
  const warnings = model.draftWarnings.value;
  const draft = model.draft.value;
  return (
    <details class="card draft" data-testid="draft-check">
      <summary>
        <h2 class="inline">{t('draft.heading')}</h2>
      </summary>
      <label class="sr-only" for="draft-input">
        {t('draft.placeholder')}
      </label>
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
                {w.quote && (
                  <>
                    {' '}
                    <q class="muted">{w.quote}</q>
                  </>
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
