import { useSignal } from '@preact/signals';
import { PROFILE_GROUPS, type ProfileField } from '../../core/schema/profile';
import type { ClientRecord } from '../../core/store/db';
import { t } from '../i18n';
import type { MessageKey } from '../i18n';
import type { PanelModel } from './model';

function FieldRow({ model, client, field }: { model: PanelModel; client: ClientRecord; field: ProfileField }) {
  const value = client.profile[field] ?? '';
  const draft = useSignal<string | null>(null);
  const prefilled = client.profile.prefilled.includes(field);
  const save = () => {
    if (draft.value !== null && draft.value !== value) void model.edit({ kind: 'profile', key: client.key, field, value: draft.value });
    draft.value = null;
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
        onInput={(e) => (draft.value = (e.currentTarget as HTMLInputElement).value)}
        onBlur={save}
        onKeyDown={(e) => e.key === 'Enter' && save()}
      />
      {prefilled && (
        <span class="profile__prefilled muted" data-testid={`prefilled-${field}`}>
          {t('profile.fromHelpdesk')}
        </span>
      )}
    </div>
  );
}

/** The client's profile (seed 003): socio-demographics, life position, habits, psychographics, behaviour. */
export function ProfileSection({ model, client }: { model: PanelModel; client: ClientRecord }) {
  return (
    <details class="card profile" data-testid="profile">
      <summary>
        <h2 class="inline">{t('profile.heading')}</h2>
      </summary>
      {Object.entries(PROFILE_GROUPS).map(([group, fields]) => (
        <fieldset key={group} class="profile__group">
          <legend>{t(`profile.group.${group}` as MessageKey)}</legend>
          {fields.map((f) => (
            <FieldRow key={f} model={model} client={client} field={f} />
          ))}
        </fieldset>
      ))}
    </details>
  );
}
