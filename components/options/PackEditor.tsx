import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { LocText, StrategyPack } from '../../core/pack/schema';
import { CLIENT_TYPES, COMPANY_STRATEGIES, LANGS, type ClientTypeId } from '../../core/taxonomy';
import { lang, t } from './i18n';
import { loc } from '../panel/pack-text';
import { Cues } from './CueTable';
import type { Editor } from './editor';
import { FieldErrors, Group, LocTextField, Select, TextField } from './fields';
import { IssuesPanel } from './IssuesPanel';
import { JsonTab } from './JsonTab';
import { LocTextList } from './LocTextList';
import type { OptionsModel } from './model';
import { Phrases } from './PhraseList';
import { Segments } from './SegmentList';

const typeLabel = (editor: Editor, type: ClientTypeId) =>
  loc((editor.get(['types', type, 'name']) as LocText | undefined) ?? editor.builtin.types?.[type]?.name, lang.value) || type;

function Metadata({ editor }: { editor: Editor }) {
  const idLocked = editor.mode.value !== 'new';
  const value = editor.get(['languages']);
  const langs: unknown[] = Array.isArray(value) ? value : [];
  return (
    <Group title={t('options.editor.metadata')} testId="editor-meta">
      <div class="grid2">
        <TextField editor={editor} path={['id']} label={t('options.editor.id')} readOnly={idLocked} />
        <TextField editor={editor} path={['version']} label={t('options.editor.version')} placeholder="1.0.0" />
      </div>
      {idLocked && <p class="muted hint">{t('options.editor.idLocked')}</p>}
      <LocTextField editor={editor} path={['name']} label={t('options.editor.name')} />
      <TextField editor={editor} path={['author']} label={t('options.editor.author')} />
      <LocTextField editor={editor} path={['description']} label={t('options.editor.description')} multiline />
      <fieldset class="field" data-path="languages">
        <legend>{t('options.editor.languages')}</legend>
        <div class="row">
          {LANGS.map((l) => (
            <label key={l} class="check">
              <input
                type="checkbox"
                checked={langs.includes(l)}
                onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  editor.set(
                    ['languages'],
                    LANGS.filter((x) => (x === l ? on : langs.includes(x))),
                  );
                }}
              />
              {l.toUpperCase()}
            </label>
          ))}
        </div>
        <FieldErrors editor={editor} path={['languages']} />
      </fieldset>
    </Group>
  );
}

function CompanyStrategy({ editor }: { editor: Editor }) {
  const nameOf = (id: (typeof COMPANY_STRATEGIES)[number]) =>
    loc((editor.get(['companyStrategies', id, 'name']) as LocText | undefined) ?? editor.builtin.companyStrategies?.[id]?.name, lang.value) || id;
  const base = editor.below.pack.companyStrategy;
  return (
    <Group title={t('options.editor.companyStrategy')} hint={t('options.editor.companyStrategyHint')} testId="editor-company">
      <Select
        editor={editor}
        path={['companyStrategy']}
        label={t('options.editor.companyStrategyLabel')}
        empty={base ? t('options.editor.inheritOption', { name: nameOf(base) }) : t('options.editor.notSet')}
        options={COMPANY_STRATEGIES.map((id) => ({ value: id, label: nameOf(id) }))}
      />
    </Group>
  );
}

function Types({ editor }: { editor: Editor }) {
  const type = editor.selectedType.value;
  const issues = editor.issues.value;
  return (
    <section class="card" aria-labelledby="types-h">
      <h2 id="types-h">{t('options.editor.types')}</h2>
      <div class="typetabs" role="group" aria-label={t('options.editor.types')}>
        {CLIENT_TYPES.map((ty) => {
          const n = issues.filter((i) => i.path.startsWith(`types.${ty}.`) || i.path === `types.${ty}`).length;
          const set = editor.get(['types', ty]) !== undefined;
          return (
            <button
              key={ty}
              type="button"
              class={ty === type ? 'typetab typetab--on' : 'typetab'}
              aria-pressed={ty === type}
              data-testid={`type-tab-${ty}`}
              onClick={() => (editor.selectedType.value = ty)}
            >
              {typeLabel(editor, ty)}
              {set && <span class="dot" title={t('options.editor.typeSet')} aria-label={t('options.editor.typeSet')} />}
              {!!n && <span class="count">{n}</span>}
            </button>
          );
        })}
      </div>
      <div data-testid="type-editor" data-type={type}>
        <LocTextList
          editor={editor}
          path={['types', type, 'strategy']}
          title={t('options.editor.strategy')}
          what={t('options.editor.step')}
          plural={t('options.editor.stepsWhat')}
          add={t('options.editor.addStep')}
          testId="editor-strategy"
        />
        <LocTextList
          editor={editor}
          path={['types', type, 'boundaries']}
          title={t('options.editor.boundaries')}
          what={t('options.editor.boundary')}
          plural={t('options.editor.boundariesWhat')}
          add={t('options.editor.addBoundary')}
          testId="editor-boundaries"
        />
        <Phrases editor={editor} type={type} />
        <Cues editor={editor} type={type} />
      </div>
    </section>
  );
}

