import { HiddenFileInput } from './HiddenFileInput';
import { useEffect, useRef } from 'preact/hooks';
import type { JsonlProblem } from '../../core/eval/labelled';
import { lang, t } from './i18n';
import { loc } from '../panel/pack-text';
import type { Check } from './check';
import { issueLine, issueText } from './issue-text';
import type { OptionsModel } from './model';
import { Results } from './CheckResults';

/** A skipped line of a labelled file: `line 3: label: must be one of …`, in the UI language (its first three problems). */
const skippedLine = (p: JsonlProblem) =>
  `${t('options.check.line', { n: p.line })}: ${p.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? issueLine(i) : issueText(i)))
    .join('; ')}${p.issues.length > 3 ? `; ${t('options.more', { n: p.issues.length - 3 })}` : ''}`;

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
