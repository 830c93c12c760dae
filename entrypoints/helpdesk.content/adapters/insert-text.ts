import type { InsertResult } from '../../../core/messages/reply-box';
import { separated } from './separated';

/** Puts the caret at the end of an editable element when it is not inside it already. */
function caretInside(el: HTMLElement): Range {
  const sel = el.ownerDocument.getSelection()!;
  if (sel.rangeCount && el.contains(sel.getRangeAt(0).commonAncestorContainer)) return sel.getRangeAt(0);
  const range = el.ownerDocument.createRange();
  range.selectNodeContents(el);
  range.collapse(false);
  sel.removeAllRanges();
  sel.addRange(range);
  return range;
}

/** The text of the caret's line in a contenteditable, from its block's start (or the field's) to the caret. */
function textBefore(el: HTMLElement, caret: Range): string {
  let block: Node | null = caret.startContainer;
  while (block && block !== el && !(block instanceof HTMLElement && /^(P|DIV|LI|BLOCKQUOTE|H\d)$/.test(block.nodeName))) block = block.parentNode;
  const r = el.ownerDocument.createRange();
  r.selectNodeContents(block ?? el);
  r.setEnd(caret.startContainer, caret.startOffset);
  return r.toString().split('\n').pop() ?? '';
}

/**
 * Inserts plain text at the cursor of a contenteditable or a textarea and fires `input`, as typing would,
 * so the page's own editor code picks it up. Never submits anything.
 */
export function insertIntoField(el: HTMLElement, text: string): InsertResult {
  el.focus();
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
    const start = el.selectionStart ?? el.value.length;
    text = separated(el.value.slice(0, start).split('\n').pop() ?? '', text);
    el.setRangeText(text, start, el.selectionEnd ?? start, 'end');
  } else {
    const range = caretInside(el);
    range.deleteContents();
    text = separated(textBefore(el, range), text);
    const node = el.ownerDocument.createTextNode(text);
    range.insertNode(node);
    range.setStartAfter(node);
    range.collapse(true);
    const sel = el.ownerDocument.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  }
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  return { ok: true };
}
