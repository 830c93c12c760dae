import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { LocText, Phrase, StrategyPack } from '../../core/pack/schema';
import { fillPhrase, phraseVariables, phraseVars } from '../../core/phrases';
import { CLIENT_TYPES, COMPANY_STRATEGIES, LANGS, SERVICE_LEVELS, type ClientTypeId, type Lang } from '../../core/taxonomy';
import { lang, t } from './i18n';
import { loc } from '../panel/pack-text';
import { linesValue, type Path } from './draft';
import type { Editor } from './editor';
import { FieldErrors, fieldId, Group, ItemTools, LocTextField, Select, TextField } from './fields';
import type { OptionsModel } from './model';
import { pathString } from './pack-guard';

/** The sample ticket the phrase preview fills in: the demo's ticket 1201. */
export const SAMPLE_VARS = phraseVars({
  clientName: 'Виктория Лебедева',
  email: 'v.lebedeva@example.com',
  organization: 'ООО «Ветер»',
  agentName: 'Анна',
  ticketId: '1201',
  subject: 'Заказ №78412 задерживается уже неделю',
});
const KNOWN_VARS = new Set(['client.firstName', 'client.name', 'client.email', 'client.organization', 'agent.firstName', 'agent.name', 'ticket.id', 'ticket.subject']);

const typeLabel = (editor: Editor, type: ClientTypeId) => loc((editor.get(['types', type, 'name']) as LocText | undefined) ?? editor.builtin.types?.[type]?.name, lang.value) || type;

/** Moves focus to the field that edits `path` (or its nearest parent on the page); the JSON tab when there is none. */
function focusPath(editor: Editor, path: string) {
  const m = /^types\.([a-z-]+)/.exec(path);
  if (m && (CLIENT_TYPES as readonly string[]).includes(m[1]!)) editor.selectedType.value = m[1] as ClientTypeId;
  editor.showTab('form');
  setTimeout(() => {
    for (let p = path; p; ) {
      const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(p)}"]`);
      if (el) {
        const target = el.matches('input, textarea, select, button') ? el : el.querySelector<HTMLElement>('input, textarea, select, button');
        (target ?? el).focus();
        return;
      }
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut > 0 ? p.slice(0, cut) : '';
    }
    editor.showTab('json');
  }, 0);
}

