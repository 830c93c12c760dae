import { useSignal } from '@preact/signals';
import type { ClientRecord } from '../../core/store/db';
import { formatTime, t } from '../i18n';
import { ForgetClient } from './ForgetClient';
import type { PanelModel } from './model';
import { vipWords } from './vip-words';

/**
 * The dossier's own facts: first and last seen, visits (as many as the history lists: every linked record's), the
 * agent's tags and VIP mark. When the client is VIP for another reason, that reason shows beside the mark.
 */
export function DossierSection({ model, client }: { model: PanelModel; client: ClientRecord }) {
  const tagDraft = useSignal('');
  const vip = model.vip.value;
  const otherVip = vip && !(vip.source === 'agent' && vip.by === 'flag') ? vip : null;
  const addTag = (e: Event) => {
    e.preventDefault();
    const tag = tagDraft.value.trim();
    if (!tag) return;
    void model.edit({ kind: 'tags', key: client.key, tags: [...client.tags, tag] });
    tagDraft.value = '';
  };
  return (
    <section class="card dossier" aria-labelledby="dossier-h" data-testid="dossier">
      <h2 id="dossier-h">{t('dossier.heading')}</h2>
      <dl class="client__facts">
        <dt>{t('dossier.firstSeen')}</dt>
        <dd data-testid="first-seen">{formatTime(client.firstSeen)}</dd>
        <dt>{t('dossier.lastSeen')}</dt>
        <dd data-testid="last-seen">{formatTime(client.lastSeen)}</dd>
        <dt>{t('dossier.visits')}</dt>
        <dd data-testid="visit-count">{model.dossier.value.visits.length}</dd>
      </dl>
      <label class="check">
        <input
          type="checkbox"
          data-testid="vip-toggle"
          checked={client.vip}
          onChange={(e) => void model.edit({ kind: 'vip', key: client.key, vip: (e.currentTarget as HTMLInputElement).checked })}
        />{' '}
        {t('dossier.vip')}
      </label>
      {otherVip && (
        <p class="muted dossier__vip" data-testid="vip-elsewhere">
          {vipWords(otherVip.source, model.helpdeskName.value ?? '')}
        </p>
      )}
      <ul class="tags" data-testid="tags" aria-label={t('dossier.tags')}>
        {client.tags.map((tag) => (
          <li key={tag} class="tag">
            {tag}
            <button
              type="button"
              class="tag__remove"
              aria-label={t('dossier.removeTag', { tag })}
              onClick={() => void model.edit({ kind: 'tags', key: client.key, tags: client.tags.filter((x) => x !== tag) })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form class="inline-form" onSubmit={addTag}>
        <input
          type="text"
          data-testid="tag-input"
          maxLength={100}
          placeholder={t('dossier.addTag')}
          aria-label={t('dossier.addTag')}
          value={tagDraft.value}
          onInput={(e) => (tagDraft.value = (e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" disabled={!tagDraft.value.trim()}>
          +
        </button>
      </form>
      <ForgetClient model={model} />
    </section>
  );
}
