import { t } from '../i18n';

/** The client's behaviour type; filled by the classifier. */
export function TypeCard() {
  return (
    <section class="card type" aria-label={t('type.heading')}>
      <h2>{t('type.heading')}</h2>
      <p data-testid="client-type" class="type__name muted">
        {t('type.pending')}
      </p>
    </section>
  );
}
