import type { LocText } from '../../core/pack/schema';
import { lang, t } from '../i18n';
import type { PanelModel } from './model';
import { loc, typeName } from './pack-text';
import { CLIENT_TYPES, type TypeVerdict } from '../../core/taxonomy';
import { sourceOf } from '../../core/pack/merge';

function TextList({ items, testId }: { items: LocText[]; testId: string }) {
  return (
    <ol class="advice__list" data-testid={testId}>
      {items.map((item, i) => (
        <li key={i}>{loc(item, lang.value)}</li>
      ))}
    </ol>
  );
}

/** "from pack …" when a team or personal pack, not the built-in one, gave this part of the advice. */
export function PackSource({ model, path }: { model: PanelModel; path: string }) {
  const eff = model.effective.value;
  const id = eff && sourceOf(eff, path);
  if (!eff || !id || id === eff.layers[0]) return null;
  return (
    <p class="pack-source muted" data-testid="pack-source" data-pack={id}>
      {t('pack.from', { pack: loc(eff.names[id], lang.value) || id })}
    </p>
  );
}

/** For a client whose type does not show yet: what each type looks like, to tell it in the next messages. */
function LookFor({ model }: { model: PanelModel }) {
  const pack = model.pack.value!;
  const types = CLIENT_TYPES.filter((type) => pack.types?.[type]?.summary);
  if (!types.length) return null;
  return (
    <details class="advice__look" data-testid="look-for">
      <summary>{t('advice.lookFor')}</summary>
      <dl>
        {types.map((type) => (
          <div key={type}>
            <dt>{typeName(pack, type, lang.value)}</dt>
            <dd class="muted">{loc(pack.types![type]!.summary, lang.value)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/**
 * What to do with this type of client (the strategy) and what not to (the boundaries). While the type does not
 * show, what applies to every client, the company's way, and what to look for to tell the type.
 */
export function AdviceSection({ model, type }: { model: PanelModel; type: TypeVerdict }) {
  const pack = model.pack.value!;
  const unclear = type === 'unknown';
  const section = unclear ? pack.general : pack.types?.[type];
  const path = unclear ? 'general' : `types.${type}`;
  const company = pack.companyStrategy ? pack.companyStrategies?.[pack.companyStrategy] : undefined;
  const companyAdvice = unclear ? company?.summary : company?.advice?.[type];
  const expects = unclear ? undefined : pack.types?.[type]?.expects;
  // A type's first boundary is on the type card already (TypeCard's top boundary): the list gives the others.
  const boundaries = (unclear ? section?.boundaries : section?.boundaries?.slice(1)) ?? [];
  const onTypeCard = !unclear && Boolean(section?.boundaries?.length);
  return (
    <>
      <section class="card advice" aria-labelledby="boundaries-h">
        <h2 id="boundaries-h">{t('boundaries.heading')}</h2>
        {onTypeCard && (
          <p class="muted" data-testid="boundaries-top-note">
            {t(boundaries.length ? 'boundaries.topAbove' : 'boundaries.onlyTop')}
          </p>
        )}
        {boundaries.length ? (
          <TextList items={boundaries} testId="boundaries" />
        ) : (
          !onTypeCard && (
            <p class="muted" data-testid="boundaries">
              {t('advice.none')}
            </p>
          )
        )}
        <PackSource model={model} path={`${path}.boundaries`} />
      </section>
      <section class="card advice" aria-labelledby="strategy-h">
        <h2 id="strategy-h">{t('strategy.heading')}</h2>
        {expects && <p class="advice__expects">{loc(expects, lang.value)}</p>}
        {section?.strategy?.length ? (
          <TextList items={section.strategy} testId="strategy" />
        ) : (
          <p class="muted" data-testid="strategy">
            {t('advice.none')}
          </p>
        )}
        <PackSource model={model} path={`${path}.strategy`} />
        {unclear && <LookFor model={model} />}
        {companyAdvice && (
          <p class="advice__company" data-testid="company-advice">
            <strong>{t('strategy.company', { name: loc(company?.name, lang.value) })}</strong> {loc(companyAdvice, lang.value)}
          </p>
        )}
      </section>
    </>
  );
}
