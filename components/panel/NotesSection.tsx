import { useSignal } from '@preact/signals';
import { formatTime, t } from '../i18n';
import type { PanelModel } from './model';

/** Private notes on the client, newest first, with a quick add form. */
export function NotesSection({ model }: { model: PanelModel }) {
  const draft = useSignal('');
  const error = useSignal('');
  const notes = model.dossier.value.notes;
  const submit = async (e: Event) => {
    e.preventDefault();
    const text = draft.value.trim();
    if (!text) return;
    try {
      await model.addNote(text);
      draft.value = '';
      error.value = '';
    } catch (err) {
      error.value = t('notes.error', { error: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <section class="card notes" data-testid="dossier-notes" aria-labelledby="notes-h">
      <h2 id="notes-h">{t('notes.heading')}</h2>
      {notes.length === 0 ? (
        <p class="muted">{t('notes.empty')}</p>
      ) : (
        <ul class="notes__list">
          {notes.map((n) => (
            <li key={n.id} class="notes__item" data-testid="note">
              <p class="notes__text">{n.text}</p>
              <time class="muted">{formatTime(n.createdAt)}</time>
            </li>
          ))}
        </ul>
      )}
      <form class="notes__form" onSubmit={submit}>
        <label class="sr-only" for="note-input">
          {t('notes.placeholder')}
        </label>
        <textarea
          id="note-input"
          data-testid="note-input"
          rows={2}
          maxLength={20000}
          placeholder={t('notes.placeholder')}
          value={draft.value}
          onInput={(e) => (draft.value = (e.currentTarget as HTMLTextAreaElement).value)}
        />
        <button type="submit" data-testid="note-add" disabled={!draft.value.trim()}>
          {t('notes.add')}
        </button>
        {error.value && (
          <p class="error" role="alert">
            {error.value}
          </p>
        )}
      </form>
    </section>
  );
}
