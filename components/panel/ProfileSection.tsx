import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { PROFILE_GROUPS, type ProfileField } from '../../core/schema/profile';
import type { ClientRecord } from '../../core/store/db';
import { t } from '../i18n';
import type { MessageKey } from '../i18n';
import { ErrorLine } from './ChoiceWithReason';
import { useEditRun } from './edit-error';
import type { PanelModel } from './model';

function FieldRow({ model, client, field }: { model: PanelModel; client: ClientRecord; field: ProfileField }) {
  const value = client.profile[field] ?? '';
  const shown = useRef(value);
  shown.current = value;
  const draft = useSignal<string | null>(null);
  /** The value the agent's edit started from: the store refuses the edit if the field has changed since. */
  const was = useSignal('');
  const { error, conflict, run, clear } = useEditRun('profile.error');
  const prefilled = client.profile.prefilled.includes(field);
  const save = async () => {
    const text = draft.value;
    draft.value = null;
    if (text === null || text === value) return;
    if (await run(model.edit({ kind: 'profile', key: client.key, field, value: text, was: was.value }))) return;
    // Not saved: the agent's text stays, and saving again replaces what is there now.
    if (draft.value === null) draft.value = text;
    was.value = shown.current;
  };
  return (
    <div class="profile__row">
      <label for={`pf-${field}`}>{t(`profile.${field}` as MessageKey)}</label>
      <input
        id={`pf-${field}`}
        type="text"
        data-testid={`profile-${field}`}
        maxLength={2000}
        value={draft.value ?? value}
        onInput={(e) => {
          if (draft.value === null) was.value = value;
          draft.value = (e.currentTarget as HTMLInputElement).value;
        }}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
          // Keeps what is stored (after a conflict: the other change) and drops the agent's text.
          if (e.key === 'Escape' && draft.value !== null) {
            draft.value = null;
            clear();
          }
        }}
      />
      {prefilled && (
        <span class="profile__prefilled muted" data-testid={`prefilled-${field}`}>
          {t('profile.fromHelpdesk')}
        </span>
      )}
      {/* The value stored now, as it arrives: what saving again would replace. */}
      <ErrorLine message={conflict.value ? t('profile.conflict', { value: value || '∅' }) : error.value} />
    </div>
  );
}

/** Fields of the marketing profile (everything but the preferences, which an agent uses every day). */
const MARKETING = Object.values(PROFILE_GROUPS)
  .flat()
  .filter((f) => f !== 'preferences');

/**
 * The client's profile (seed 003): their preferences and quirks first, then the marketing profile
 * (socio-demographics, life position, habits, psychographics, behaviour) under one heading that says how much
 * of it is known; the helpdesk fills what it knows.
 */
export function ProfileSection({ model, client }: { model: PanelModel; client: ClientRecord }) {
  const filled = MARKETING.filter((f) => client.profile[f]).length;
  return (
    <details class="card profile" data-testid="profile">
      <summary>
        <h2 class="inline">{t('profile.heading')}</h2>
      </summary>
      <FieldRow model={model} client={client} field="preferences" />
      <details class="profile__marketing" data-testid="profile-marketing">
        <summary data-testid="profile-marketing-summary">{t('profile.marketing', { filled, total: MARKETING.length })}</summary>
        {Object.entries(PROFILE_GROUPS).map(([group, fields]) => (
          <fieldset key={group} class="profile__group">
            <legend>{t(`profile.group.${group}` as MessageKey)}</legend>
            {fields
              .filter((f) => f !== 'preferences')
              .map((f) => (
                <FieldRow key={f} model={model} client={client} field={f} />
              ))}
          </fieldset>
        ))}
      </details>
    </details>
  );
}
