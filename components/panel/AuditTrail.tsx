import type { AuditRecord } from '../../core/store/db';
import { formatTime, t } from '../i18n';

/** Every change to the dossier: who, when, old → new. */
export function AuditTrail({ entries }: { entries: AuditRecord[] }) {
  return (
    <details class="card audit">
      <summary>
        <h2 class="inline">{t('audit.heading')}</h2> <span class="muted">({entries.length})</span>
      </summary>
      {entries.length === 0 ? (
        <p class="muted">{t('audit.empty')}</p>
      ) : (
        <ul class="audit__list" data-testid="audit-trail">
          {entries.map((e) => (
            <li key={e.id} data-testid="audit-entry" data-field={e.field}>
              <time class="muted">{formatTime(e.at)}</time> · <strong>{e.who}</strong> · {e.field}:{' '}
              {e.from === e.to ? (
                // Pinning a note changes neither side's text: show it once, not struck through and repeated.
                <span class="audit__new">{e.to || '∅'}</span>
              ) : (
                <>
                  <span class="audit__old">{e.from || '∅'}</span> → <span class="audit__new">{e.to || '∅'}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
