import type { Lang } from '../taxonomy';
import { formatMessage } from '../text/format-message';
import type { IssueWordKey } from './issue-words-en';

/*
 * The one place a validation problem is put into words, in either language: zod's kinds of issue (wrong type,
 * too long, unknown key, not one of the allowed values…) from their code and facts, and the problems a schema
 * or a check names itself (`code: 'custom'`, `params: { issue: <name>, …vars }`) from the `custom.<name>` entry.
 * zod's own English (core/schema/zod.ts) comes from here too, so the English a file check prints and the
 * English the options page shows are the same words.
 */

/** A problem at a JSON path: a zod issue, or one a check made in the same shape. */
export interface Issue {
  readonly path: readonly PropertyKey[];
  /** The English wording (what `describeIssue` gives in English, or a schema's own text). */
  readonly message: string;
  readonly code?: string;
  readonly expected?: unknown;
  readonly origin?: unknown;
  readonly maximum?: unknown;
  readonly minimum?: unknown;
  readonly inclusive?: unknown;
  readonly exact?: unknown;
  readonly format?: unknown;
  readonly divisor?: unknown;
  readonly keys?: readonly string[];
  readonly values?: readonly unknown[];
  /** The values a discriminated union's key takes (`invalid_union` on that key). */
  readonly options?: readonly unknown[];
  readonly params?: Record<string, unknown>;
  readonly input?: unknown;
  /** Added where the input is at hand (core/pack/pack-issues.ts): the kind of value found at the path… */
  readonly received?: string;
  /** …what an unknown key or a value not allowed was probably meant to be… */
  readonly suggest?: string;
  /** …and the keys allowed where an unknown key is. */
  readonly allowed?: readonly string[];
}

export interface IssueWords {
  lang: Lang;
  words: Readonly<Record<IssueWordKey, string>>;
}

/** The kind of a JSON value, as `is.*` entries name it. */
export function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && Number.isNaN(v)) return 'nan';
  return typeof v;
}

const MAX_LISTED = 12;

/** The kind of a JSON value (`kindOf`) in words: "a list", «список». */
export function kindIn(kind: string, { lang, words }: IssueWords): string {
  const key = `is.${kind}` as IssueWordKey;
  return key in words ? formatMessage(words[key], {}, lang) : kind;
}

/** A problem in words (without its path). */
export function describeIssue(issue: Issue, { lang, words }: IssueWords): string {
  const say = (key: IssueWordKey, vars: Record<string, string | number> = {}) => formatMessage(words[key], vars, lang);
  const quote = (v: unknown) => (typeof v === 'string' ? say('quote', { text: v }) : String(v));
  const list = (vs: readonly unknown[]) => vs.map(quote).join(', ');
  const kind = (k: unknown) => kindIn(String(k), { lang, words });
  const num = (v: unknown) => (typeof v === 'number' || typeof v === 'bigint' ? Number(v) : 0);
  const custom = issue.params?.issue;
  if (issue.code === 'custom' && typeof custom === 'string' && `custom.${custom}` in words) {
    const vars = Object.fromEntries(Object.entries(issue.params ?? {}).map(([k, v]) => [k, typeof v === 'number' ? v : String(v)]));
    if (custom === 'json' || custom === 'json-column') vars.what = jsonWhat(issue.params ?? {}, words, say, quote);
    if (custom === 'not-object') vars.received = kind(issue.params?.received);
    return say(`custom.${custom}` as IssueWordKey, vars);
  }
  const withHint = (problem: string) =>
    issue.suggest !== undefined
      ? say('didYouMean', { problem, suggest: quote(issue.suggest) })
      : issue.allowed?.length && issue.allowed.length <= MAX_LISTED
        ? say('allowedHere', { problem, allowed: list(issue.allowed) })
        : problem;
  switch (issue.code) {
    case 'invalid_type': {
      const received = issue.received ?? ('input' in issue ? kindOf(issue.input) : undefined);
      if (received === 'undefined') return say('type.missing', { expected: kind(issue.expected) });
      // 1.5 where a whole number belongs: "expected a whole number", not "…, got a number".
      if (received === 'number' && issue.expected === 'int') return say('type.expected', { expected: kind(issue.expected) });
      return received
        ? say('type.wrong', { expected: kind(issue.expected), received: kind(received) })
        : say('type.expected', { expected: kind(issue.expected) });
    }
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const n = num(big ? issue.maximum : issue.minimum);
      const origin = issue.origin === 'set' ? 'array' : issue.origin;
      if (issue.exact && (origin === 'string' || origin === 'array')) return say(`exact.${origin}`, { n });
      if (origin === 'string' || origin === 'array') {
        if (!big && n === 1 && issue.inclusive !== false) return say(origin === 'string' ? 'small.stringEmpty' : 'small.arrayEmpty');
        return say(`${big ? 'big' : 'small'}.${origin}`, big ? { max: n } : { min: n });
      }
      if (big) return say(issue.inclusive === false ? 'big.numberBelow' : 'big.number', { max: n });
      return say(issue.inclusive === false ? 'small.numberAbove' : 'small.number', { min: n });
    }
    case 'invalid_format':
      return say(issue.format === 'email' || issue.format === 'url' || issue.format === 'datetime' ? `format.${issue.format}` : 'format.other');
    case 'not_multiple_of':
      return say('multipleOf', { divisor: num(issue.divisor) });
    case 'unrecognized_keys': {
      const keys = issue.keys ?? [];
      return withHint(keys.length === 1 ? say('keys.one', { key: quote(keys[0]) }) : say('keys.many', { keys: list(keys) }));
    }
    case 'invalid_value': {
      const values = issue.values ?? [];
      return withHint(values.length === 1 ? say('value.one', { value: quote(values[0]) }) : say('value.oneOf', { values: list(values) }));
    }
    case 'invalid_union':
      // On the key of a discriminated union: like a value not one of the allowed ones.
      return issue.options?.length ? withHint(say('value.oneOf', { values: list(issue.options) })) : say('union');
    case 'invalid_key':
      return say('key');
    case 'invalid_element':
      return say('element');
    case 'custom':
      return issue.message && issue.message !== 'Invalid input' ? issue.message : say('invalid');
    default:
      return say('invalid');
  }
}

/** What is wrong where a JSON text breaks (core/text/json-syntax.ts gives the facts). */
function jsonWhat(
  p: Record<string, unknown>,
  words: IssueWords['words'],
  say: (key: IssueWordKey, vars?: Record<string, string | number>) => string,
  quote: (v: unknown) => string,
): string {
  const found = p.found === undefined ? say('json.found.end') : quote(p.found);
  switch (p.problem) {
    case 'end':
      return say('json.end');
    case 'trailing-comma':
      return say('json.trailingComma', { found });
    case 'single-quote':
      return say('json.singleQuote');
    case 'unclosed':
      return say('json.unclosed');
    case 'control':
      return say('json.control');
    case 'escape':
      return say('json.escape', { found });
    case 'number':
      return say('json.number');
    default: {
      const expected = `json.expect.${String(p.expected)}`;
      return say('json.unexpected', { found, expected: expected in words ? say(expected as IssueWordKey) : String(p.expected) });
    }
  }
}

/** A JSON path as messages print it: `types.tester.cues[0].weight`, or `(root)` in the words' language. */
export function pathIn(path: readonly PropertyKey[], { lang, words }: IssueWords): string {
  if (!path.length) return formatMessage(words.root, {}, lang);
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
    .join('.')
    .replace(/\.\[/g, '[');
}
