import { CLIENT_TYPES, type ClientTypeId } from '../../core/taxonomy';
import { t } from './i18n';
import type { Issue } from '../../core/schema/issue-text';
import type { Path } from './draft';
import type { Editor } from './editor';
import { issuePath, issueText } from './issue-text';

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

/** For an unknown key that was probably meant as another (`boundary` → `boundaries`): a button that renames it. */
function RenameKey({ editor, issue }: { editor: Editor; issue: Issue }) {
  const from = issue.keys?.[0];
  if (issue.code !== 'unrecognized_keys' || issue.keys?.length !== 1 || !from || !issue.suggest) return null;
  const to = issue.suggest;
  return (
    <>
      {' '}
      <button
        type="button"
        class="secondary small"
        data-testid="issue-rename"
        onClick={() => {
          editor.renameKey(issue.path as Path, from, to);
          // The button goes with its problem: focus stays in the list, on its heading.
          document.getElementById('issues-h')?.focus();
        }}
      >
        {t('options.editor.renameKey', { from, key: to })}
      </button>
    </>
  );
}

/** The draft's problems, each with its path: a click goes to the field; a misspelled key can be renamed in place. */
export function IssuesPanel({ editor }: { editor: Editor }) {
  const issues = editor.issues.value;
  return (
    <aside class="card editor__issues" aria-labelledby="issues-h" data-testid="editor-issues" data-count={issues.length}>
      <h2 id="issues-h" tabIndex={-1}>
        {issues.length ? t('options.editor.problems', { n: issues.length }) : t('options.editor.noProblems')}
      </h2>
      <div aria-live="polite">
        {issues.length ? (
          <ul class="issues">
            {issues.slice(0, 50).map((i, n) => (
              <li key={n} data-testid="editor-issue">
                <button type="button" class="link" onClick={() => focusPath(editor, i.path)}>
                  <code>{issuePath(i.issue)}</code>
                </button>
                : {issueText(i.issue)}
                <RenameKey editor={editor} issue={i.issue} />
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
