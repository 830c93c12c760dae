import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { BRIDGE_EVENTS } from './helpdesk.content/adapters/zendesk/bridge-events';
import { separated } from './helpdesk.content/adapters/separated';
import { withId, ZD } from './helpdesk.content/adapters/zendesk/selectors';

/*
 * Runs in the Zendesk page's own script world, where CKEditor 5 hangs its editor on the editable element
 * (`element.ckeditorInstance`, invisible to the content script). It listens for one request and answers it.
 * Both directions carry JSON strings: objects do not cross script worlds reliably.
 */
interface CkNode {
  startOffset: number;
  data?: string;
  is(type: string): boolean;
}
interface CkPosition {
  offset: number;
  parent: { getChildren(): Iterable<CkNode> };
}
interface CkEditor {
  model: {
    document: { selection: { getFirstPosition(): CkPosition | null } };
    change(cb: (writer: { createText(text: string): unknown }) => void): void;
    insertContent(node: unknown): void;
  };
  editing: { view: { focus(): void } };
}

/** The text of the caret's paragraph before the caret, from the editor's model ('' when it cannot tell). */
function textBeforeCaret(editor: CkEditor): string {
  try {
    const pos = editor.model.document.selection.getFirstPosition();
    if (!pos) return '';
    let text = '';
    for (const node of pos.parent.getChildren()) {
      if (node.startOffset >= pos.offset) break;
      if (node.is('$text') && node.data) text += node.data.slice(0, pos.offset - node.startOffset);
    }
    return text;
  } catch {
    return '';
  }
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
        // After text already there (an earlier phrase), a space, as typing would leave.
        const text = separated(textBeforeCaret(editor), req.text);
        editor.model.change((writer) => editor.model.insertContent(writer.createText(text)));
        editor.editing.view.focus();
        answer = { ok: true };
      }
    } catch (e) {
      answer = { ok: false, reason: 'error', message: String(e) };
    }
    document.dispatchEvent(new CustomEvent(BRIDGE_EVENTS.insertResult, { detail: JSON.stringify({ id, ...answer }) }));
  });
});
