/**
 * What of a client's message is the client's own words. E-mail replies carry the earlier thread (often the
 * agent's own reply, quoted back), signatures, legal disclaimers and "Sent from my iPhone" footers; none of it
 * says anything about the client, and an agent's "compensation" quoted back must never count as the client's.
 *
 * The result is a list of kept character ranges of the original text, so evidence can still be quoted and
 * highlighted where it stands.
 */

/** A kept range [start, end) of the original text. */
export type Span = readonly [number, number];

interface Line {
  text: string;
  start: number;
  end: number;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    out.push({ text: text.slice(start, end).replace(/\r$/, ''), start, end });
    if (nl < 0) return out;
    start = nl + 1;
  }
}

const QUOTED = /^\s*>/;
/** "On Tue, 3 Mar 2026 at 10:12, Acme <help@acme.com> wrote:", «пн, 3 мар. 2026 г. в 10:12, Поддержка <…> пишет:». */
const ATTRIBUTION_END = /(?:\bwrote|\bwrites|пишет|написал[аи]?|написано)\s*:\s*$/i;
const ATTRIBUTION_START = /^\s*(?:on\s|le\s|am\s|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|(?:пн|вт|ср|чт|пт|сб|вс|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,|\d{1,2}\s+\p{L}+\.?\s+\d{4}|\p{L}+,\s+\d{1,2}\s)/iu;
/** Outlook and friends: a separator, then the earlier message's headers. */
const ORIGINAL_MESSAGE = /^\s*(?:-{2,}\s*(?:original message|forwarded message|исходное сообщение|пересылаемое сообщение|пересланное сообщение)\s*-{2,}|_{10,}\s*)$/i;
const HEADER_FROM = /^\s*\**(?:from|от|de|von)\s*:\**\s+\S/i;
const HEADER_NEXT = /^\s*\**(?:sent|date|to|subject|отправлено|дата|кому|тема|cc|копия)\s*:/i;
/** "-- " on its own line starts a signature (RFC 3676), and so does a line of dashes or underscores. */
const SIG_DASHES = /^\s*(?:--|—|-{3,}|_{3,})\s*$/;
const MOBILE_FOOTER =
  /^\s*(?:sent (?:from|with|via) (?:my |the )?(?:iphone|ipad|android|samsung|galaxy|huawei|xiaomi|mobile|blackberry|outlook|yahoo|mail|gmail|proton)|get outlook for|sent from mail for windows|отправлено (?:с|из|со) (?:моего |мобильн)|отправлено с iphone|отправлено из мобильной|скачайте приложение|с уважением,? отправлено с)[^\n]{0,80}$/i;
const DISCLAIMER = /\b(?:confidential|privileged|intended (?:solely |only )?for|intended recipient|disclaimer|конфиденциальн|предназначен[оаы]? (?:исключительно |только )?для|не являетесь (?:адресатом|получателем)|адресат)/i;
const SIGN_OFF =
  /^\s*(?:(?:best|kind|warm|warmest|many thanks and|with)?\s*regards|best wishes|sincerely|yours (?:sincerely|faithfully|truly)|cheers|thanks(?: again| in advance)?|thank you|br|с уважением|с наилучшими пожеланиями|всего (?:доброго|хорошего)|спасибо(?: заранее)?|заранее спасибо|благодарю)[\s,.!]*$/i;
const MAX_SIGNATURE_LINES = 7;

const isBlank = (l: Line) => !l.text.trim();

/** Index of the first line of the quoted earlier thread, or -1. */
function quotedThreadStart(lines: readonly Line[]): number {
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (ORIGINAL_MESSAGE.test(t)) return i;
    if (HEADER_FROM.test(t) && lines.slice(i + 1, i + 5).some((l) => HEADER_NEXT.test(l.text))) return i;
    if (ATTRIBUTION_END.test(t)) {
      // The attribution may wrap: "On Tue, 3 Mar 2026 at 10:12, Acme Support <" / "help@acme.com> wrote:".
      if (i > 0 && !ATTRIBUTION_START.test(t) && ATTRIBUTION_START.test(lines[i - 1]!.text) && lines[i - 1]!.text.length < 160) return i - 1;
      if (ATTRIBUTION_START.test(t) || /<[^>]*@|@\S+>|\d{1,2}:\d{2}/.test(t)) return i;
    }
  }
  return -1;
}

/** Index where a trailing signature block starts (after the last content line), or -1. */
function signatureStart(lines: readonly Line[], end: number): number {
  for (let i = end - 1; i >= 1 && end - i <= MAX_SIGNATURE_LINES + 1; i--) {
    const t = lines[i]!.text;
    if (!SIG_DASHES.test(t) && !SIGN_OFF.test(t)) continue;
    // Only when the message has words of its own before it, and what follows looks like a signature.
    const before = lines.slice(0, i).some((l) => /\p{L}{2}/u.test(l.text));
    const after = lines.slice(i + 1, end).filter((l) => !isBlank(l));
    if (before && after.every((l) => l.text.length <= 100)) return i;
  }
  return -1;
}

/** The client's own part of one message, as ranges of its text. */
export function ownWordSpans(text: string): Span[] {
  if (!text.includes('\n') && !/wrote:|пишет:|sent from|отправлено/i.test(text)) return text ? [[0, text.length]] : [];
  const lines = linesOf(text);
  let end = lines.length;
  const thread = quotedThreadStart(lines);
  if (thread >= 0) end = thread;
  // A disclaimer runs from its paragraph to the end of the message.
  for (let i = 0; i < end; i++) {
    if (!DISCLAIMER.test(lines[i]!.text)) continue;
    let p = i;
    while (p > 0 && !isBlank(lines[p - 1]!)) p--;
    if (p > 0) end = p;
    break;
  }
  while (end > 0 && isBlank(lines[end - 1]!)) end--;
  const sig = signatureStart(lines, end);
  if (sig >= 0) end = sig;
  while (end > 0 && isBlank(lines[end - 1]!)) end--;

  const spans: [number, number][] = [];
  for (let i = 0; i < end; i++) {
    const l = lines[i]!;
    if (QUOTED.test(l.text) || MOBILE_FOOTER.test(l.text) || ATTRIBUTION_END.test(l.text) && ATTRIBUTION_START.test(l.text)) continue;
    const last = spans[spans.length - 1];
    // Adjacent kept lines join into one range, so phrases across a line break stay together.
    if (last && last[1] + 1 === l.start) last[1] = l.end;
    else spans.push([l.start, l.end]);
  }
  // Blank lines at either end of a range are nobody's words.
  for (const span of spans) {
    while (span[1] > span[0] && /\s/.test(text[span[1] - 1]!)) span[1]--;
    while (span[0] < span[1] && /[\r\n]/.test(text[span[0]]!)) span[0]++;
  }
  return spans.filter(([a, b]) => b > a);
}

/** The client's own words of one message as plain text (kept ranges joined by line breaks). */
export const ownWords = (text: string): string =>
  ownWordSpans(text)
    .map(([a, b]) => text.slice(a, b))
    .join('\n');
