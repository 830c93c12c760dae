import { useSignal } from '@preact/signals';
import { describeStorageError, isStorageError } from '../../core/privacy';
import { t, type MessageKey } from '../i18n';

/** Why an edit was not saved, in words: the browser's storage failures as such, anything else after `what` ("The note was not saved: …"). */
export const editErrorText = (err: unknown, what: MessageKey) =>
  isStorageError(err) ? describeStorageError(err) : t(what, { error: err instanceof Error ? err.message : String(err) });

/** An edit with its error line: `run` waits for the edit and says whether it was saved; `error` says why not. */
export function useEditRun(what: MessageKey) {
  const error = useSignal('');
  const run = async (edit: Promise<unknown>) => {
    try {
      await edit;
      error.value = '';
      return true;
    } catch (err) {
      error.value = editErrorText(err, what);
      return false;
    }
  };
  return { error, run };
}
