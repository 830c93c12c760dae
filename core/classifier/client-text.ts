/**
 * What of a client's message is the client's own words. E-mail replies carry the earlier thread (often the
 * agent's own reply, quoted back), signatures, legal disclaimers and "Sent from my iPhone" footers; none of it
 * says anything about the client, and an agent's "compensation" quoted back must never count as the client's.
 * When in doubt a line is kept: losing the client's words is worse than reading a stray footer.
 *
 * The result is a list of kept character ranges of the original text, so evidence can still be quoted and
 * highlighted where it stands. Every pattern runs on a trimmed line of bounded length, so no line, however
 * long or odd, makes the work more than linear.
 */

/** A kept range [start, end) of the original text. */
export type Span = readonly [number, number];

interface Line {
  /** Trimmed text, at most LINE_LOOK characters: what the patterns see. */
  text: string;
  start: number;
  end: number;
}

const LINE_LOOK = 300;

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    // Look at the line's first LINE_LOOK characters only, trimmed (a line of 150k spaces is just blank).
    out.push({ text: text.slice(start, Math.min(end, start + LINE_LOOK)).trim(), start, end });
    if (nl < 0) return out;
    start = nl + 1;
  }
}

const QUOTED = /^>/;
/** Words that end an attribution line: "… wrote:", «… пишет:». */
const ATTRIBUTION_VERB = /(?:^|[^\p{L}])(?:wrote|writes|пишет|написал[аи]?|написал\(а\))\s*:$/iu;
/** What an attribution line has besides the verb: an address, a time or a year. */
const ATTRIBUTION_DATA = /<[^>\s]*@[^>\s]*>|@[\w.-]+\.\w+|\d{1,2}:\d{2}|\b(?:19|20)\d{2}\b/u;
/** Gmail RU and others end the attribution with the sender's address and a colon, and no verb. */
const ATTRIBUTION_ADDRESS = /<[^>\s]*@[^>\s]*>\s*:$/;
/** Outlook and friends: a separator, then the earlier message's headers. */
const ORIGINAL_MESSAGE = /^(?:-{2,}\s*(?:original message|forwarded message|исходное сообщение|пересылаемое сообщение|пересланное сообщение)\s*-{2,}|_{10,})$/i;
const HEADER_FROM = /^\**(?:from|от|de|von)\s*:\**\s+\S/i;
const HEADER_NEXT = /^\**(?:sent|date|to|subject|отправлено|дата|кому|тема|cc|копия)\s*:/i;
/** "-- " on its own line starts a signature (RFC 3676), and so does a line of dashes or underscores. */
const SIG_DASHES = /^(?:--|—|-{3,}|_{3,})$/;
const MOBILE_FOOTER =
  /^(?:sent (?:from|with|via) (?:my |the )?(?:iphone|ipad|android|samsung|galaxy|huawei|xiaomi|mobile|blackberry|outlook|yahoo|mail|gmail|proton)|get outlook for|sent from mail for windows|отправлено (?:с|из|со) (?:моего |мобильн)|отправлено с iphone|отправлено из мобильной|скачайте приложение)/i;
/** Words of legal disclaimers; a disclaimer paragraph has at least two of them. */
const DISCLAIMER_WORDS =
  /(?<![\p{L}\p{N}])(?:confidential|privileged|intended (?:solely |only )?for|intended recipient|addressee|disclaimer|prohibited|if you (?:have )?received this|конфиденциальн\p{L}*|предназначен\p{L}* (?:исключительно |только )?для|адресат\p{L}*|получател\p{L}*|запрещен\p{L}*|если вы получили)/giu;
const SIGN_OFF =
  /^(?:(?:best|kind|warm|warmest|many thanks and|with)?\s?regards|best wishes|sincerely|yours (?:sincerely|faithfully|truly)|cheers|thanks(?: again| in advance)?|thank you|br|с уважением|с наилучшими пожеланиями|всего (?:доброго|хорошего)|спасибо(?: заранее)?|заранее спасибо|благодарю)[\s,.!]*$/i;
/** What a signature's lines look like: a name, a title, a phone, an address; not a sentence. */
const SENTENCE = /[?!]|(?:\S+\s+){7,}\S/;
const POSTSCRIPT = /^(?:p\.?\s?s\.?|п\.?\s?с\.?)(?:[\s:,]|$)/i;
const MAX_SIGNATURE_LINES = 6;

const isBlank = (l: Line) => !l.text;
const hasWords = (l: Line) => /\p{L}{2}/u.test(l.text);

/** True when line i (perhaps wrapped over i-1 and i) introduces a quoted earlier message. */
function isAttribution(lines: readonly Line[], i: number): boolean {
  const t = lines[i]!.text;
  if (t.length > 250) return false;
  if (ATTRIBUTION_ADDRESS.test(t) && ATTRIBUTION_DATA.test(t.replace(ATTRIBUTION_ADDRESS, ''))) return true;
  if (!ATTRIBUTION_VERB.test(t)) return false;
  // "On Tue, 3 Mar 2026 at 10:12, Acme Support <" / "help@acme.com> wrote:" wraps: the data may be on the line before.
  return ATTRIBUTION_DATA.test(t) || (i > 0 && lines[i - 1]!.text.length < 200 && ATTRIBUTION_DATA.test(lines[i - 1]!.text));
}