function IssuesPanel({ editor }: { editor: Editor }) {
  const issues = editor.issues.value;
  return (
    <aside class="card editor__issues" aria-labelledby="issues-h" data-testid="editor-issues" data-count={issues.length}>
      <h2 id="issues-h">{issues.length ? t('options.editor.problems', { n: issues.length }) : t('options.editor.noProblems')}</h2>
      <div aria-live="polite">
        {issues.length ? (
          <ul class="issues">
            {issues.slice(0, 50).map((i, n) => (
              <li key={n} data-testid="editor-issue">
                <button type="button" class="link" onClick={() => focusPath(editor, i.path)}>
                  <code>{i.path}</code>
                </button>
                : {i.message}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('options.editor.readyToSave')}</p>
        )}
      </div>
    </aside>
  );
}

function Metadata({ editor }: { editor: Editor }) {
  const idLocked = editor.mode.value !== 'new';
  const langs = (editor.get(['languages']) as Lang[] | undefined) ?? [];
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
                  editor.set(['languages'], LANGS.filter((x) => (x === l ? on : langs.includes(x))));
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
  const nameOf = (id: (typeof COMPANY_STRATEGIES)[number]) => loc((editor.get(['companyStrategies', id, 'name']) as LocText | undefined) ?? editor.builtin.companyStrategies?.[id]?.name, lang.value) || id;
  const base = editor.builtin.companyStrategy;
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

/** Where a list is not set in this pack, the layer below gives it: show that, and offer to override it here. */
function Inherited({ editor, path, inherited, what }: { editor: Editor; path: Path; inherited: unknown[] | undefined; what: string }) {
  // `what` is the list's name in the plural ("steps"), shown with the count.
  return (
    <div class="inherit" data-testid="inherited" data-path={pathString(path)}>
      <p class="muted">{inherited?.length ? t('options.editor.inheritedN', { what, n: inherited.length }) : t('options.editor.inheritedNone')}</p>
      <div class="row">
        {!!inherited?.length && (
          <button type="button" class="secondary" data-testid="override-copy" onClick={() => editor.set(path, structuredClone(inherited))}>
            {t('options.editor.overrideCopy')}
          </button>
        )}
        <button type="button" class="secondary" data-testid="override-empty" onClick={() => editor.set(path, [])}>
          {t('options.editor.overrideEmpty')}
        </button>
      </div>
    </div>
  );
}

function UseInherited({ editor, path }: { editor: Editor; path: Path }) {
  return (
    <button type="button" class="link" data-testid="use-inherited" onClick={() => editor.set(path, undefined)}>
      {t('options.editor.useInherited')}
    </button>
  );
}

function LocTextList({ editor, path, title, what, plural, add, inherited, testId }: { editor: Editor; path: Path; title: string; what: string; plural: string; add: string; inherited: LocText[] | undefined; testId: string }) {
  const list = editor.get(path) as unknown[] | undefined;
  return (
    <Group title={title} testId={testId}>
      {list === undefined ? (
        <Inherited editor={editor} path={path} inherited={inherited} what={plural} />
      ) : (
        <>
          <ol class="items">
            {list.map((_, i) => (
              <li key={i} class="item">
                <div class="item__head">
                  <span class="item__n">{i + 1}</span>
                  <ItemTools editor={editor} path={path} index={i} count={list.length} what={`${what} ${i + 1}`} />
                </div>
                <LocTextField editor={editor} path={[...path, i]} label={`${what} ${i + 1}`} multiline />
              </li>
            ))}
          </ol>
          <FieldErrors editor={editor} path={path} />
          <div class="row">
            <button type="button" class="secondary" data-testid={`${testId}-add`} onClick={() => editor.updateList(path, (l) => [...l, {}])}>
              {add}
            </button>
            <UseInherited editor={editor} path={path} />
          </div>
        </>
      )}
    </Group>
  );
}

function newPhraseId(editor: Editor, type: ClientTypeId, l: Lang): string {
  const taken = new Set<string>();
  const types = (editor.get(['types']) ?? {}) as Record<string, { phrases?: { id?: string }[] }>;
  for (const s of Object.values(types)) for (const p of s?.phrases ?? []) if (p?.id) taken.add(p.id);
  const base = `${String(editor.get(['id']) ?? 'pack').replace(/[^a-z0-9-]/g, '') || 'pack'}-${type}-${l}`.slice(0, 58);
  let n = 1;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

function PhrasePreview({ text }: { text: string }) {
  const vars = phraseVariables(text);
  const unknown = vars.filter((v) => !KNOWN_VARS.has(v));
  return (
    <div class="preview">
      <p class="preview__text">
        <span class="muted">{t('options.editor.preview')} </span>
        <span data-testid="phrase-preview">{fillPhrase(text, SAMPLE_VARS)}</span>
      </p>
      {!!vars.length && (
        <p class="muted preview__vars">
          {t('options.editor.variables')} {vars.map((v) => `{{${v}}}`).join(', ')}
        </p>
      )}
      {!!unknown.length && (
        <p class="warn" data-testid="phrase-unknown-vars">
          {t('options.editor.unknownVars', { vars: unknown.join(', ') })}
        </p>
      )}
    </div>
  );
}

function Phrases({ editor, type }: { editor: Editor; type: ClientTypeId }) {
  const path: Path = ['types', type, 'phrases'];
  const list = editor.get(path) as Partial<Phrase>[] | undefined;
  const what = t('options.editor.phrase');
  return (
    <Group title={t('options.editor.phrases')} hint={t('options.editor.phrasesHint')} testId="editor-phrases">
      {list === undefined ? (
        <Inherited editor={editor} path={path} inherited={editor.builtin.types?.[type]?.phrases} what={t('options.editor.phrasesWhat')} />
      ) : (
        <>
          <ol class="items">
            {list.map((ph, i) => (
              <li key={i} class="item" data-testid="phrase-item">
                <div class="item__head">
                  <span class="item__n">{i + 1}</span>
                  <ItemTools editor={editor} path={path} index={i} count={list.length} what={`${what} ${i + 1}`} />
                </div>
                <div class="grid2">
                  <TextField editor={editor} path={[...path, i, 'id']} label={t('options.editor.phraseId')} />
                  <Select editor={editor} path={[...path, i, 'lang']} label={t('options.editor.lang')} options={LANGS.map((l) => ({ value: l, label: l.toUpperCase() }))} />
                </div>
                <TextField editor={editor} path={[...path, i, 'text']} label={t('options.editor.phraseText')} multiline lang={ph?.lang} />
                <PhrasePreview text={typeof ph?.text === 'string' ? ph.text : ''} />
              </li>
            ))}
          </ol>
          <FieldErrors editor={editor} path={path} />
          <div class="row">
            {LANGS.map((l) => (
              <button key={l} type="button" class="secondary" data-testid={`phrase-add-${l}`} onClick={() => editor.updateList(path, (ps) => [...ps, { id: newPhraseId(editor, type, l), lang: l, text: '' }])}>
                {t('options.editor.addPhrase', { lang: l.toUpperCase() })}
              </button>
            ))}
            <UseInherited editor={editor} path={path} />
          </div>
          <p class="muted hint">{t('options.editor.sample')}</p>
        </>
      )}
    </Group>
  );
}

function Cues({ editor, type }: { editor: Editor; type: ClientTypeId }) {
  const path: Path = ['types', type, 'cues'];
  const list = editor.get(path) as { text?: string; lang?: string; weight?: number }[] | undefined;
  const filter = useSignal('');
  const what = t('options.editor.cue');
  const q = filter.value.trim().toLowerCase();
  const shown = (list ?? []).map((c, i) => ({ c, i })).filter(({ c }) => !q || String(c?.text ?? '').toLowerCase().includes(q));
  return (
    <Group title={t('options.editor.cues')} hint={t('options.editor.cuesHint')} testId="editor-cues">
      {list === undefined ? (
        <Inherited editor={editor} path={path} inherited={editor.builtin.types?.[type]?.cues} what={t('options.editor.cuesWhat')} />
      ) : (
        <>
          {list.length > 15 && (
            <div class="field cue-filter">
              <label for={`cue-filter-${type}`}>{t('options.editor.cueFilter', { n: list.length })}</label>
              <input id={`cue-filter-${type}`} type="search" value={filter.value} onInput={(e) => (filter.value = (e.currentTarget as HTMLInputElement).value)} />
            </div>
          )}
          <table class="cues" data-testid="cue-table">
            <thead>
              <tr>
                <th scope="col">{t('options.editor.cueText')}</th>
                <th scope="col">{t('options.editor.lang')}</th>
                <th scope="col">{t('options.editor.cueWeight')}</th>
                <th scope="col">
                  <span class="sr-only">{t('options.editor.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map(({ c, i }) => (
                <tr key={i} data-testid="cue-row">
                  <td>
                    <TextField editor={editor} path={[...path, i, 'text']} label={t('options.editor.cueText')} ariaLabel={`${what} ${i + 1}: ${t('options.editor.cueText')}`} hideLabel lang={c?.lang} />
                  </td>
                  <td>
                    <select
                      id={fieldId([...path, i, 'lang'])}
                      data-path={pathString([...path, i, 'lang'])}
                      aria-label={`${what} ${i + 1}: ${t('options.editor.lang')}`}
                      value={c?.lang ?? ''}
                      onChange={(e) => editor.set([...path, i, 'lang'], (e.currentTarget as HTMLSelectElement).value)}
                    >
                      {LANGS.map((l) => (
                        <option key={l} value={l}>
                          {l.toUpperCase()}
                        </option>
                      ))}
                    </select>
                    <FieldErrors editor={editor} path={[...path, i, 'lang']} />
                  </td>
                  <td class="cues__weight">
                    <TextField editor={editor} path={[...path, i, 'weight']} label={t('options.editor.cueWeight')} ariaLabel={`${what} ${i + 1}: ${t('options.editor.cueWeight')}`} hideLabel number step={0.5} />
                  </td>
                  <td>
                    <button type="button" class="icon danger" data-testid="item-remove" aria-label={t('options.editor.itemRemove', { what: `${what} ${i + 1}` })} title={t('options.editor.itemRemove', { what: `${what} ${i + 1}` })} onClick={() => editor.updateList(path, (l) => l.filter((_, j) => j !== i))}>
                      ✕
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <FieldErrors editor={editor} path={path} />
          <div class="row">
            <button type="button" class="secondary" data-testid="cue-add" onClick={() => editor.updateList(path, (l) => [...l, { text: '', lang: lang.value, weight: 1 }])}>
              {t('options.editor.addCue')}
            </button>
            <UseInherited editor={editor} path={path} />
          </div>
        </>
      )}
    </Group>
  );
}

function Types({ editor }: { editor: Editor }) {
  const type = editor.selectedType.value;
  const base = editor.builtin.types?.[type];
  const issues = editor.issues.value;
  return (
    <section class="card" aria-labelledby="types-h">
      <h2 id="types-h">{t('options.editor.types')}</h2>
      <div class="typetabs" role="group" aria-label={t('options.editor.types')}>
        {CLIENT_TYPES.map((ty) => {
          const n = issues.filter((i) => i.path.startsWith(`types.${ty}.`) || i.path === `types.${ty}`).length;
          const set = editor.get(['types', ty]) !== undefined;
          return (
            <button key={ty} type="button" class={ty === type ? 'typetab typetab--on' : 'typetab'} aria-pressed={ty === type} data-testid={`type-tab-${ty}`} onClick={() => (editor.selectedType.value = ty)}>
              {typeLabel(editor, ty)}
              {set && <span class="dot" title={t('options.editor.typeSet')} aria-label={t('options.editor.typeSet')} />}
              {!!n && <span class="count">{n}</span>}
            </button>
          );
        })}
      </div>
      <div data-testid="type-editor" data-type={type}>
        <LocTextList editor={editor} path={['types', type, 'strategy']} title={t('options.editor.strategy')} what={t('options.editor.step')} plural={t('options.editor.stepsWhat')} add={t('options.editor.addStep')} inherited={base?.strategy} testId="editor-strategy" />
        <LocTextList editor={editor} path={['types', type, 'boundaries']} title={t('options.editor.boundaries')} what={t('options.editor.boundary')} plural={t('options.editor.boundariesWhat')} add={t('options.editor.addBoundary')} inherited={base?.boundaries} testId="editor-boundaries" />
        <Phrases editor={editor} type={type} />
        <Cues editor={editor} type={type} />
      </div>
    </section>
  );
}

/** One entry per line; the text stays as typed while the field has focus. */
function LinesField({ editor, path, label, placeholder }: { editor: Editor; path: Path; label: string; placeholder?: string }) {
  const local = useSignal<string | null>(null);
  const value = editor.get(path);
  const joined = Array.isArray(value) ? value.join('\n') : '';
  const id = fieldId(path);
  const p = pathString(path);
  const errs = editor.issues.value.filter((i) => i.path === p || i.path.startsWith(`${p}[`));
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        rows={2}
        data-path={p}
        placeholder={placeholder}
        value={local.value ?? joined}
        aria-invalid={errs.length ? 'true' : undefined}
        onInput={(e) => {
          const v = (e.currentTarget as HTMLTextAreaElement).value;
          local.value = v;
          editor.set(path, linesValue(v));
        }}
        onBlur={() => (local.value = null)}
      />
      {!!errs.length && (
        <ul class="field__errors" data-testid="field-error">
          {errs.slice(0, 5).map((i, n) => (
            <li key={n}>
              <code>{i.path}</code>: {i.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Segments({ editor }: { editor: Editor }) {
  const path: Path = ['segments'];
  const list = (editor.get(path) as unknown[] | undefined) ?? [];
  const what = t('options.editor.segment');
  const levelName = (id: (typeof SERVICE_LEVELS)[number]) => loc(editor.builtin.serviceLevels?.[id]?.name, lang.value) || id;
  return (
    <section class="card" aria-labelledby="segments-h" data-testid="editor-segments">
      <h2 id="segments-h">{t('options.editor.segments')}</h2>
      <p class="muted hint">{t('options.editor.segmentsHint')}</p>
      <ol class="items">
        {list.map((_, i) => (
          <li key={i} class="item" data-testid="segment-item">
            <div class="item__head">
              <span class="item__n">{i + 1}</span>
              <ItemTools editor={editor} path={path} index={i} count={list.length} what={`${what} ${i + 1}`} />
            </div>
            <div class="grid3">
              <TextField editor={editor} path={[...path, i, 'id']} label={t('options.editor.id')} />
              <Select editor={editor} path={[...path, i, 'priority']} label={t('options.editor.priority')} options={[1, 2, 3, 4].map((n) => ({ value: n, label: t('options.editor.priorityN', { n }) }))} />
              <Select editor={editor} path={[...path, i, 'serviceLevel']} label={t('options.editor.serviceLevel')} empty={t('options.editor.notSet')} options={SERVICE_LEVELS.map((id) => ({ value: id, label: levelName(id) }))} />
            </div>
            <LocTextField editor={editor} path={[...path, i, 'name']} label={t('options.editor.name')} />
            <div class="grid2">
              <TextField editor={editor} path={[...path, i, 'topRevenuePercent']} label={t('options.editor.topRevenue')} number step={1} />
              <TextField editor={editor} path={[...path, i, 'firstReplyMinutes']} label={t('options.editor.firstReply')} number step={1} />
            </div>
            <div class="grid2">
              <LinesField editor={editor} path={[...path, i, 'emails']} label={t('options.editor.emails')} placeholder="ceo@example.com" />
              <LinesField editor={editor} path={[...path, i, 'phones']} label={t('options.editor.phones')} placeholder="+79035550142" />
              <LinesField editor={editor} path={[...path, i, 'domains']} label={t('options.editor.domains')} placeholder="example.com" />
              <LinesField editor={editor} path={[...path, i, 'tags']} label={t('options.editor.tags')} placeholder="vip" />
            </div>
          </li>
        ))}
      </ol>
      <FieldErrors editor={editor} path={path} />
      <button
        type="button"
        class="secondary"
        data-testid="segment-add"
        onClick={() => editor.updateList(path, (l) => [...l, { id: `segment-${l.length + 1}`, name: { en: `Segment ${l.length + 1}`, ru: `Сегмент ${l.length + 1}` }, priority: 1 }], true)}
      >
        {t('options.editor.addSegment')}
      </button>
    </section>
  );
}

function JsonTab({ editor }: { editor: Editor }) {
  const text = editor.rawText.value ?? JSON.stringify(editor.draft.value, null, 2);
  return (
    <section class="card" aria-labelledby="json-h">
      <h2 id="json-h">{t('options.editor.json')}</h2>
      <p class="muted hint">{t('options.editor.jsonHint')}</p>
      <textarea
        class="json"
        data-testid="editor-json"
        aria-label={t('options.editor.json')}
        spellcheck={false}
        value={text}
        aria-invalid={editor.rawError.value ? 'true' : undefined}
        onInput={(e) => editor.setRaw((e.currentTarget as HTMLTextAreaElement).value)}
      />
      {editor.rawError.value && (
        <p class="error" role="alert" data-testid="json-error">
          {t('options.editor.jsonError', { error: editor.rawError.value })}
        </p>
      )}
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
            <button type="button" class={editor.tab.value === 'form' ? 'tab tab--on' : 'tab'} aria-pressed={editor.tab.value === 'form'} data-testid="tab-form" onClick={() => editor.showTab('form')}>
              {t('options.editor.form')}
            </button>
            <button type="button" class={editor.tab.value === 'json' ? 'tab tab--on' : 'tab'} aria-pressed={editor.tab.value === 'json'} data-testid="tab-json" onClick={() => editor.showTab('json')}>
              JSON
            </button>
          </div>
          <button type="button" class="secondary" data-testid="editor-check" disabled={!pack} onClick={() => pack && model.openCheck({ pack: pack as StrategyPack, name: pack.name })}>
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
