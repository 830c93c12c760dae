// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { insertIntoField } from '../../../entrypoints/helpdesk.content/adapters/insert-text';

describe('insertIntoField', () => {
  it('inserts at the caret of a contenteditable and fires input, as typing would', () => {
    document.body.innerHTML = '<div contenteditable="true" class="feed-compose__message">Hello , see you</div>';
    const el = document.querySelector<HTMLElement>('.feed-compose__message')!;
    const range = document.createRange();
    range.setStart(el.firstChild!, 6);
    range.collapse(true);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    let inputs = 0;
    el.addEventListener('input', () => inputs++);
    expect(insertIntoField(el, 'Anna')).toEqual({ ok: true });
    expect(el.textContent).toBe('Hello Anna, see you');
    expect(inputs).toBe(1);
  });

  it('appends when the caret is elsewhere, and inserts text, never markup', () => {
    document.body.innerHTML = '<input id="other"><div contenteditable="true" id="c">Hi</div>';
    (document.getElementById('other') as HTMLInputElement).focus();
    const el = document.getElementById('c')!;
    insertIntoField(el, ' <b>there</b>');
    expect(el.textContent).toBe('Hi <b>there</b>');
    expect(el.querySelector('b')).toBeNull();
  });

  it('inserts into a textarea at the cursor', () => {
    document.body.innerHTML = '<textarea>a b</textarea>';
    const ta = document.querySelector('textarea')!;
    ta.setSelectionRange(2, 2);
    insertIntoField(ta, 'X');
    expect(ta.value).toBe('a Xb');
  });

  it('separates a second phrase from the first with a space, and starts a fresh line or field without one', () => {
    document.body.innerHTML = '<textarea></textarea><div contenteditable="true" id="c"></div>';
    const ta = document.querySelector('textarea')!;
    insertIntoField(ta, 'Hello Anna.');
    insertIntoField(ta, 'Thank you for waiting.');
    expect(ta.value).toBe('Hello Anna. Thank you for waiting.');
    ta.value = 'Hi,\n';
    ta.setSelectionRange(4, 4);
    insertIntoField(ta, 'Thanks.');
    expect(ta.value).toBe('Hi,\nThanks.');
    const el = document.getElementById('c')!;
    insertIntoField(el, 'Здравствуйте, Анна.');
    insertIntoField(el, 'Спасибо, что подождали.');
    expect(el.textContent).toBe('Здравствуйте, Анна. Спасибо, что подождали.');
  });
});
