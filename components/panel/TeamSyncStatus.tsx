import type { Analysis } from '../../core/analysis';
import { asConfirmed, dryRun } from '../../core/team-sync/dry-run';
import { confirmedTypeOf, syncPlan } from '../../core/team-sync/plan';
import type { TeamSyncRecord } from '../../core/team-sync/record';
import { lang, t } from '../i18n';
import type { PanelModel } from './model';

/** "adds tipazh_tester; removes tipazh_impatient". */
function changeWords(add: readonly string[], remove: readonly string[]): string {
  const parts = [add.length ? t('sync.adds', { tags: add.join(', ') }) : '', remove.length ? t('sync.removes', { tags: remove.join(', ') }) : ''];
  return parts.filter(Boolean).join('; ');
}

/** Why a write waits or was refused, in the agent's words, with what to do about it. */
const whyWords = (r: TeamSyncRecord, helpdesk: string) => t(`sync.why.${r.reason ?? 'offline'}`, { helpdesk, status: r.status ?? '' });

/**
 * Team sync for the client in view (data-testid="team-sync-status"): what confirming would write (a dry run),
 * what was written, what waits and why, or the helpdesk's refusal with what an admin must change. Nothing when
 * team sync is off.
 */
export function TeamSyncStatus({ model, analysis }: { model: PanelModel; analysis: Analysis }) {
  const d = model.dossier.value;
  const client = d.client;
  const pack = model.pack.value;
  if (!client || !pack) return null;
  const helpdesk = model.helpdeskName.value ?? '';
  const r = d.teamSync;
  const plan = syncPlan(client, pack, d.teamChoice);
  if (!plan.settings.enabled) return null;
  let body: preact.ComponentChildren;
  let state: string;
  if (r?.state === 'refused') {
    state = 'refused';
    body = (
      <>
        {t('sync.refused', { helpdesk, change: changeWords(r.add, r.remove) })} {whyWords(r, helpdesk)}{' '}
        {r.reason === 'forbidden' && (
          <button type="button" class="link" data-testid="team-sync-retry" onClick={() => void model.retryTeamSync()}>
            {t('sync.retry')}
          </button>
        )}
      </>
    );
  } else if (r?.state === 'waiting') {
    state = 'waiting';
    const at = new Date(r.nextAt).toLocaleTimeString(lang.value, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    body = t(r.attempts ? 'sync.waitingRetry' : 'sync.sending', { helpdesk, change: changeWords(r.add, r.remove), why: whyWords(r, helpdesk), time: at });
  } else if (!plan.target) {
    state = 'not-writable';
    body = t('sync.notWritable', { helpdesk });
  } else if (!confirmedTypeOf(client) && analysis.shownType !== 'unknown') {
    // A dry run: what a confirmation of the type shown would write now.
    state = 'preview';
    const change = dryRun(asConfirmed(client, analysis.shownType), pack, d.teamChoice, r);
    body =
      change.add.length || change.remove.length
        ? t('sync.preview', { helpdesk, change: changeWords(change.add, change.remove) })
        : t('sync.previewNothing', { helpdesk });
  } else {
    state = 'written';
    body = r?.written.length ? t('sync.written', { helpdesk, tags: r.written.join(', ') }) : t('sync.nothingWritten', { helpdesk });
  }
  return (
    <p class={`team-sync team-sync--${state}`} data-testid="team-sync-status" data-state={state} aria-live="polite">
      {body}
    </p>
  );
}
