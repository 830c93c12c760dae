import { useEffect, useRef } from 'preact/hooks';
import { formatTime, t } from '../i18n';
import type { PanelModel } from './model';
import { vipWords } from './vip-words';

/** Every dossier, searchable by name, email, phone or tag as you type; opens one without a helpdesk tab. */
export function ClientList({ model }: { model: PanelModel }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const results = model.searchResults.value;
  const searching = model.searching.value;
  return (
    <section class="card clients" aria-labelledby="clients-h" aria-busy={searching}>
      <h2 id="clients-h">{t('clients.heading')}</h2>
      <input
        ref={input}
        type="search"
        data-testid="client-search"
        class="clients__search"
        placeholder={t('clients.search')}
        aria-label={t('clients.search')}
        value={model.searchQuery.value}
        onInput={(e) => void model.search((e.currentTarget as HTMLInputElement).value)}
      />
      {results.length === 0 && searching ? (
        <p class="muted" role="status" data-testid="clients-searching">
          {t('clients.searching')}
        </p>
      ) : results.length === 0 ? (
        <p class="muted" data-testid="clients-empty">
          {model.searchQuery.value.trim() ? t('clients.none') : t('clients.noDossiers')}
        </p>
      ) : (
        <ul class="clients__list" data-testid="client-results">
          {results.map((c) => (
            <li key={c.key}>
              <button
                type="button"
                class="clients__item"
                data-testid="client-result"
                data-key={c.key}
                onClick={() => model.show({ kind: 'dossier', key: c.key })}
              >
                <strong>
                  {c.vip && (
                    <span
                      data-testid="result-vip"
                      data-source={c.vip}
                      title={vipWords(c.vip, t(`source.${c.source}`))}
                      aria-label={vipWords(c.vip, t(`source.${c.source}`))}
                    >
                      ★{' '}
                    </span>
                  )}
                  {c.name || c.email || c.externalId}
                </strong>
                <span class="muted">{[c.email, c.phone, c.tags.join(', ')].filter(Boolean).join(' · ')}</span>
                <span class="muted">
                  {t(`source.${c.source}`)} · {formatTime(c.lastSeen)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
