import { SOURCES } from '../../core/taxonomy';
import type { HelpdesksModel } from './helpdesks-model';
import { t } from './i18n';

/** Helpdesk addresses beyond the built-in ones: a Zendesk account on its own domain, an amoCRM mirror. */
export function HelpdesksSection({ model }: { model: HelpdesksModel }) {
  const s = model.status.value;
  const waiting = model.waiting.value;
  const list = model.list.value;
  const fieldError = s?.tone === 'error' && s.field;
  return (
    <section class="card helpdesks" aria-labelledby="helpdesks-h" data-testid="helpdesks-section">
      <h2 id="helpdesks-h">{t('options.helpdesks.heading')}</h2>
      <p class="muted">{t('options.helpdesks.intro')}</p>
      <form
        class="helpdesks__form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          // Synchronously, inside the click or Enter: the browser asks for access only during a user gesture.
          void model.add();
        }}
      >
        <div class="helpdesks__field">
          <label for="helpdesk-address">{t('options.helpdesks.address')}</label>
          <input
            id="helpdesk-address"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="https://support.example.com"
            data-testid="helpdesk-address"
            aria-invalid={fieldError ? 'true' : undefined}
            aria-describedby={fieldError ? 'helpdesk-status' : 'helpdesk-hint'}
            value={model.address.value}
            onInput={(e) => {
              model.address.value = (e.currentTarget as HTMLInputElement).value;
              if (fieldError) model.status.value = null;
            }}
          />
        </div>
        <fieldset class="helpdesks__kind">
          <legend>{t('options.helpdesks.kind')}</legend>
          {SOURCES.map((k) => (
            <label class="check" key={k}>
              <input
                type="radio"
                name="helpdesk-kind"
                value={k}
                data-testid={`helpdesk-kind-${k}`}
                checked={model.kind.value === k}
                onChange={() => (model.kind.value = k)}
              />{' '}
              {t(`options.helpdesks.kind.${k}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" data-testid="helpdesk-add" disabled={!!waiting || !model.address.value.trim()}>
          {t('options.helpdesks.add')}
        </button>
      </form>
      <p id="helpdesk-hint" class="muted hint">
        {t('options.helpdesks.hint')}
      </p>
      {waiting && (
        <div class="busy" role="status" data-testid="helpdesk-busy">
          <progress aria-label={t(`options.helpdesks.busy.${waiting.what}`, { host: waiting.host })} />
          <span>{t(`options.helpdesks.busy.${waiting.what}`, { host: waiting.host })}</span>
          {waiting.cancel && (
            <button type="button" class="secondary" data-testid="helpdesk-cancel" onClick={waiting.cancel}>
              {t('options.action.cancel')}
            </button>
          )}
        </div>
      )}
      {s && (
        <div
          id="helpdesk-status"
          class={`notice notice--${s.tone}`}
          role={s.tone === 'error' ? 'alert' : 'status'}
          data-testid="helpdesk-status"
          data-tone={s.tone}
        >
          <div>
            <p class="notice__text">{t(s.key, s.vars)}</p>
            {s.detail && <pre class="detail">{s.detail}</pre>}
          </div>
        </div>
      )}
      {list.length === 0 ? (
        <p class="empty" data-testid="helpdesks-empty">
          {t('options.helpdesks.empty')}
        </p>
      ) : (
        <ul class="helpdesks__list" aria-labelledby="helpdesks-h">
          {list.map((h) => (
            <li key={h.origin} class="helpdesks__item" data-testid="helpdesk-row" data-origin={h.origin}>
              <code data-testid="helpdesk-origin">{h.origin}</code>
              <span class="badge" data-testid="helpdesk-kind">
                {t(`options.helpdesks.kind.${h.kind}`)}
              </span>
              <button
                type="button"
                class="secondary danger"
                data-testid="helpdesk-remove"
                aria-label={t('options.helpdesks.removeLabel', { origin: h.origin })}
                disabled={!!waiting}
                onClick={() => void model.remove(h.origin)}
              >
                {t('options.helpdesks.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
