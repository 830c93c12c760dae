import type { InsertResult } from '../../../core/insert-protocol';

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

/**
 * Inserts plain text at the cursor of a contenteditable or a textarea and fires `input`, as typing would,
 * so the page's own editor code picks it up. Never submits anything.
 */
export function insertIntoField(el: HTMLElement, text: string): InsertResult {
  el.focus();
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
    const start = el.selectionStart ?? el.value.length;
    el.setRangeText(text, start, el.selectionEnd ?? start, 'end');
  } else {
    const range = caretInside(el);
    range.deleteContents();
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
