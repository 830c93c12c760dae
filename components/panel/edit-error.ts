import { useSignal } from '@preact/signals';
import { describeStorageError, isStorageError } from '../../core/privacy';
import { t, type MessageKey } from '../i18n';

/** The store refused an edit of a text that was changed meanwhile (see EditConflict): the agent's text is kept to save again. */
export const isEditConflict = (err: unknown) => (err as { name?: unknown } | undefined)?.name === 'EditConflict';

/**
 * Why an edit was not saved, in words: the browser's storage failures and a change made meanwhile as such,
 * anything else after `what` ("The note was not saved: …").
 */
export function editErrorText(err: unknown, what: MessageKey): string {
  if (isStorageError(err)) return describeStorageError(err);
  if (isEditConflict(err)) return t('edit.conflict');
  return t(what, { error: err instanceof Error ? err.message : String(err) });
}

/** An edit with its error line: `run` waits for the edit and says whether it was saved; `error` says why not, `conflict` whether it was a change made meanwhile. */
export function useEditRun(what: MessageKey) {
  const error = useSignal('');
  const conflict = useSignal(false);
  const run = async (edit: Promise<unknown>) => {
    try {
      await edit;
      error.value = '';
      conflict.value = false;
      return true;
    } catch (err) {
      error.value = editErrorText(err, what);
      conflict.value = isEditConflict(err);
      return false;
    }
  };
  const clear = () => {
    error.value = '';
    conflict.value = false;
  };
  return { error, conflict, run, clear };
}
