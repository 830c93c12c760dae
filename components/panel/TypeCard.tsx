import type { Analysis } from '../../core/analysis';
import type { ClientSnapshot } from '../../core/schema/snapshot';
import { CLIENT_TYPES, type TypeVerdict } from '../../core/taxonomy';
import { lang, t } from '../i18n';
import { certainty, loc, percent, typeName } from './pack-text';
import { ChoiceWithReason } from './ChoiceWithReason';
import { EvidenceList } from './EvidenceList';
import type { PanelModel } from './model';
import { TeamSyncStatus } from './TeamSyncStatus';

/** Above the fold: the type, how sure, and the one boundary to keep in mind. */
export function TypeSummary({ model, analysis }: { model: PanelModel; analysis: Analysis }) {
  const pack = model.pack.value!;
  const l = lang.value;
  const shown = analysis.shownType;
  const c = analysis.classification;
  const topBoundary = shown === 'unknown' ? undefined : pack.types?.[shown]?.boundaries?.[0];
  return (
    <section class={`card type type--${shown}`} aria-labelledby="type-h">
      {/* The type's name is what the eye looks for: the card's heading is for screen readers. */}
      <h2 id="type-h" class="sr-only">
        {t('type.heading')}
      </h2>
      <p class="sr-only" aria-live="polite">
        {t('type.confidenceSr', {
          type: typeName(pack, shown, l),
          words: t(`certainty.${certainty(c.probabilities[shown])}`),
          p: percent(c.probabilities[shown]),
        })}
      </p>
      <div class="type__head">
        <span class="type__name" data-testid="client-type" data-type={shown}>
          {typeName(pack, shown, l)}
        </span>
        <span class="type__confidence" data-testid="type-confidence">
          {analysis.overridden
            ? t('type.overridden')
            : analysis.confirmed
              ? t('type.confirmed')
              : shown === 'unknown'
                ? t('type.unknownConfidence')
                : t('type.confidence', { words: t(`certainty.${certainty(c.confidence)}`), p: percent(c.confidence) })}
        </span>
      </div>
      {analysis.overridden && (
        <p class="type__override muted">
          {t('type.modelSays', { type: typeName(pack, c.type, l), p: percent(c.confidence) })}{' '}
          <button type="button" class="link" data-testid="type-undo" onClick={() => void model.undoOverride()}>
            {t('type.undo')}
          </button>
        </p>
      )}
      {shown === 'unknown' && <p class="muted">{t('type.unknownHint')}</p>}
      {analysis.team && <TeamVerdict model={model} team={analysis.team} />}
      {topBoundary && (
        <p class="type__boundary" data-testid="top-boundary">
          <span aria-hidden="true">⚠ </span>
          {loc(topBoundary, l)}
        </p>
      )}
    </section>
  );
}

/**
 * The agent's "yes, this type", beside the evidence it rests on: kept with the client (shown as theirs, certain in
 * the history) and, with team sync on, written to the helpdesk. An override is a confirmation too; a
 * confirmation can be taken back.
 */
function ConfirmType({ model, analysis }: { model: PanelModel; analysis: Analysis }) {
  if (analysis.overridden || !model.dossier.value.client) return null;
  if (analysis.confirmed)
    return (
      <p class="type__confirm muted">
        {t('type.confirmedByYou', { type: typeName(model.pack.value!, analysis.confirmed.type, lang.value) })}{' '}
        <button type="button" class="link" data-testid="type-confirm-undo" onClick={() => void model.confirmType(undefined)}>
          {t('type.undo')}
        </button>
      </p>
    );
  if (analysis.shownType === 'unknown') return null;
  return (
    <p class="type__confirm">
      <button type="button" class="secondary" data-testid="type-confirm" onClick={() => void model.confirmType(analysis.shownType)}>
        {t('type.confirm', { type: typeName(model.pack.value!, analysis.shownType, lang.value) })}
      </button>
    </p>
  );
}