/** True when line i-1 is the first half of the attribution on line i (wrapped by the mail client). */
function wrappedBefore(lines: readonly Line[], i: number): boolean {
  const prev = lines[i - 1]?.text;
  if (!prev || prev.length >= 200 || !ATTRIBUTION_DATA.test(prev) || /[.!?]$/.test(prev)) return false;
  const t = lines[i]!.text;
  return prev.endsWith('<') || /^[\w.+-]+@/.test(t) || !ATTRIBUTION_DATA.test(t);
}

/** The first line of the quoted earlier thread, and whether the rest of the message is that thread. */
function quotedThread(lines: readonly Line[]): { at: number; toEnd: boolean } | undefined {
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (ORIGINAL_MESSAGE.test(t)) return { at: i, toEnd: true };
    if (HEADER_FROM.test(t) && lines.slice(i + 1, i + 5).some((l) => HEADER_NEXT.test(l.text))) return { at: i, toEnd: true };
    if (!isAttribution(lines, i)) continue;
    const at = wrappedBefore(lines, i) ? i - 1 : i;
    // Quoted with "> " below: the client may answer between the quoted lines (bottom-posting); keep those.
    let next = i + 1;
    while (next < lines.length && isBlank(lines[next]!)) next++;
    return { at, toEnd: !(next < lines.length && QUOTED.test(lines[next]!.text)) };
  }
  return undefined;
}

/** Where a trailing legal disclaimer starts (its paragraph, at the end of the message), or `end`. */
function disclaimerStart(lines: readonly Line[], end: number): number {
  for (;;) {
    while (end > 0 && isBlank(lines[end - 1]!)) end--;
    let p = end;
    while (p > 0 && !isBlank(lines[p - 1]!)) p--;
    if (p === 0 || p === end) return end;
    const paragraph = lines
      .slice(p, end)
      .map((l) => l.text)
      .join(' ');
    if ((paragraph.match(DISCLAIMER_WORDS)?.length ?? 0) < 2) return end;
    end = p;
  }
}

/** Where a trailing signature block starts, or -1: a sign-off or "--", then only name-and-contact lines. */
function signatureStart(lines: readonly Line[], end: number): number {
  for (let i = end - 1; i >= 1 && end - i <= MAX_SIGNATURE_LINES + 1; i--) {
    const t = lines[i]!.text;
    if (t.length > 60 || (!SIG_DASHES.test(t) && !SIGN_OFF.test(t))) continue;
    if (!lines.slice(0, i).some(hasWords)) return -1;
    const after = lines.slice(i + 1, end).filter((l) => !isBlank(l));
    return after.every((l) => l.text.length <= 80 && !SENTENCE.test(l.text) && !POSTSCRIPT.test(l.text)) ? i : -1;
  }
  return -1;
}

/** The client's own part of one message, as ranges of its text. */
export function ownWordSpans(text: string): Span[] {
  if (!text.includes('\n') && !/wrote|пишет|написал|sent |отправлено|get outlook|скачайте/i.test(text)) return text.trim() ? [[0, text.length]] : [];
  const lines = linesOf(text);
  let end = lines.length;
  const thread = quotedThread(lines);
  if (thread?.toEnd) end = thread.at;
  // What stays of a bottom-posted thread: the client's lines between the quotes, without the attributions.
  const skip = new Set<number>();
  if (thread && !thread.toEnd) {
    for (let i = thread.at; i < end; i++) {
      if (!isAttribution(lines, i)) continue;
      skip.add(i);
      if (wrappedBefore(lines, i)) skip.add(i - 1);
    }
  }
  end = disclaimerStart(lines, end);
  while (end > 0 && isBlank(lines[end - 1]!)) end--;
  const sig = signatureStart(lines, end);
  if (sig >= 0) end = sig;

  const spans: [number, number][] = [];
  for (let i = 0; i < end; i++) {
    const l = lines[i]!;
    if (skip.has(i) || QUOTED.test(l.text) || (l.text.length <= 120 && MOBILE_FOOTER.test(l.text))) continue;
    const last = spans[spans.length - 1];
    // Adjacent kept lines join into one range, so phrases across a line break stay together.
    if (last && last[1] + 1 === l.start) last[1] = l.end;
    else spans.push([l.start, l.end]);
  }
  // Blank lines at either end of a range are nobody's words.
  for (const span of spans) {
    while (span[1] > span[0] && /\s/.test(text[span[1] - 1]!)) span[1]--;
    while (span[0] < span[1] && /\s/.test(text[span[0]]!)) span[0]++;
  }
  return spans.filter(([a, b]) => b > a);
}

/** The client's own words of one message as plain text (kept ranges joined by line breaks). */
export const ownWords = (text: string): string =>
  ownWordSpans(text)
    .map(([a, b]) => text.slice(a, b))
    .join('\n');
