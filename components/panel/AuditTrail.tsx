import type { MessageKey } from '../i18n';
import type { StrategyPack } from '../../core/pack/schema';
import type { AuditRecord } from '../../core/store/db';
import { SERVICE_LEVELS, TypeVerdict, type ServiceLevelId } from '../../core/taxonomy';
import { formatTime, lang, t } from '../i18n';
import { loc, typeName } from './pack-text';

/** What a field is called in the trail: "Type", "Profile: region", not `type` or `profile.region`. */
function fieldLabel(field: string): string {
  if (field.startsWith('profile.')) return `${t('profile.heading')}: ${t(`profile.${field.slice(8)}` as MessageKey)}`;
  const known: Record<string, MessageKey> = {
    type: 'audit.field.type',
    serviceLevel: 'audit.field.serviceLevel',
    vip: 'audit.field.vip',
    // Entries written before tags were edited one at a time list every tag.
    tags: 'audit.field.tags',
    'tag added': 'audit.field.tagAdded',
    'tag removed': 'audit.field.tagRemoved',
    replyLang: 'audit.field.replyLang',
    note: 'audit.field.note',
    'note pinned': 'audit.field.notePinned',
    'note deleted': 'audit.field.noteDeleted',
    'type confirmed': 'audit.field.typeConfirmed',
    'team sync': 'audit.field.teamSync',
    'team sync refused': 'audit.field.teamSyncRefused',
  };
  return known[field] ? t(known[field]!) : field;
}

/** A value as the agent knows it: a type's or a level's name (a reason kept after it), yes / no, a language. */
function valueLabel(field: string, value: string | undefined, pack: StrategyPack | null): string {
  if (!value) return '∅';
  if (value === 'automatic') return t('audit.automatic');
  const [, id, rest = ''] = value.match(/^([a-z-]+)((?: \(.*\))?)$/s) ?? [];
  if ((field === 'type' || field === 'type confirmed') && id && TypeVerdict.safeParse(id).success && pack)
    return `${typeName(pack, id as TypeVerdict, lang.value)}${rest}`;
  if (field === 'serviceLevel' && id && SERVICE_LEVELS.includes(id as ServiceLevelId))
    return `${loc(pack?.serviceLevels?.[id as ServiceLevelId]?.name, lang.value) || id}${rest}`;
  if (field === 'vip' && (value === 'true' || value === 'false')) return t(value === 'true' ? 'audit.yes' : 'audit.no');
  if (field === 'replyLang' && (value === 'en' || value === 'ru')) return t(`lang.in.${value}`);
  return value;
}

/** Every change to the dossier: who, when, old → new, in words. */
export function AuditTrail({ entries, pack }: { entries: AuditRecord[]; pack: StrategyPack | null }) {
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
              <time class="muted">{formatTime(e.at)}</time> · <strong>{e.who}</strong> · {fieldLabel(e.field)}:{' '}
              {e.from === e.to ? (
                // Pinning a note changes neither side's text: show it once, not struck through and repeated.
                <span class="audit__new">{valueLabel(e.field, e.to, pack)}</span>
              ) : (
                <>
                  <span class="audit__old">{valueLabel(e.field, e.from, pack)}</span> → <span class="audit__new">{valueLabel(e.field, e.to, pack)}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
