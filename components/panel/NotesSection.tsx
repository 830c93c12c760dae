import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import type { NoteRecord } from '../../core/store/db';
import { formatTime, t } from '../i18n';
import { ErrorLine } from './ChoiceWithReason';
import { useEditRun } from './edit-error';
import type { PanelModel } from './model';
import { NotesLock } from './NotesLock';
import { useInputDraft } from './use-input-draft';

function NoteItem({ note, model }: { note: NoteRecord & { locked?: boolean }; model: PanelModel }) {
  const editing = useSignal<string | null>(null);
  /** When the note the agent started editing was last changed: the store refuses the edit if it changed since. */
  const since = useSignal(note.updatedAt);
  const latest = useRef(note.updatedAt);
  latest.current = note.updatedAt;
  const { error, run } = useEditRun('notes.error');
  return (
    <li class={note.pinned ? 'notes__item notes__item--pinned' : 'notes__item'} data-testid="note" data-pinned={note.pinned}>
      {note.locked ? (
        <p class="notes__text muted" data-testid="note-locked">
          🔒 {t('lock.note')}
        </p>
      ) : editing.value === null ? (
        <p class="notes__text">{note.text}</p>
      ) : (
        <textarea
          data-testid="note-edit-input"
          aria-label={t('notes.edit')}
          rows={3}
          maxLength={20000}
          value={editing.value}
          onInput={(e) => (editing.value = (e.currentTarget as HTMLTextAreaElement).value)}
        />
      )}
      <div class="notes__meta">
        <time class="muted">{formatTime(note.updatedAt)}</time>
        {note.locked ? null : editing.value === null ? (
          <>
            <button
              type="button"
              class="link"
              data-testid="note-pin"
              aria-pressed={note.pinned}
              onClick={() => void run(model.edit({ kind: 'note-pin', key: note.clientKey, id: note.id, pinned: !note.pinned }))}
            >
              {note.pinned ? t('notes.unpin') : t('notes.pin')}
            </button>
            <button
              type="button"
              class="link"
              data-testid="note-edit"
              onClick={() => {
                editing.value = note.text;
                since.value = note.updatedAt;
              }}
            >
              {t('notes.edit')}
            </button>
            <button
              type="button"
              class="link danger"
              data-testid="note-delete"
              onClick={() => void run(model.edit({ kind: 'note-delete', key: note.clientKey, id: note.id }))}
            >
              {t('notes.delete')}
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              class="link"
              data-testid="note-save"
              onClick={async () => {
                if (await run(model.edit({ kind: 'note-text', key: note.clientKey, id: note.id, text: editing.value ?? '', since: since.value })))
                  editing.value = null;
                // Changed meanwhile: the agent's text stays, and saving again replaces the note as it is now.
                else since.value = latest.current;
              }}
            >
              {t('notes.save')}
            </button>
            <button type="button" class="link" onClick={() => (editing.value = null)}>
              {t('notes.cancel')}
            </button>
          </>
        )}
      </div>
      <ErrorLine message={error.value} />
    </li>
  );
}

/** Private notes on the client, pinned first, newest first; add, edit, pin, delete. */
export function NotesSection({ model }: { model: PanelModel }) {
  const draft = useInputDraft(model.drafts, model.clientKey.value, 'note');
  const { error, run } = useEditRun('notes.error');
  const notes = model.dossier.value.notes;
  const submit = async (e: Event) => {
    e.preventDefault();
    const text = draft.value.trim();
    // Saved: the draft goes; not saved, it stays in the input.
    if (text && (await run(model.addNote(text)))) draft.set('');
  };
  return (
    <section class="card notes" data-testid="dossier-notes" aria-labelledby="notes-h">
      <h2 id="notes-h">{t('notes.heading')}</h2>
      <NotesLock model={model} />
      {notes.length === 0 ? (
        <p class="muted" data-testid="notes-empty">
          {t('notes.empty')}
        </p>
      ) : (
        <ul class="notes__list">
          {notes.map((n) => (
            <NoteItem key={n.id} note={n} model={model} />
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
          onInput={(e) => draft.set((e.currentTarget as HTMLTextAreaElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
          }}
        />
        <button type="submit" data-testid="note-add" disabled={!draft.value.trim()}>
          {t('notes.add')}
        </button>
        <ErrorLine message={error.value} />
      </form>
    </section>
  );
}
