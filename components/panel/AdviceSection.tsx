import type { LocText } from '../../core/pack/schema';
import type { TypeVerdict } from '../../core/taxonomy';
import { lang, t } from '../i18n';
import type { PanelModel } from './model';
import { loc } from './pack-text';
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

/** What to do with this type of client (the strategy) and what not to (the boundaries). */
export function AdviceSection({ model, type }: { model: PanelModel; type: TypeVerdict }) {
  const pack = model.pack.value!;
  const section = type === 'unknown' ? undefined : pack.types?.[type];
  const company = pack.companyStrategy ? pack.companyStrategies?.[pack.companyStrategy] : undefined;
  const companyAdvice = type === 'unknown' ? undefined : company?.advice?.[type];
  return (
    <>
      <section class="card advice" aria-labelledby="boundaries-h">
        <h2 id="boundaries-h">{t('boundaries.heading')}</h2>
        <TextList items={section?.boundaries ?? []} testId="boundaries" />
        <PackSource model={model} path={`types.${type}.boundaries`} />
      </section>
      <section class="card advice" aria-labelledby="strategy-h">
        <h2 id="strategy-h">{t('strategy.heading')}</h2>
        {section?.expects && <p class="advice__expects">{loc(section.expects, lang.value)}</p>}
        <TextList items={section?.strategy ?? []} testId="strategy" />
        <PackSource model={model} path={`types.${type}.strategy`} />
        {companyAdvice && (
          <p class="advice__company" data-testid="company-advice">
            <strong>{t('strategy.company', { name: loc(company?.name, lang.value) })}</strong> {loc(companyAdvice, lang.value)}
          </p>
        )}
      </section>
    </>
  );
}
