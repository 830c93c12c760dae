import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { DraftInput, DraftStore } from '../../core/input-drafts';

const warn = (e: unknown) => console.warn('[Tipazh] unsaved text', e);

/**
 * The text of one panel input for the client in view, kept as a draft (core/input-drafts.ts) as the agent types:
 * it comes back after a panel reload or a ticket switch and away, and never shows for another client.
 * `set('')` (the text saved, or the input cleared) removes the draft.
 */
export function useInputDraft(drafts: DraftStore, clientKey: string | undefined, input: DraftInput) {
  /** The text with the client it was typed for: a text typed for one client is never shown, or kept, for another. */
  const typed = useSignal<{ clientKey?: string; text: string }>({ text: '' });
  useEffect(() => {
    if (!clientKey) return;
    let live = true;
    drafts.load(clientKey, input).then((text) => {
      // What the agent typed while the draft was on its way wins.
      if (live && typed.peek().clientKey !== clientKey) typed.value = { clientKey, text };
    }, warn);
    return () => void (live = false);
  }, [drafts, clientKey, input]);
  const of = (t: { clientKey?: string; text: string }) => (t.clientKey === clientKey ? t.text : '');
  return {
    value: of(typed.value),
    /** The text now, without subscribing (after an await, `value` is the one of an older render). */
    peek: () => of(typed.peek()),
    set(text: string) {
      typed.value = { clientKey, text };
      if (clientKey) drafts.save(clientKey, input, text).catch(warn);
    },
  };
}
