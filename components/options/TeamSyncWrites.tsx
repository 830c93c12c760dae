import type { StrategyPack } from '../../core/pack/schema';
import { exampleTags } from '../../core/team-sync/examples';
import type { TeamSyncSettings } from '../../core/team-sync/settings';
import { t } from './i18n';

const RULES = ['confirmed', 'undo', 'neverRecord', 'notRetroactive'] as const;

/** What team sync writes and where, from the settings in force: one example tag per part, the records, the rules. */
export function TeamSyncWrites({ settings, pack }: { settings: TeamSyncSettings; pack: StrategyPack }) {
  return (
    <div class="sync-settings__writes" data-testid="team-sync-writes">
      <h3>{t('options.teamSync.writes.heading')}</h3>
      <p>{t(settings.enabled ? 'options.teamSync.writes.lead' : 'options.teamSync.writes.offLead')}</p>
      <ul data-testid="team-sync-tags">
        {exampleTags(settings, pack.segments).map(({ part, tag }) => (
          <li key={part} data-part={part}>
            {tag ? (
              <>
                {t(`options.teamSync.part.${part}`)} <code data-testid="team-sync-tag">{tag}</code>
              </>
            ) : (
              t('options.teamSync.part.segmentNone')
            )}
          </li>
        ))}
      </ul>
      <p data-testid="team-sync-where">{t('options.teamSync.where')}</p>
      <p data-testid="team-sync-ticket" data-ticket-tags={String(settings.ticketTags)}>
        {t(settings.ticketTags ? 'options.teamSync.ticket.on' : 'options.teamSync.ticket.off')}
      </p>
      <ul class="sync-settings__rules" data-testid="team-sync-rules">
        {RULES.map((r) => (
          <li key={r} data-rule={r}>
            {t(`options.teamSync.rule.${r}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
