import type { StrategyPack } from '../../core/pack/schema';
import { teamSyncSettings, type TeamSyncSettings } from '../../core/team-sync/settings';
import { t } from './i18n';
import type { TeamSyncModel } from './team-sync-model';
import { TeamSyncPreview } from './TeamSyncPreview';
import { TeamSyncQueue } from './TeamSyncQueue';
import { TeamSyncWrites } from './TeamSyncWrites';

/** Who decided whether team sync is on, in the agent's words. */
function decidedText(s: TeamSyncSettings): string {
  const state = s.enabled ? 'on' : 'off';
  if (s.decidedBy === 'agent') return t(`options.teamSync.decided.agent.${state}`);
  if (s.decidedBy === 'pack') return t(`options.teamSync.decided.pack.${state}`);
  return t('options.teamSync.decided.default');
}

/**
 * Team sync (data-testid="team-sync"): whether the confirmed types are written back to the helpdesk, who decided
 * it (the agent's own choice wins over the team's pack), what is written where, a dry run for the client seen
 * last, and the writes that wait or were refused. Follows the store live.
 */
export function TeamSyncSection({ model, pack }: { model: TeamSyncModel; pack: StrategyPack }) {
  const view = model.view.value;
  const settings = teamSyncSettings(pack.teamSync, view?.choice);
  const packSays = teamSyncSettings(pack.teamSync, undefined).enabled ? 'on' : 'off';
  return (
    <section class="card sync-settings" aria-labelledby="team-sync-h" data-testid="team-sync" data-enabled={String(settings.enabled)}>
      <h2 id="team-sync-h">{t('options.teamSync.heading')}</h2>
      <p class="muted">{t('options.teamSync.intro')}</p>
      <div class="sync-settings__switch">
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            data-testid="team-sync-enable"
            checked={settings.enabled}
            disabled={!view}
            aria-describedby="team-sync-decided"
            onChange={(e) => void model.setChoice((e.currentTarget as HTMLInputElement).checked)}
          />
          <span>{t('options.teamSync.switch')}</span>
        </label>
        <p id="team-sync-decided" class="muted" data-testid="team-sync-decided" data-decided-by={settings.decidedBy}>
          {decidedText(settings)}{' '}
          {settings.decidedBy === 'agent' && (
            <button type="button" class="link" data-testid="team-sync-follow-pack" onClick={() => void model.setChoice(undefined)}>
              {t(`options.teamSync.followPack.${packSays}`)}
            </button>
          )}
        </p>
      </div>
      {model.error.value && (
        <p class="error" role="alert" data-testid="team-sync-error">
          {t('options.teamSync.failed')} {model.error.value}
        </p>
      )}
      <TeamSyncWrites settings={settings} pack={pack} />
      <TeamSyncPreview view={view} pack={pack} />
      {view && <TeamSyncQueue model={model} queue={view.queue} />}
    </section>
  );
}
