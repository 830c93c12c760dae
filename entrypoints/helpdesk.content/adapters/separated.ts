/**
 * A phrase as it goes in after `before` (the text of the caret's paragraph before the caret): with a space when
 * it would otherwise run into a word or a sentence already there ("…thank you.Hello" → "…thank you. Hello").
 */
export const separated = (before: string, text: string): string => (/\S$/.test(before) && /^\S/.test(text) ? ` ${text}` : text);
