import { useSignal } from '@preact/signals';
import { LANGS, type ClientTypeId } from '../../core/taxonomy';
import { lang, t } from './i18n';
import type { Path } from './draft';
import type { Editor } from './editor';
import { FieldErrors, fieldId, Group, TextField } from './fields';
import { inheritedAt, listAt } from './inheritance';
import { NotAList, NotSetHere, UseInherited } from './InheritedList';
import { pathString } from './pack-guard';

/** A type's cues as a table (with a filter when there are many), or what the packs below give. */
export function Cues({ editor, type }: { editor: Editor; type: ClientTypeId }) {
  const path: Path = ['types', type, 'cues'];
  const at = listAt(editor.draft.value, path);
  const list = at.kind === 'list' ? (at.items as ({ text?: string; lang?: string; weight?: number } | null)[]) : undefined;
  const addButton = (
    <button
      type="button"
      class="secondary"
      data-testid="cue-add"
      onClick={() => editor.set(path, [...(list ?? []), { text: '', lang: lang.value, weight: 1 }])}
    >
      {t('options.editor.addCue')}
    </button>
  );
  const filter = useSignal('');
  const what = t('options.editor.cue');
  const q = filter.value.trim().toLowerCase();
  const shown = (list ?? [])
    .map((c, i) => ({ c, i }))
    .filter(
      ({ c }) =>
        !q ||
        String(c?.text ?? '')
          .toLowerCase()
          .includes(q),
    );
  return (
    <Group title={t('options.editor.cues')} hint={t('options.editor.cuesHint')} testId="editor-cues">
      {at.kind === 'other' ? (
        <NotAList editor={editor} path={path} at={at} />
      ) : !list ? (
        // Cues add up over the packs below (a list here does not hide theirs): a new list starts empty.
        <NotSetHere editor={editor} path={path} inheritance={inheritedAt(editor.below, path)} what={t('options.editor.cuesWhat')} addsUp>
          {addButton}
        </NotSetHere>
      ) : (
        <>
          {list.length > 15 && (
            <div class="field cue-filter">
              <label for={`cue-filter-${type}`}>{t('options.editor.cueFilter', { n: list.length })}</label>
              <input
                id={`cue-filter-${type}`}
                type="search"
                value={filter.value}
                onInput={(e) => (filter.value = (e.currentTarget as HTMLInputElement).value)}
              />
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
                    <TextField
                      editor={editor}
                      path={[...path, i, 'text']}
                      label={t('options.editor.cueText')}
                      ariaLabel={`${what} ${i + 1}: ${t('options.editor.cueText')}`}
                      hideLabel
                      lang={c?.lang}
                    />
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
                    <TextField
                      editor={editor}
                      path={[...path, i, 'weight']}
                      label={t('options.editor.cueWeight')}
                      ariaLabel={`${what} ${i + 1}: ${t('options.editor.cueWeight')}`}
                      hideLabel
                      number
                      step={0.5}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      class="icon danger"
                      data-testid="item-remove"
                      aria-label={t('options.editor.itemRemove', { what: `${what} ${i + 1}` })}
                      title={t('options.editor.itemRemove', { what: `${what} ${i + 1}` })}
                      onClick={() => editor.updateList(path, (l) => l.filter((_, j) => j !== i))}
                    >
                      ✕
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <FieldErrors editor={editor} path={path} />
          <div class="row">
            {addButton}
            <UseInherited editor={editor} path={path} />
          </div>
        </>
      )}
    </Group>
  );
}
