import type { Analysis } from '../../core/analysis';
import type { ClientRecord } from '../../core/store/db';
import { SERVICE_LEVELS, type ServiceLevelId } from '../../core/taxonomy';
import { lang, t, type MessageKey } from '../i18n';
import { ChoiceWithReason } from './ChoiceWithReason';
import type { PanelModel } from './model';
import { loc } from './pack-text';
import { vipWords } from './vip-words';

/** The agent sets the service level by hand, with a reason (kept in the audit trail). */
function LevelOverride({ model, client }: { model: PanelModel; client: ClientRecord }) {
  const pack = model.pack.value!;
  return (
    <ChoiceWithReason<ServiceLevelId>
      title={t('segment.override')}
      options={SERVICE_LEVELS.map((l) => ({ value: l, label: loc(pack.serviceLevels?.[l]?.name, lang.value) || l }))}
      testIds={{ select: 'level-override', reason: 'level-reason', save: 'level-save' }}
      onSave={(level, reason) => model.edit({ kind: 'service-level', key: client.key, level, reason })}
    >
      {client.serviceLevelOverride && (
        <button type="button" class="secondary" data-testid="level-clear" onClick={() => void model.edit({ kind: 'service-level', key: client.key })}>
          {t('segment.clearOverride')}
        </button>
      )}
    </ChoiceWithReason>
  );
}

/** The client's service-level class and lifecycle stage, each with the reason and the service task. */
export function SegmentSection({ model, analysis }: { model: PanelModel; analysis: Analysis }) {
  const pack = model.pack.value!;
  const l = lang.value;
  const level = pack.serviceLevels?.[analysis.serviceLevel.level];
  const stage = pack.lifecycle?.stages?.[analysis.lifecycle.stage];
  const client = model.dossier.value.client;
  const { reason, vars } = analysis.serviceLevel;
  // A VIP is a Lion King: the reason is the VIP state in the same words as everywhere ("VIP — tagged in Zendesk").
  const levelReason =
    reason === 'vip' && analysis.vip ? vipWords(analysis.vip.source, model.helpdeskName.value ?? '') : t(`reason.${reason}` as MessageKey, vars);
  return (
    <section class="card segment" aria-labelledby="segment-h">
      <h2 id="segment-h">{t('segment.heading')}</h2>
      <dl class="segment__list">
        <dt>{t('segment.serviceLevel')}</dt>
        <dd>
          <strong data-testid="service-level" data-level={analysis.serviceLevel.level}>
            {loc(level?.name, l) || analysis.serviceLevel.level}
          </strong>
          <span class="muted" data-testid="service-level-reason">
            {' '}
            · {levelReason}
          </span>
          {level?.task && <p class="segment__task">{loc(level.task, l)}</p>}
        </dd>
        {analysis.segment && (
          <>
            <dt>{t('segment.segment')}</dt>
            <dd data-testid="segment" data-segment={analysis.segment.segment.id}>
              <strong>{loc(analysis.segment.segment.name, l)}</strong>
              <span class="muted"> · {t('segment.priority', { n: analysis.segment.segment.priority })}</span>
              {analysis.segment.segment.firstReplyMinutes != null && (
                <p class="segment__task" data-testid="first-reply-target">
                  {t('segment.firstReply', { minutes: analysis.segment.segment.firstReplyMinutes })}
                </p>
              )}
              <span class="muted"> · {t(`segment.reason.${analysis.segment.reason}` as MessageKey, analysis.segment.vars)}</span>
            </dd>
          </>
        )}
        <dt>{t('segment.stage')}</dt>
        <dd>
          <strong data-testid="lifecycle-stage" data-stage={analysis.lifecycle.stage}>
            {loc(stage?.name, l) || analysis.lifecycle.stage}
          </strong>
          <span class="muted"> · {t(`reason.${analysis.lifecycle.reason}` as MessageKey, analysis.lifecycle.vars)}</span>
          {stage?.task && <p class="segment__task">{loc(stage.task, l)}</p>}
        </dd>
      </dl>
      {client && <LevelOverride model={model} client={client} />}
    </section>
  );
}
