import type { Evidence } from '../../core/classifier/classify';
import type { PackCheck } from '../../core/pack/check';
import type { StrategyPack } from '../../core/pack/schema';
import type { TypeVerdict } from '../../core/taxonomy';
import { percent, typeName } from '../panel/pack-text';
import { lang, t } from './i18n';

/* The measured results of "Check this pack": metrics per type, the confusion matrix and the misses with their evidence. */

const f3 = (x: number) => x.toFixed(3);

function evidenceText(e: Evidence): string {
  if (e.kind === 'cue' || e.kind === 'word')
    return e.count > 1 ? t('ev.cueRepeated', { quote: e.quote.text, n: e.count }) : t('ev.cue', { quote: e.quote.text });
  if (e.kind === 'signal') return t(`signal.${e.signal}`, { raw: Math.round(e.raw * 10) / 10 });
  if (e.kind === 'team') return t('ev.team', { tag: e.tag });
  return t('type.learned');
}

/** The strongest reasons the classifier had for `type`, as quotes from the client where there are some. */
function EvidenceFor({ result, type, pack }: { result: PackCheck['misses'][number]['result']; type: TypeVerdict; pack: StrategyPack }) {
  const list = result.evidence.filter((e) => e.type === type && e.contribution >= 0.05).slice(0, 5);
  return (
    <div class="miss__ev">
      <span class="muted">{t('options.check.evidenceFor', { type: typeName(pack, type, lang.value) })}</span>{' '}
      {list.length ? (
        <ul class="quotes">
          {list.map((e, i) => (
            <li key={i} data-kind={e.kind}>
              {e.kind === 'cue' || e.kind === 'word' ? <q data-testid="miss-quote">{e.quote.text}</q> : evidenceText(e)}
              <span class="muted"> +{e.contribution.toFixed(1)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <span class="muted">{t('options.check.noEvidence')}</span>
      )}
    </div>
  );
}

export function Results({ result, pack }: { result: PackCheck; pack: StrategyPack }) {
  const r = result.report;
  const labels = r.labels.filter((l) => l !== 'unknown' || r.perClass.unknown!.support > 0 || r.labels.some((x) => r.confusion[x]!.unknown! > 0));
  const name = (l: TypeVerdict) => typeName(pack, l, lang.value);
  return (
    <div class="results" data-testid="check-results">
      <dl class="summary">
        <div class="summary__main">
          <dt>{t('options.check.macroF1')}</dt>
          <dd data-testid="check-macro-f1">{f3(r.macroF1)}</dd>
        </div>
        <div>
          <dt>{t('options.check.accuracy')}</dt>
          <dd data-testid="check-accuracy">{f3(r.accuracy)}</dd>
        </div>
        <div>
          <dt>{t('options.check.cases')}</dt>
          <dd data-testid="check-n">{r.n}</dd>
        </div>
        <div>
          <dt>{t('options.check.unknownRate')}</dt>
          <dd>{percent(r.unknownRate)}%</dd>
        </div>
        <div>
          <dt>{t('options.check.misses')}</dt>
          <dd>{result.misses.length}</dd>
        </div>
      </dl>
      {(() => {
        // Macro-F1 averages over the labels the examples have; say which have none.
        const missing = r.labels.filter((l) => !r.scored.includes(l));
        return missing.length > 0 ? (
          <p class="muted" data-testid="check-no-examples">
            {t('options.check.noExamplesFor', { types: missing.map(name).join(', ') })}
          </p>
        ) : null;
      })()}

      <h3>{t('options.check.perType')}</h3>
      <div class="scroll">
        <table class="metrics" data-testid="check-per-type">
          <thead>
            <tr>
              <th scope="col">{t('options.check.type')}</th>
              <th scope="col">{t('options.check.precision')}</th>
              <th scope="col">{t('options.check.recall')}</th>
              <th scope="col">F1</th>
              <th scope="col">{t('options.check.support')}</th>
            </tr>
          </thead>
          <tbody>
            {labels.map((l) => {
              const m = r.perClass[l]!;
              return (
                <tr key={l} data-type={l}>
                  <th scope="row">{name(l)}</th>
                  <td>{f3(m.precision)}</td>
                  <td>{f3(m.recall)}</td>
                  <td>{f3(m.f1)}</td>
                  <td>{m.support}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h3 id="confusion-h">{t('options.check.confusion')}</h3>
      <p class="muted hint">{t('options.check.confusionHint')}</p>
      <div class="scroll">
        <table class="confusion" data-testid="check-confusion" aria-labelledby="confusion-h">
          <thead>
            <tr>
              <th scope="col">
                <span class="sr-only">{t('options.check.labelVsPredicted')}</span>
              </th>
              {labels.map((p) => (
                <th key={p} scope="col" class="confusion__col">
                  {name(p)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((l) => (
              <tr key={l}>
                <th scope="row">{name(l)}</th>
                {labels.map((p) => {
                  const n = r.confusion[l]![p]!;
                  return (
                    <td key={p} class={n ? (l === p ? 'hit' : 'miss') : 'zero'} data-label={l} data-predicted={p}>
                      {n}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>{t('options.check.missesHeading', { n: result.misses.length })}</h3>
      {result.misses.length ? (
        <ol class="misses" data-testid="check-misses">
          {result.misses.slice(0, 200).map(({ example, result: res }) => {
            const text = example.messages
              .filter((m) => m.author === 'client')
              .map((m) => m.text)
              .join(' / ');
            return (
              <li key={example.id} class="miss" data-testid="check-miss" data-id={example.id}>
                <p class="miss__head">
                  <code>{example.id}</code>{' '}
                  {t('options.check.missLine', { label: name(example.label!), predicted: name(res.type), p: percent(res.confidence) })}
                </p>
                <p class="miss__text" lang={example.lang}>
                  {text.length > 300 ? `${text.slice(0, 300)}…` : text}
                </p>
                {res.type !== 'unknown' && <EvidenceFor result={res} type={res.type} pack={pack} />}
                <EvidenceFor result={res} type={example.label!} pack={pack} />
              </li>
            );
          })}
        </ol>
      ) : (
        <p class="muted" data-testid="check-no-misses">
          {t('options.check.allRight')}
        </p>
      )}
    </div>
  );
}
