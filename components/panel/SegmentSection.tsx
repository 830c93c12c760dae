import type { Analysis } from '../../core/analysis';
import { lang, t } from '../i18n';
import type { MessageKey } from '../i18n/en';
import type { PanelModel } from './model';
import { loc } from './pack-text';

/** The client's service-level class and lifecycle stage, each with the reason and the service task. */
export function SegmentSection({ model, analysis }: { model: PanelModel; analysis: Analysis }) {
  const pack = model.pack.value!;
  const l = lang.value;
  const level = pack.serviceLevels?.[analysis.serviceLevel.level];
  const stage = pack.lifecycle?.stages?.[analysis.lifecycle.stage];
  return (
    <section class="card segment" aria-labelledby="segment-h">
      <h2 id="segment-h">{t('segment.heading')}</h2>
      <dl class="segment__list">
        <dt>{t('segment.serviceLevel')}</dt>
        <dd>
          <strong data-testid="service-level" data-level={analysis.serviceLevel.level}>
            {loc(level?.name, l) || analysis.serviceLevel.level}
          </strong>
          <span class="muted"> · {t(`reason.${analysis.serviceLevel.reason}` as MessageKey, analysis.serviceLevel.vars)}</span>
          {level?.task && <p class="segment__task">{loc(level.task, l)}</p>}
        </dd>
        <dt>{t('segment.stage')}</dt>
        <dd>
          <strong data-testid="lifecycle-stage" data-stage={analysis.lifecycle.stage}>
            {loc(stage?.name, l) || analysis.lifecycle.stage}
          </strong>
          <span class="muted"> · {t(`reason.${analysis.lifecycle.reason}` as MessageKey, analysis.lifecycle.vars)}</span>
          {stage?.task && <p class="segment__task">{loc(stage.task, l)}</p>}
        </dd>
      </dl>
    </section>
  );
}
