import type { ClientRecord } from '../../core/store/db';
import { t } from '../i18n';

/** The same person in other helpdesks, linked by email or phone; a wrong link can be split off. */
export function LinkedRecords({ records, onSplit }: { records: ClientRecord[]; onSplit: (key: string) => void }) {
  if (!records.length) return null;
  return (
    <div class="linked" data-testid="linked-records">
      <span class="muted">{t('linked.heading')}</span>
      <ul>
        {records.map((r) => (
          <li key={r.key} data-testid="linked-record" data-key={r.key}>
            <span>
              {t(`source.${r.source}`)} · {r.account}: {r.name || r.email || r.externalId}
            </span>{' '}
            <button type="button" class="link" data-testid="linked-split" onClick={() => onSplit(r.key)}>
              {t('linked.split')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
