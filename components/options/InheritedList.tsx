import type { ComponentChildren } from 'preact';
import type { LocText } from '../../core/pack/schema';
import { kindOf } from '../../core/schema/issue-text';
import { lang, t } from './i18n';
import { loc } from '../panel/pack-text';
import type { Path } from './draft';
import type { Editor } from './editor';
import { leftOut, originOf, withItem, type Inheritance, type ListAt } from './inheritance';
import { kindName } from './issue-text';
import { pathString } from './pack-guard';

const fromName = (i: Inheritance) => loc(i.from, lang.value) || '…';
const MAX_PREVIEW = 20;

/** An inherited item as one line of text in the UI language: a text in both languages, or a phrase. */
function itemText(item: unknown): string {
  const v = item as { text?: unknown; lang?: unknown } & LocText;
  if (typeof v?.text === 'string') return `${typeof v.lang === 'string' ? `${v.lang.toUpperCase()} · ` : ''}${v.text}`;
  return loc(v, lang.value);
}

/**
 * A list this pack does not set: what the agent sees instead (the packs below, named, read-only) and how to
 * start one here. `children` are the list's "Add …" buttons, which start from a copy of the inherited items.
 * Lists that replace the inherited one say so; cues add up, so theirs says that instead.
 */
export function NotSetHere({
  editor,
  path,
  inheritance,
  what,
  addsUp,
  children,
}: {
  editor: Editor;
  path: Path;
  inheritance: Inheritance;
  what: string;
  addsUp?: boolean;
  children: ComponentChildren;
}) {
  const items = inheritance.items;
  const n = items.length;
  const note = !n
    ? t('options.editor.inheritedNone')
    : addsUp
      ? t('options.editor.cuesInherited', { n })
      : t('options.editor.inheritedN', { n, what, from: fromName(inheritance) });
  return (
    <div class="inherit" data-testid="inherited" data-path={pathString(path)}>
      <p class="muted">{note}</p>
      {!addsUp && n > 0 && (
        <ol class="inherit__items" data-testid="inherited-items">
          {items.slice(0, MAX_PREVIEW).map((item, i) => (
            <li key={i}>{itemText(item)}</li>
          ))}
          {n > MAX_PREVIEW && <li class="muted">{t('options.more', { n: n - MAX_PREVIEW })}</li>}
        </ol>
      )}
      <div class="row">
        {children}
        {!addsUp && n > 0 && (
          <>
            <button type="button" class="secondary" data-testid="override-copy" onClick={() => editor.set(path, withItem({ kind: 'unset' }, items))}>
              {t('options.editor.overrideCopy')}
            </button>
            <button type="button" class="secondary" data-testid="override-empty" onClick={() => editor.set(path, [])}>
              {t('options.editor.overrideEmpty')}
            </button>
          </>
        )}
      </div>
    </div>
  );
}

/** Over a list set here: it replaces the inherited one as a whole; how many inherited items it leaves out, and a way to put them back. */
export function ReplacesNote({
  editor,
  path,
  list,
  inheritance,
  what,
}: {
  editor: Editor;
  path: Path;
  list: unknown[];
  inheritance: Inheritance;
  what: string;
}) {
  const n = inheritance.items.length;
  if (!n) return null;
  const missing = leftOut(list, inheritance.items);
  return (
    <div class="replaces" data-testid="replaces-note">
      <p class="muted">
        {t('options.editor.replacesN', { n, what, from: fromName(inheritance) })}{' '}
        {!!missing.length && <strong data-testid="left-out">{t('options.editor.leftOut', { n: missing.length })}</strong>}
      </p>
      {!!missing.length && (
        <button type="button" class="secondary" data-testid="put-back" onClick={() => editor.set(path, [...list, ...structuredClone(missing)])}>
          {t('options.editor.putBack')}
        </button>
      )}
    </div>
  );
}

/** Marks an item of a list set here: kept from the packs below, changed from theirs, or added here. */
export function OriginBadge({ item, inheritance }: { item: unknown; inheritance: Inheritance }) {
  if (!inheritance.items.length) return null;
  const origin = originOf(item, inheritance.items);
  return (
    <span class={`badge badge--${origin}`} data-testid="item-origin" data-origin={origin}>
      {t(`options.editor.origin.${origin}`, { from: fromName(inheritance) })}
    </span>
  );
}

/** Where a list belongs, the draft (a file opened to fix) holds something else: say what, and offer the JSON tab or clearing it. */
export function NotAList({ editor, path, at }: { editor: Editor; path: Path; at: Extract<ListAt, { kind: 'other' }> }) {
  return (
    <div class="inherit" data-testid="not-a-list" data-path={pathString(path)}>
      <p class="warn">{t('options.editor.notAList', { found: kindName(kindOf(at.value)) })}</p>
      <div class="row">
        <button type="button" class="secondary" onClick={() => editor.showTab('json')}>
          {t('options.editor.openJson')}
        </button>
        <button type="button" class="secondary" onClick={() => editor.set(path, undefined)}>
          {t('options.editor.clear')}
        </button>
      </div>
    </div>
  );
}

export function UseInherited({ editor, path }: { editor: Editor; path: Path }) {
  return (
    <button type="button" class="link" data-testid="use-inherited" onClick={() => editor.set(path, undefined)}>
      {t('options.editor.useInherited')}
    </button>
  );
}
