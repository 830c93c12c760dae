import type { StrategyPack } from '../../core/pack/schema';
import { asConfirmed, dryRun, type DryRun } from '../../core/team-sync/dry-run';
import type { TeamSyncView } from '../../core/team-sync/overview';
import { confirmedTypeOf } from '../../core/team-sync/plan';
import { lang, t } from './i18n';
import { typeName } from '../panel/pack-text';

/** Tags as code, one after another. */
function Tags({ tags, testId, label }: { tags: readonly string[]; testId: string; label: string }) {
  if (!tags.length) return null;
  return (
    <p data-testid={testId}>
      {label}{' '}
      {tags.map((tag, i) => (
        <span key={tag}>
          {i > 0 && ', '}
          <code data-testid="team-sync-preview-tag">{tag}</code>
        </span>
      ))}
    </p>
  );
}

/** The tags a dry run adds and removes, or that there is nothing to change. */
function Change({ run }: { run: DryRun }) {
  if (!run.add.length && !run.remove.length) return <p data-testid="team-sync-preview-nothing">{t('options.teamSync.preview.nothing')}</p>;
  return (
    <>
      <Tags tags={run.add} testId="team-sync-preview-add" label={t('options.teamSync.preview.add')} />
      <Tags tags={run.remove} testId="team-sync-preview-remove" label={t('options.teamSync.preview.remove')} />
    </>
  );
}

/** The body of the dry run for the client seen last, and its state (for tests and styles). */
function previewOf(view: TeamSyncView | null, pack: StrategyPack): { state: string; body: preact.ComponentChildren } {
  if (!view || view.searching) return { state: 'searching', body: <p class="muted">{t('options.teamSync.preview.searching')}</p> };
  const c = view.client;
  if (!c) return { state: 'none', body: <p class="muted">{t('options.teamSync.preview.none')}</p> };
  const helpdesk = t(`source.${c.source}`);
  const head = (
    <p data-testid="team-sync-preview-client">
      <strong>{c.name || c.externalId}</strong> · {helpdesk}
    </p>
  );
  if (view.neverRecorded)
    return {
      state: 'never-recorded',
      body: (
        <>
          {head}
          <p>{t('options.teamSync.preview.neverRecorded')}</p>
        </>
      ),
    };
  const now = dryRun(c, pack, view.choice, view.queued);
  const { plan } = now;
  if (!plan.target)
    return {
      state: 'not-writable',
      body: (
        <>
          {head}
          <p>{t('options.teamSync.preview.notWritable', { helpdesk })}</p>
        </>
      ),
    };
  const where = `${t(`options.teamSync.preview.target.${plan.target.kind}`, { id: plan.target.id })}${plan.ticket ? ` ${t('options.teamSync.preview.ticket', { id: plan.ticket.id })}` : ''}.`;
  const confirmed = confirmedTypeOf(c);
  const shown = c.visits.at(-1)?.type;
  const queued = view.queued?.state;
  const parts = (state: string, line: string, run?: DryRun) => ({
    state,
    body: (
      <>
        {!plan.settings.enabled && <p data-testid="team-sync-preview-off">{t('options.teamSync.preview.off')}</p>}
        {head}
        <p data-testid="team-sync-preview-target">{where}</p>
        <p data-testid="team-sync-preview-type">{line}</p>
        {run && <Change run={run} />}
        {(queued === 'waiting' || queued === 'refused') && <p data-testid="team-sync-preview-queued">{t(`options.teamSync.preview.${queued}`)}</p>}
      </>
    ),
  });
  if (confirmed) return parts('confirmed', t('options.teamSync.preview.confirmed', { type: typeName(pack, confirmed, lang.value) }), now);
  if (shown && shown !== 'unknown')
    return parts(
      'if-confirmed',
      t('options.teamSync.preview.ifConfirmed', { type: typeName(pack, shown, lang.value) }),
      dryRun(asConfirmed(c, shown), pack, view.choice, view.queued),
    );
  return parts('no-type', t('options.teamSync.preview.noType'));
}

/**
 * A dry run for the client the agent had open last (data-testid="team-sync-preview"): the exact tags team sync
 * would add and remove now if their type is confirmed, or if they confirmed the type the panel showed last.
 */
export function TeamSyncPreview({ view, pack }: { view: TeamSyncView | null; pack: StrategyPack }) {
  const { state, body } = previewOf(view, pack);
  return (
    <div class="sync-settings__preview" data-testid="team-sync-preview" data-state={state} aria-live="polite">
      <h3>{t('options.teamSync.preview.heading')}</h3>
      {body}
    </div>
  );
}
