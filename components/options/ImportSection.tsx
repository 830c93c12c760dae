import { HiddenFileInput } from './HiddenFileInput';
import { useSignal } from '@preact/signals';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { lang, t } from './i18n';
import { loc } from '../panel/pack-text';
import type { Notice, OptionsModel } from './model';
import { IssueLines } from './IssueLines';
import { ChangeList } from './PackList';

/** Message variables with pack names (`{en, ru}`) put in the UI language. */
export const inLang = (vars: Notice['vars']) =>
  Object.fromEntries(Object.entries(vars ?? {}).map(([k, v]) => [k, typeof v === 'object' ? loc(v, lang.value) : v]));

/** What the page is doing right now, with a progress indicator and, where possible, Cancel. */
export function BusyLine({ model }: { model: OptionsModel }) {
  const busy = model.busy.value;
  if (!busy) return null;
  return (
    <div class="busy" role="status" data-testid="busy">
      <progress aria-label={t(busy.key, inLang(busy.vars))} />
      <span>{t(busy.key, inLang(busy.vars))}</span>
      {busy.cancel && (
        <button type="button" class="secondary" data-testid="busy-cancel" onClick={busy.cancel}>
          {t('options.action.cancel')}
        </button>
      )}
    </div>
  );
}

export function NoticeLine({ model }: { model: OptionsModel }) {
  const n = model.notice.value;
  if (!n) return null;
  const vars = inLang(n.vars);
  return (
    <div class={`notice notice--${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'} data-testid="notice" data-tone={n.tone} tabIndex={-1}>
      <div>
        <p class="notice__text">{t(n.key, vars)}</p>
        {n.detail && (
          <pre class="detail" data-testid="notice-detail">
            {n.detail}
          </pre>
        )}
        {n.issues && <IssueLines issues={n.issues} testId="notice-detail" />}
        {n.action && (
          <button type="button" class="notice__action" data-testid={n.action.testId} onClick={n.action.run}>
            {t(n.action.key)}
          </button>
        )}
      </div>
      <button
        type="button"
        class="icon"
        data-testid="notice-dismiss"
        aria-label={t('options.action.dismiss')}
        title={t('options.action.dismiss')}
        onClick={model.dismissNotice}
      >
        ×
      </button>
    </div>
  );
}

function ReplaceConfirm({ model }: { model: OptionsModel }) {
  const offer = model.replaceOffer.value;
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), [offer]);
  if (!offer) return null;
  return (
    <div class="confirm" role="alertdialog" aria-labelledby="replace-h" data-testid="replace-confirm">
      <p id="replace-h">
        <strong>
          {t('options.import.replaceQuestion', {
            name: loc(offer.existing.pack.name, lang.value) || offer.existing.id,
            from: offer.existing.pack.version,
            to: offer.pack.version,
          })}
        </strong>
      </p>
      <p class="muted">{t('options.import.replaceChanges', { n: offer.changes.length })}</p>
      <ChangeList changes={offer.changes} testId="replace-changes" />
      <div class="row">
        <button type="button" ref={ref} data-testid="replace-yes" onClick={() => void model.acceptReplace()}>
          {t('options.import.replaceYes', { version: offer.pack.version })}
        </button>
        <button type="button" class="secondary" data-testid="replace-no" onClick={model.cancelReplace}>
          {t('options.import.replaceNo', { version: offer.existing.pack.version })}
        </button>
      </div>
    </div>
  );
}

/** Adds a pack: a file (picker or drag and drop) or an https URL. */
export function ImportSection({ model }: { model: OptionsModel }) {
  const url = useSignal('');
  const dragging = useSignal(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const zoneRef = useRef<HTMLDivElement>(null);
  const busy = !!model.busy.value;
  const take = (files: FileList | File[] | null | undefined) => {
    if (!files?.length) return;
    void model.importFile(files[0]!);
  };
  // Plain listeners, tied to the component's life: drag events are the same in every browser and test DOM.
  useLayoutEffect(() => {
    const zone = zoneRef.current!;
    const ctl = new AbortController();
    const opts = { signal: ctl.signal };
    zone.addEventListener('dragenter', (e) => (e.preventDefault(), (dragging.value = true)), opts);
    zone.addEventListener(
      'dragover',
      (e) => {
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      },
      opts,
    );
    zone.addEventListener('dragleave', (e) => void (!zone.contains(e.relatedTarget as Node | null) && (dragging.value = false)), opts);
    zone.addEventListener(
      'drop',
      (e) => {
        e.preventDefault();
        dragging.value = false;
        take(e.dataTransfer?.files);
      },
      opts,
    );
    return () => ctl.abort();
  }, []);
  return (
    <section class="card import" aria-labelledby="import-h">
      <h2 id="import-h">{t('options.import.heading')}</h2>
      <div ref={zoneRef} class={dragging.value ? 'dropzone dropzone--over' : 'dropzone'} data-testid="dropzone">
        <p>{t('options.import.drop')}</p>
        <button type="button" data-testid="import-choose" disabled={busy} onClick={() => fileRef.current?.click()}>
          {t('options.import.choose')}
        </button>
        <HiddenFileInput inputRef={fileRef} accept=".json,application/json" testId="import-file" onFiles={take} />
      </div>
      <form
        class="import__url"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          // Synchronously, inside the click/Enter: the browser asks for the host permission only during a user gesture.
          void model.importUrl(url.value);
        }}
      >
        <label for="import-url">{t('options.import.urlLabel')}</label>
        <div class="row">
          <input
            id="import-url"
            type="url"
            inputMode="url"
            placeholder="https://…"
            data-testid="import-url"
            value={url.value}
            onInput={(e) => {
              url.value = (e.currentTarget as HTMLInputElement).value;
              model.primeAccess(url.value);
            }}
          />
          <button type="submit" data-testid="import-url-go" disabled={busy || !url.value.trim()}>
            {t('options.import.urlGo')}
          </button>
        </div>
        <p class="muted hint">{t('options.import.urlHint')}</p>
      </form>
      <BusyLine model={model} />
      <ReplaceConfirm model={model} />
    </section>
  );
}