/** What the team said in the helpdesk (a type tag), and the model's own answer when it differs. */
function TeamVerdict({ model, team }: { model: PanelModel; team: NonNullable<Analysis['team']> }) {
  const pack = model.pack.value!;
  const l = lang.value;
  const names = team.types.map((t) => typeName(pack, t, l)).join(' / ');
  const disagrees = !team.types.includes(team.modelType as (typeof team.types)[number]) && team.modelType !== 'unknown';
  return (
    <p class="type__team" data-testid="team-type" data-types={team.types.join(' ')}>
      {t('team.tagged', { type: names, helpdesk: model.helpdeskName.value ?? '' })}
      {disagrees && (
        <span class="muted" data-testid="team-conflict">
          {' '}
          {t('team.conflict', { type: typeName(pack, team.modelType, l) })}
        </span>
      )}
    </p>
  );
}

/** Below the fold: why this type (quotes), the alternatives with their evidence, and the agent's override. */
export function TypeDetails({ model, analysis, snapshot }: { model: PanelModel; analysis: Analysis; snapshot: ClientSnapshot }) {
  const pack = model.pack.value!;
  const l = lang.value;
  const c = analysis.classification;
  const shown = analysis.shownType;
  const forShown = c.evidence.filter((e) => e.type === shown && e.contribution > 0).slice(0, 6);
  const alternatives = (Object.entries(c.probabilities) as [TypeVerdict, number][])
    .filter(([type]) => type !== shown)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3);
  return (
    <section class="card" aria-labelledby="why-h">
      <h2 id="why-h">{t('type.evidence')}</h2>
      {shown !== 'unknown' && pack.types?.[shown]?.summary && (
        <p class="type__summary muted" data-testid="type-summary">
          <strong>{typeName(pack, shown, l)}:</strong> {loc(pack.types[shown]!.summary, l)}
        </p>
      )}
      {analysis.overridden && (
        <p class="muted type__model">
          {t('type.modelSays', { type: typeName(pack, c.type, l), p: percent(c.confidence) })}
          {analysis.overridden.reason && ` · «${analysis.overridden.reason}»`}{' '}
          <button type="button" class="link" data-testid="override-undo" onClick={() => void model.undoOverride()}>
            {t('type.undo')}
          </button>
        </p>
      )}
      <EvidenceList items={forShown} snapshot={snapshot} testId="type-evidence" />
      <h3>{t('type.alternatives')}</h3>
      <ul class="alternatives" data-testid="type-alternatives">
        {alternatives.map(([type, prob]) => (
          <li key={type}>
            <details>
              <summary>
                {typeName(pack, type, l)} <span class="muted">{percent(prob)}%</span>
              </summary>
              <EvidenceList items={c.evidence.filter((e) => e.type === type && e.contribution > 0).slice(0, 4)} snapshot={snapshot} />
            </details>
          </li>
        ))}
      </ul>
      <div class="type__verify">
        <ConfirmType model={model} analysis={analysis} />
        <TeamSyncStatus model={model} analysis={analysis} />
      </div>
      <OverrideForm model={model} current={shown} />
    </section>
  );
}

/** The agent's own answer: any type, or "not enough to tell" (which the model learns too). */
function OverrideForm({ model, current }: { model: PanelModel; current: TypeVerdict }) {
  const pack = model.pack.value!;
  const choices: TypeVerdict[] = [...CLIENT_TYPES, 'unknown'];
  return (
    <ChoiceWithReason<TypeVerdict>
      title={t('type.override')}
      options={choices
        .filter((type) => type !== current)
        .map((type) => ({ value: type, label: type === 'unknown' ? t('type.overrideUnknown') : typeName(pack, type, lang.value) }))}
      testIds={{ select: 'override-type', reason: 'override-reason', save: 'override-save' }}
      onSave={(to, reason) => model.overrideType(to, reason)}
    />
  );
}
