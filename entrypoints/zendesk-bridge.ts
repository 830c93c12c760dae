import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';

/*
 * Runs in the Zendesk page's own script world, where CKEditor 5 hangs its editor on the editable element
 * (`element.ckeditorInstance`, invisible to the content script). It listens for one request and answers it.
 * Both directions carry JSON strings: objects do not cross script worlds reliably.
 */
interface CkEditor {
  model: { change(cb: (writer: { createText(text: string): unknown }) => void): void; insertContent(node: unknown): void };
  editing: { view: { focus(): void } };
}

const EDITABLE = [
  '[data-test-id="omnicomposer-rich-text-ckeditor"]',
  '[data-test-id="omnicomposer-plain-text-ckeditor"]',
  '[data-test-id="ticket-rich-text-editor"] [contenteditable="true"]',
].join(', ');

export default defineUnlistedScript(() => {
  // The content script asks whether a bridge is here before it injects one: on an added address the
  // background registers this file in the page's world (entrypoints/background/helpdesk-scripts.ts).
  document.addEventListener('tipazh:bridge-ping', () => document.dispatchEvent(new CustomEvent('tipazh:bridge-pong')));
  document.addEventListener('tipazh:insert', (event) => {
    let answer: Record<string, unknown>;
    let id = '';
    try {
      const req = JSON.parse(String((event as CustomEvent).detail)) as { id: string; text: string; ticketId?: string };
      id = req.id;
      // Only the active ticket's reply box: several tickets stay mounted at once.
      const root = (req.ticketId && document.querySelector(`[data-test-id="ticket-${CSS.escape(req.ticketId)}-standard-layout"][data-is-active="true"]`)) || document;
      const editable = root.querySelector(EDITABLE) as (HTMLElement & { ckeditorInstance?: CkEditor }) | null;
      const editor = editable?.ckeditorInstance;
      if (!editor) answer = { ok: false, reason: 'no-composer' };
      else {
        editor.model.change((writer) => editor.model.insertContent(writer.createText(req.text)));
        editor.editing.view.focus();
        answer = { ok: true };
      }
    } catch (e) {
      answer = { ok: false, reason: 'error', message: String(e) };
    }
    document.dispatchEvent(new CustomEvent('tipazh:insert-result', { detail: JSON.stringify({ id, ...answer }) }));
  });
});
