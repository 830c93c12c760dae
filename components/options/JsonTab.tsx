import { t } from './i18n';
import type { Editor } from './editor';
import { IssueLines } from './IssueLines';

/** The draft as JSON text, edited as the same draft; text that is not JSON yet says where it breaks. */
export function JsonTab({ editor }: { editor: Editor }) {
  const text = editor.rawText.value ?? JSON.stringify(editor.draft.value, null, 2);
  const error = editor.rawError.value;
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
        aria-invalid={error ? 'true' : undefined}
        onInput={(e) => editor.setRaw((e.currentTarget as HTMLTextAreaElement).value)}
      />
      {error && (
        <div class="error" role="alert" data-testid="json-error">
          <p>{t('options.editor.jsonError')}</p>
          <IssueLines issues={[error]} />
        </div>
      )}
    </section>
  );
}