function SaveStatus({ editor, model }: { editor: Editor; model: OptionsModel }) {
  const s = editor.saveState.value;
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (s.kind === 'confirm-replace') ref.current?.focus();
  }, [s.kind]);
  if (s.kind === 'saved') {
    return (
      <p class="notice notice--ok" role="status" data-testid="editor-saved">
        {t('options.editor.saved', { version: s.version })}
      </p>
    );
  }
  if (s.kind === 'error') {
    return (
      <p class="notice notice--error" role="alert" data-testid="editor-save-error">
        {t('options.editor.saveFailed', { error: s.message })}
      </p>
    );
  }
  if (s.kind === 'confirm-replace') {
    const name = loc(s.existing.pack.name, lang.value) || s.existing.id;
    return (
      <div class="confirm" role="alertdialog" aria-labelledby="save-replace-h" data-testid="editor-replace-confirm">
        <p id="save-replace-h">{t('options.editor.replaceQuestion', { id: s.existing.id, name, version: s.existing.pack.version })}</p>
        <div class="row">
          <button type="button" ref={ref} data-testid="editor-replace-yes" onClick={() => void editor.confirmReplace()}>
            {t('options.editor.replaceYes')}
          </button>
          <button type="button" class="secondary" onClick={editor.cancelReplace}>
            {t('options.action.cancel')}
          </button>
        </div>
      </div>
    );
  }
  void model;
  return null;
}

function titleOf(editor: Editor, pack: unknown) {
  const mode = editor.mode.value;
  if (mode === 'personal') return t('options.editor.titlePersonal');
  const name = loc((pack as { name?: LocText }).name, lang.value);
  return mode === 'new' ? t('options.editor.titleNew', { name: name || '…' }) : t('options.editor.titleEdit', { name: name || '…' });
}

/** The pack editor: a structured form (strategy, boundaries, phrases, cues, segments…) and the raw JSON, validated as you type. */
export function PackEditor({ model, editor }: { model: OptionsModel; editor: Editor }) {
  const leaving = useSignal(false);
  const headRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headRef.current?.focus(), []);
  const valid = editor.valid.value;
  const saving = editor.saveState.value.kind === 'saving';
  const pack = editor.pack.value;
  const back = () => (editor.dirty.value ? (leaving.value = true) : model.back());
  return (
    <div class="editor" data-testid="editor" data-mode={editor.mode.value}>
      <div class="editor__bar">
        <button type="button" class="secondary" data-testid="editor-back" onClick={back}>
          ← {t('options.editor.back')}
        </button>
        <h2 class="editor__title" tabIndex={-1} ref={headRef}>
          {titleOf(editor, editor.draft.value)}
        </h2>
        <div class="row">
          <div class="tabs" role="group" aria-label={t('options.editor.view')}>
            <button
              type="button"
              class={editor.tab.value === 'form' ? 'tab tab--on' : 'tab'}
              aria-pressed={editor.tab.value === 'form'}
              data-testid="tab-form"
              onClick={() => editor.showTab('form')}
            >
              {t('options.editor.form')}
            </button>
            <button
              type="button"
              class={editor.tab.value === 'json' ? 'tab tab--on' : 'tab'}
              aria-pressed={editor.tab.value === 'json'}
              data-testid="tab-json"
              onClick={() => editor.showTab('json')}
            >
              JSON
            </button>
          </div>
          <button
            type="button"
            class="secondary"
            data-testid="editor-check"
            disabled={!pack}
            onClick={() => pack && model.openCheck({ pack: pack as StrategyPack, name: pack.name })}
          >
            {t('options.list.check')}
          </button>
          <button type="button" data-testid="editor-save" disabled={!valid || saving} aria-describedby="issues-h" onClick={() => void editor.save()}>
            {saving ? t('options.editor.saving') : t('options.editor.save')}
          </button>
        </div>
      </div>
      {leaving.value && (
        <div class="confirm" role="alertdialog" aria-labelledby="leave-h" data-testid="editor-leave-confirm">
          <p id="leave-h">{t('options.editor.discardQuestion')}</p>
          <div class="row">
            <button type="button" class="danger-solid" data-testid="editor-discard" onClick={() => model.back()}>
              {t('options.editor.discard')}
            </button>
            <button type="button" class="secondary" onClick={() => (leaving.value = false)}>
              {t('options.editor.keepEditing')}
            </button>
          </div>
        </div>
      )}
      <SaveStatus editor={editor} model={model} />
      {editor.refused && (
        <p class="notice notice--info" role="status" data-testid="editor-refused">
          {t('options.editor.refused')}
        </p>
      )}
      {editor.mode.value === 'personal' && <p class="muted hint">{t('options.editor.personalHint')}</p>}
      <div class="editor__body">
        <div class="editor__form">
          {editor.tab.value === 'json' ? (
            <JsonTab editor={editor} />
          ) : (
            <>
              <section class="card" aria-labelledby="meta-h">
                <h2 id="meta-h">{t('options.editor.about')}</h2>
                <Metadata editor={editor} />
                <CompanyStrategy editor={editor} />
              </section>
              <Types editor={editor} />
              <Segments editor={editor} />
            </>
          )}
        </div>
        <IssuesPanel editor={editor} />
      </div>
    </div>
  );
}
