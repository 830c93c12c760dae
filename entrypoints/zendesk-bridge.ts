import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { BRIDGE_EVENTS } from './helpdesk.content/adapters/zendesk/bridge-events';
import { withId, ZD } from './helpdesk.content/adapters/zendesk/selectors';

/*
 * Runs in the Zendesk page's own script world, where CKEditor 5 hangs its editor on the editable element
 * (`element.ckeditorInstance`, invisible to the content script). It listens for one request and answers it.
 * Both directions carry JSON strings: objects do not cross script worlds reliably.
 */
interface CkEditor {
  model: { change(cb: (writer: { createText(text: string): unknown }) => void): void; insertContent(node: unknown): void };
  editing: { view: { focus(): void } };
}

const EDITABLE = ZD.composer.join(', ');

export default defineUnlistedScript(() => {
  // The content script asks whether a bridge is here before it injects one: on an added address the
  // background registers this file in the page's world (entrypoints/background/helpdesk-scripts.ts).
  document.addEventListener(BRIDGE_EVENTS.ping, () => document.dispatchEvent(new CustomEvent(BRIDGE_EVENTS.pong)));
  document.addEventListener(BRIDGE_EVENTS.insert, (event) => {
    let answer: Record<string, unknown>;
    let id = '';
    try {
      const req = JSON.parse(String((event as CustomEvent).detail)) as { id: string; text: string; ticketId?: string };
      id = req.id;
      // Only the active ticket's reply box: several tickets stay mounted at once.
      const root = (req.ticketId && document.querySelector(withId(ZD.activeTicket, CSS.escape(req.ticketId)).join(', '))) || document;
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
    document.dispatchEvent(new CustomEvent(BRIDGE_EVENTS.insertResult, { detail: JSON.stringify({ id, ...answer }) }));
  });
});
