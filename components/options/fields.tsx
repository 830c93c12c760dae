import type { ComponentChildren } from 'preact';
import { t } from './i18n';
import { numberValue, textValue, type Path } from './draft';
import type { Editor } from './editor';
import { issueText } from './issue-text';
import { pathString } from './pack-guard';

/** The DOM id of the field that edits `path` (the error list focuses it). */
export const fieldId = (path: Path) => `f-${pathString(path).replace(/[^a-zA-Z0-9_-]/g, '_')}`;

export function issuesAt(editor: Editor, path: Path) {
  const p = pathString(path);
  return editor.issues.value.filter((i) => i.path === p);
}

/** The schema's messages for exactly this path, under its field. */
export function FieldErrors({ editor, path }: { editor: Editor; path: Path }) {
  const list = issuesAt(editor, path);
  if (!list.length) return null;
  return (
    <ul class="field__errors" id={`${fieldId(path)}-err`} data-testid="field-error" data-error-path={pathString(path)}>
      {list.map((i, n) => (
        <li key={n}>{issueText(i.issue)}</li>
      ))}
    </ul>
  );
}

interface TextFieldProps {
  editor: Editor;
  path: Path;
  label: string;
  /** Shown to screen readers instead of `label` (e.g. "Step 2, English"). */
  ariaLabel?: string;
  multiline?: boolean;
  number?: boolean;
  step?: number;
  readOnly?: boolean;
  placeholder?: string;
  hideLabel?: boolean;
  lang?: string;
  class?: string;
  /** Keep the value exactly as typed (an empty field becomes "" rather than "not set"). */
  keepEmpty?: boolean;
}

/** One text or number input bound to a path of the draft, with its errors. */
export function TextField(p: TextFieldProps) {
  const value = p.editor.get(p.path);
  const text = value === undefined || value === null ? '' : String(value);
  const id = fieldId(p.path);
  const errors = issuesAt(p.editor, p.path);
  const onInput = (e: Event) => {
    const v = (e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;
    p.editor.set(p.path, p.number ? numberValue(v) : p.keepEmpty ? v : textValue(v));
  };
  const common = {
    id,
    value: text,
    readOnly: p.readOnly,
    placeholder: p.placeholder,
    lang: p.lang,
    'data-path': pathString(p.path),
    'aria-invalid': errors.length ? ('true' as const) : undefined,
    'aria-describedby': errors.length ? `${id}-err` : undefined,
    'aria-label': p.ariaLabel,
    onInput,
  };
  return (
    <div class={`field ${p.class ?? ''}`}>
      <label for={id} class={p.hideLabel ? 'sr-only' : undefined}>
        {p.label}
      </label>
      {p.multiline ? <textarea rows={2} {...common} /> : p.number ? <input type="number" step={p.step} {...common} /> : <input type="text" {...common} />}
      <FieldErrors editor={p.editor} path={p.path} />
    </div>
  );
}

/** A text in both languages (`{en, ru}`), side by side. */
export function LocTextField({
  editor,
  path,
  label,
  multiline,
  ariaPrefix,
}: {
  editor: Editor;
  path: Path;
  label: string;
  multiline?: boolean;
  ariaPrefix?: string;
}) {
  return (
    <fieldset class="loc" data-path={pathString(path)}>
      <legend>{label}</legend>
      <div class="loc__pair">
        <TextField
          editor={editor}
          path={[...path, 'en']}
          label="EN"
          ariaLabel={`${ariaPrefix ?? label} — ${t('options.editor.langEn')}`}
          multiline={multiline}
          lang="en"
        />
        <TextField
          editor={editor}
          path={[...path, 'ru']}
          label="RU"
          ariaLabel={`${ariaPrefix ?? label} — ${t('options.editor.langRu')}`}
          multiline={multiline}
          lang="ru"
        />
      </div>
      <FieldErrors editor={editor} path={path} />
    </fieldset>
  );
}

export function Select({
  editor,
  path,
  label,
  options,
  empty,
}: {
  editor: Editor;
  path: Path;
  label: string;
  options: { value: string | number; label: string }[];
  empty?: string;
}) {
  const id = fieldId(path);
  const value = editor.get(path);
  const numeric = typeof options[0]?.value === 'number';
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        data-path={pathString(path)}
        value={value === undefined ? '' : String(value)}
        onChange={(e) => {
          const v = (e.currentTarget as HTMLSelectElement).value;
          editor.set(path, v === '' ? undefined : numeric ? Number(v) : v);
        }}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.value} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrors editor={editor} path={path} />
    </div>
  );
}

/** Up, down and remove buttons for an item of a list in the draft. */
export function ItemTools({ editor, path, index, count, what }: { editor: Editor; path: Path; index: number; count: number; what: string }) {
  const move = (d: number) =>
    editor.updateList(path, (list) => {
      const j = index + d;
      [list[index], list[j]] = [list[j], list[index]];
      return list;
    });
  return (
    <span class="item-tools">
      <button
        type="button"
        class="icon"
        disabled={index === 0}
        aria-label={t('options.editor.itemUp', { what })}
        title={t('options.editor.itemUp', { what })}
        onClick={() => move(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        class="icon"
        disabled={index === count - 1}
        aria-label={t('options.editor.itemDown', { what })}
        title={t('options.editor.itemDown', { what })}
        onClick={() => move(1)}
      >
        ↓
      </button>
      <button
        type="button"
        class="icon danger"
        data-testid="item-remove"
        aria-label={t('options.editor.itemRemove', { what })}
        title={t('options.editor.itemRemove', { what })}
        onClick={() => editor.updateList(path, (list) => list.filter((_, i) => i !== index))}
      >
        ✕
      </button>
    </span>
  );
}

export function Group({ title, children, testId, hint }: { title: string; children: ComponentChildren; testId?: string; hint?: string }) {
  return (
    <section class="group" data-testid={testId}>
      <h3>{title}</h3>
      {hint && <p class="muted hint">{hint}</p>}
      {children}
    </section>
  );
}
