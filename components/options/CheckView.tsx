import { HiddenFileInput } from './HiddenFileInput';
import { useEffect, useRef } from 'preact/hooks';
import type { Evidence } from '../../core/classifier/classify';
import type { JsonlProblem } from '../../core/eval/labelled';
import type { PackCheck } from '../../core/pack/check';
import type { StrategyPack } from '../../core/pack/schema';
import type { TypeVerdict } from '../../core/taxonomy';
import { lang, t } from './i18n';
import { loc, percent, typeName } from '../panel/pack-text';
import type { Check } from './check';
import { issueLine, issueText } from './issue-text';
import type { OptionsModel } from './model';

const f3 = (x: number) => x.toFixed(3);

/** A skipped line of a labelled file: `line 3: label: must be one of …`, in the UI language (its first three problems). */
const skippedLine = (p: JsonlProblem) =>
  `${t('options.check.line', { n: p.line })}: ${p.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? issueLine(i) : issueText(i)))
    .join('; ')}${p.issues.length > 3 ? `; ${t('options.more', { n: p.issues.length - 3 })}` : ''}`;

function evidenceText(e: Evidence): string {
  if (e.kind === 'cue' || e.kind === 'word')
    return e.count > 1 ? t('ev.cueRepeated', { quote: e.quote.text, n: e.count }) : t('ev.cue', { quote: e.quote.text });
  if (e.kind === 'signal') return t(`signal.${e.signal}`, { raw: Math.round(e.raw * 10) / 10 });
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

function Results({ result, pack }: { result: PackCheck; pack: StrategyPack }) {
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

/** "Check this pack": metrics of the pack (over the built-in one) on labelled conversations. */
export function CheckView({ model, check }: { model: OptionsModel; check: Check }) {
  const headRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headRef.current?.focus(), []);
  const fileRef = useRef<HTMLInputElement>(null);
  const progress = check.progress.value;
  const name = loc(check.target.name, lang.value) || check.target.pack.id;
  const n = check.labelled.value.length;
  return (
    <div class="checkview" data-testid="check-view">
      <div class="editor__bar">
        <button
          type="button"
          class="secondary"
          data-testid="check-back"
          onClick={() => {
            check.cancel();
            model.back();
          }}
        >
          ← {t('options.editor.back')}
        </button>
        <h2 class="editor__title" tabIndex={-1} ref={headRef}>
          {t('options.check.title', { name })}
        </h2>
      </div>
      <section class="card" aria-labelledby="check-src-h">
        <h2 id="check-src-h">{t('options.check.source')}</h2>
        <p class="muted hint">{check.target.builtin ? t('options.check.howBuiltin') : t('options.check.how')}</p>
        <fieldset class="field">
          <legend class="sr-only">{t('options.check.source')}</legend>
          <label class="check">
            <input
              type="radio"
              name="check-src"
              data-testid="check-src-examples"
              checked={check.source.value === 'examples'}
              disabled={!check.ownCount}
              onChange={() => (check.source.value = 'examples')}
            />
            {check.ownCount ? t('options.check.srcExamples', { n: check.ownCount }) : t('options.check.srcNoExamples')}
          </label>
          <label class="check">
            <input
              type="radio"
              name="check-src"
              data-testid="check-src-jsonl"
              checked={check.source.value === 'jsonl'}
              onChange={() => (check.source.value = 'jsonl')}
            />
            {t('options.check.srcJsonl')}
          </label>
        </fieldset>
        {check.source.value === 'jsonl' && (
          <div class="field">
            <label for="check-jsonl">{t('options.check.jsonlLabel')}</label>
            <textarea
              id="check-jsonl"
              rows={6}
              class="json"
              data-testid="check-jsonl"
              spellcheck={false}
              placeholder={'{"id":"c1","lang":"ru","label":"extortionist","messages":[{"author":"client","text":"…"}]}'}
              value={check.jsonl.value}
              onInput={(e) => check.setJsonl((e.currentTarget as HTMLTextAreaElement).value)}
            />
            <div class="row">
              <button type="button" class="secondary" data-testid="check-jsonl-choose" onClick={() => fileRef.current?.click()}>
                {t('options.check.jsonlChoose')}
              </button>
              {check.jsonlName.value && <span class="muted">{check.jsonlName.value}</span>}
              <HiddenFileInput
                inputRef={fileRef}
                accept=".jsonl,.ndjson,.txt,application/jsonl"
                testId="check-jsonl-file"
                onFiles={(files) => {
                  const file = files?.[0];
                  if (file) void file.text().then((text) => check.setJsonl(text, file.name));
                }}
              />
            </div>
            {!!check.jsonlErrors.value.length && (
              <div class="notice notice--error" role="alert" data-testid="check-jsonl-errors">
                <p class="notice__text">{t('options.check.jsonlErrors', { n: check.jsonlErrors.value.length })}</p>
                <pre class="detail">{check.jsonlErrors.value.slice(0, 20).map(skippedLine).join('\n')}</pre>
              </div>
            )}
          </div>
        )}
        <div class="row">
          <button type="button" data-testid="check-run" disabled={!n || !!progress} onClick={() => void check.run()}>
            {t('options.check.run', { n })}
          </button>
          {!n && <span class="muted">{t('options.check.nothing')}</span>}
        </div>
        {progress && (
          <div class="busy" role="status" data-testid="check-progress">
            <progress value={progress.done} max={progress.total} aria-label={t('options.check.progress', { done: progress.done, total: progress.total })} />
            <span>{t('options.check.progress', { done: progress.done, total: progress.total })}</span>
            <button type="button" class="secondary" onClick={check.cancel}>
              {t('options.action.cancel')}
            </button>
          </div>
        )}
        {check.error.value && (
          <p class="notice notice--error" role="alert" data-testid="check-error">
            {t('options.check.failed', { error: check.error.value })}
          </p>
        )}
      </section>
      {check.result.value && (
        <section class="card" aria-labelledby="check-res-h">
          <h2 id="check-res-h">{t('options.check.results')}</h2>
          <Results result={check.result.value} pack={check.effective} />
        </section>
      )}
    </div>
  );
}
