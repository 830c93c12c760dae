import type { DossierChange } from '../../core/store/apply-edit';
import type { ClientRecord } from '../../core/store/db';
import { formatTime, t } from '../i18n';
import { ErrorLine } from './ChoiceWithReason';
import { useEditRun } from './edit-error';
import { ForgetClient } from './ForgetClient';
import type { PanelModel } from './model';
import { useInputDraft } from './use-input-draft';
import { vipWords } from './vip-words';

/**
 * The dossier's own facts: first and last seen, visits (as many as the history lists: every linked record's), the
 * agent's tags and VIP mark. When the client is VIP for another reason, that reason shows beside the mark.
 */
export function DossierSection({ model, client }: { model: PanelModel; client: ClientRecord }) {
  const tagDraft = useInputDraft(model.drafts, client.key, 'tag');
  const { error, run: runEdit } = useEditRun('dossier.tagError');
  // A change, not the list: another panel's tags, added meanwhile, stay.
  const run = (change: DossierChange) => runEdit(model.edit(change));
  const vip = model.vip.value;
  const otherVip = vip && !(vip.source === 'agent' && vip.by === 'flag') ? vip : null;
  const addTag = async (e: Event) => {
    e.preventDefault();
    const tag = tagDraft.value.trim();
    if (!tag) return;
    tagDraft.set('');
    // Not saved: the tag goes back into the input (and its draft), unless the agent has typed another meanwhile.
    if (!(await run({ kind: 'tag-add', key: client.key, tag })) && !tagDraft.peek()) tagDraft.set(tag);
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
              onClick={() => void run({ kind: 'tag-remove', key: client.key, tag })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form class="inline-form" onSubmit={(e) => void addTag(e)}>
        <input
          type="text"
          data-testid="tag-input"
          maxLength={100}
          placeholder={t('dossier.addTag')}
          aria-label={t('dossier.addTag')}
          value={tagDraft.value}
          onInput={(e) => tagDraft.set((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" disabled={!tagDraft.value.trim()}>
          +
        </button>
      </form>
      <ErrorLine message={error.value} />
      <ForgetClient model={model} />
    </section>
  );
}
