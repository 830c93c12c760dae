import type { QueueSummary } from '../../core/team-sync/overview';
import { t, tFor } from './i18n';
import type { TeamSyncModel } from './team-sync-model';

/** An account's name without its helpdesk (`zendesk:acme` → `acme`). */
const accountName = (account: string) => account.slice(account.indexOf(':') + 1);

/**
 * The queue (data-testid="team-sync-queue"): how many writes wait, and each helpdesk account that refused
 * writes, with why, how many clients wait on it, and a way to try it again.
 */
export function TeamSyncQueue({ model, queue }: { model: TeamSyncModel; queue: QueueSummary }) {
  const retried = model.retried.value;
  return (
    <div class="sync-settings__queue" data-testid="team-sync-queue">
      <h3>{t('options.teamSync.queue.heading')}</h3>
      <p data-testid="team-sync-waiting" data-count={queue.waiting}>
        {queue.waiting ? t('options.teamSync.queue.waiting', { n: queue.waiting }) : t('options.teamSync.queue.none')}
      </p>
      {queue.refused.length > 0 && (
        <ul class="sync-settings__refused">
          {queue.refused.map((a) => {
            const helpdesk = t(`source.${a.source}`);
            const vars = { helpdesk, account: accountName(a.account) };
            return (
              <li key={a.account} data-testid="team-sync-refused" data-account={a.account} data-clients={a.clients}>
                <p>{t('options.teamSync.queue.refused', { ...vars, n: a.clients })}</p>
                <ul>
                  {a.reasons.map((r) => (
                    <li key={r.reason} data-reason={r.reason}>
                      {a.reasons.length > 1 && `${t('options.teamSync.queue.reasonCount', { n: r.clients })} `}
                      {tFor(a.source, `sync.why.${r.reason}`, { helpdesk, status: r.status ?? '' })}
                    </li>
                  ))}
                </ul>
                <button
                  type="button"
                  class="secondary"
                  data-testid="team-sync-retry"
                  aria-label={t('options.teamSync.queue.retryFor', vars)}
                  onClick={() => void model.retry(a.account)}
                >
                  {t('options.teamSync.queue.retry')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {retried && (
        <p role="status" data-testid="team-sync-retried">
          {t('options.teamSync.queue.retried', { account: accountName(retried) })}
        </p>
      )}
    </div>
  );
}
