/*
 * Where a JSON text breaks and why, in facts the UI words in its own language (core/schema/issue-text.ts):
 * engines word their JSON.parse errors differently (and only in English), and not all give a line and column.
 * One pass with an explicit stack, so a hostile file of a million `[` cannot exhaust the call stack.
 */

export type JsonExpect = 'value' | 'key' | 'colon' | 'commaBrace' | 'commaBracket' | 'end';

export interface JsonBreak {
  /** Offset in the text (UTF-16 code units), and the same as a 1-based line and column. */
  offset: number;
  line: number;
  column: number;
  problem: 'end' | 'unexpected' | 'trailing-comma' | 'single-quote' | 'unclosed' | 'control' | 'escape' | 'number';
  /** What was found there: a character, a word, or an escape; none at the end of the text. */
  found?: string;
  expected?: JsonExpect;
  /** The line around the break (at most about 60 characters) and the break's position in it. */
  excerpt: string;
  caret: number;
}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z_$][\w$]*/y;
const LITERALS = ['true', 'false', 'null'];

/** Where `text` stops being JSON, or null when it is JSON. */
export function jsonBreak(text: string): JsonBreak | null {
  const stack: ('{' | '[')[] = [];
  let i = 0;
  let expect: JsonExpect | 'valueOrClose' | 'keyOrClose' = 'value';
  const after = () => (stack.length === 0 ? 'end' : stack[stack.length - 1] === '{' ? 'commaBrace' : 'commaBracket');
  const fail = (at: number, problem: JsonBreak['problem'], found?: string, expected?: JsonExpect) => at2break(text, at, problem, found, expected);
  const foundAt = (at: number) => {
    WORD.lastIndex = at;
    const word = WORD.exec(text)?.[0];
    return word ? word.slice(0, 20) : String.fromCodePoint(text.codePointAt(at)!);
  };

  for (;;) {
    while (i < text.length && WS.has(text[i]!)) i++;
    if (i >= text.length) return expect === 'end' ? null : fail(text.trimEnd().length, 'end');
    const c = text[i]!;
    if (expect === 'end') return fail(i, 'unexpected', foundAt(i), 'end');
    if (expect === 'colon') {
      if (c !== ':') return fail(i, 'unexpected', foundAt(i), 'colon');
      i++;
      expect = 'value';
      continue;
    }
    if (expect === 'commaBrace' || expect === 'commaBracket') {
      const close = expect === 'commaBrace' ? '}' : ']';
      if (c === ',') {
        i++;
        expect = expect === 'commaBrace' ? 'key' : 'value';
      } else if (c === close) {
        i++;
        stack.pop();
        expect = after();
      } else return fail(i, 'unexpected', foundAt(i), expect);
      continue;
    }
    if (expect === 'key' || expect === 'keyOrClose') {
      if (c === '}' && expect === 'keyOrClose') {
        i++;
        stack.pop();
        expect = after();
      } else if (c === '}') return fail(i, 'trailing-comma', '}');
      else if (c === "'") return fail(i, 'single-quote', "'");
      else if (c === '"') {
        const end = stringEnd(text, i);
        if (typeof end !== 'number') return fail(end.at, end.problem, end.found);
        i = end + 1;
        expect = 'colon';
      } else return fail(i, 'unexpected', foundAt(i), 'key');
      continue;
    }
    // A value (or, right after "[", the end of the list).
    if (c === ']' && expect === 'valueOrClose') {
      i++;
      stack.pop();
      expect = after();
    } else if (c === ']' || (c === '}' && stack[stack.length - 1] === '{')) return fail(i, stack.length ? 'trailing-comma' : 'unexpected', c, 'value');
    else if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      expect = c === '{' ? 'keyOrClose' : 'valueOrClose';
    } else if (c === '"') {
      const end = stringEnd(text, i);
      if (typeof end !== 'number') return fail(end.at, end.problem, end.found);
      i = end + 1;
      expect = after();
    } else if (c === "'") return fail(i, 'single-quote', "'");
    else if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) return fail(i, 'number', foundAt(i));
      i += m[0].length;
      expect = after();
    } else {
      const literal = LITERALS.find((l) => text.startsWith(l, i));
      if (!literal) return fail(i, 'unexpected', foundAt(i), 'value');
      i += literal.length;
      expect = after();
    }
  }
}

/** The offset of the quote that closes the string opening at `start`, or what is wrong inside it. */
function stringEnd(text: string, start: number): number | { at: number; problem: 'unclosed' | 'control' | 'escape'; found?: string } {
  for (let j = start + 1; j < text.length; j++) {
    const ch = text.charCodeAt(j);
    if (ch === 0x22) return j;
    if (ch < 0x20) return { at: j, problem: 'control' };
    if (ch === 0x5c) {
      const e = text[j + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return { at: j, problem: 'escape', found: text.slice(j, j + 6) };
        j += 5;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) j++;
      else return { at: j, problem: 'escape', found: text.slice(j, j + 2) };
    }
  }
  return { at: start, problem: 'unclosed' };
}

function at2break(text: string, offset: number, problem: JsonBreak['problem'], found?: string, expected?: JsonExpect): JsonBreak {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  let line = 1;
  for (let k = text.indexOf('\n'); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) line++;
  const column = offset - lineStart + 1;
  const from = Math.max(lineStart, offset - 40);
  const to = Math.min(lineEnd, Math.max(offset + 20, from + 60));
  const excerpt = text.slice(from, to).replace(/[\t\r]/g, ' ');
  return { offset, line, column, problem, ...(found !== undefined ? { found } : {}), ...(expected ? { expected } : {}), excerpt, caret: offset - from };
}
