import { useSignal } from '@preact/signals';
import { SERVICE_LEVELS } from '../../core/taxonomy';
import { lang, t } from './i18n';
import { loc } from '../panel/pack-text';
import { linesValue, type Path } from './draft';
import type { Editor } from './editor';
import { FieldErrors, fieldId, ItemTools, LocTextField, Select, TextField } from './fields';
import { listAt } from './inheritance';
import { NotAList } from './InheritedList';
import { issuePath, issueText } from './issue-text';
import { pathString } from './pack-guard';

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
              <code>{issuePath(i.issue)}</code>: {issueText(i.issue)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The pack's client segments. */
export function Segments({ editor }: { editor: Editor }) {
  const path: Path = ['segments'];
  const at = listAt(editor.draft.value, path);
  const list = at.kind === 'list' ? at.items : [];
  const what = t('options.editor.segment');
  const levelName = (id: (typeof SERVICE_LEVELS)[number]) => loc(editor.builtin.serviceLevels?.[id]?.name, lang.value) || id;
  return (
    <section class="card" aria-labelledby="segments-h" data-testid="editor-segments">
      <h2 id="segments-h">{t('options.editor.segments')}</h2>
      <p class="muted hint">{t('options.editor.segmentsHint')}</p>
      {at.kind === 'other' && <NotAList editor={editor} path={path} at={at} />}
      <ol class="items">
        {list.map((_, i) => (
          <li key={i} class="item" data-testid="segment-item">
            <div class="item__head">
              <span class="item__n">{i + 1}</span>
              <ItemTools editor={editor} path={path} index={i} count={list.length} what={`${what} ${i + 1}`} />
            </div>
            <div class="grid3">
              <TextField editor={editor} path={[...path, i, 'id']} label={t('options.editor.id')} />
              <Select
                editor={editor}
                path={[...path, i, 'priority']}
                label={t('options.editor.priority')}
                options={[1, 2, 3, 4].map((n) => ({ value: n, label: t('options.editor.priorityN', { n }) }))}
              />
              <Select
                editor={editor}
                path={[...path, i, 'serviceLevel']}
                label={t('options.editor.serviceLevel')}
                empty={t('options.editor.notSet')}
                options={SERVICE_LEVELS.map((id) => ({ value: id, label: levelName(id) }))}
              />
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
        onClick={() =>
          editor.updateList(
            path,
            (l) => [...l, { id: `segment-${l.length + 1}`, name: { en: `Segment ${l.length + 1}`, ru: `Сегмент ${l.length + 1}` }, priority: 1 }],
            true,
          )
        }
      >
        {t('options.editor.addSegment')}
      </button>
    </section>
  );
}
