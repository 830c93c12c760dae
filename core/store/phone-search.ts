import { normalizePhone } from '../identity';

/**
 * A dossier's phone among its search words: this mark, then the number's digits (E.164 without the +, so the
 * Russian trunk 8 already reads as 7). A query finds a number by any 4 or more of its digits in a row.
 */
export const PHONE_MARK = '\t';

/** Fewer digits than this are not looked for inside numbers (too many would match). */
export const MIN_PHONE_DIGITS = 4;

/** The phone's search token: its E.164 digits, or, when it is not a full number, the digits it has (4 or more). */
export function phoneToken(raw: string | undefined): string | undefined {
  const e164 = normalizePhone(raw);
  const digits = e164 ? e164.slice(1) : (raw ?? '').replace(/\D/g, '');
  return digits.length >= MIN_PHONE_DIGITS ? PHONE_MARK + digits : undefined;
}

/** How a query is looked for in phone numbers: digits found anywhere in one, or digits a number begins with. */
export interface PhoneQuery {
  anywhere?: string;
  start?: string;
}

/** Phone numbers as people type them: digits with spaces, dashes, dots, brackets, maybe a leading +. */
const PHONE_TEXT = /^\+?[\d\s().-]+$/;

/**
 * What a query (or a query word) asks of phone numbers, or undefined when it is not (part of) a number. `+7 903…`
 * and `00 7 903…` are the start of a number; `8903…` is the trunk prefix 8, so the start `7903…` (or those digits anywhere);
 * `(903) 123…`, `903-12` and `4567` are digits anywhere in a number.
 */
export function phoneQuery(text: string): PhoneQuery | undefined {
  const t = text.trim();
  if (!PHONE_TEXT.test(t)) return undefined;
  const digits = t.replace(/\D/g, '');
  if (digits.length < MIN_PHONE_DIGITS) return undefined;
  if (t.startsWith('+')) return { start: digits };
  if (digits.startsWith('00')) return { start: digits.slice(2) };
  if (digits.startsWith('8')) return { anywhere: digits, start: `7${digits.slice(1)}` };
  return { anywhere: digits };
}
