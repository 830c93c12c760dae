import { packIssues } from '../../core/pack/pack-issues';
import { builtinIdTaken } from '../../core/pack/parse';
import type { StrategyPack } from '../../core/pack/schema';
import { valueAt } from '../../core/schema/json-path';
import { pathString, type PathIssue } from './pack-guard';

/** A pack being edited: plain JSON, possibly invalid. */
export type Draft = Record<string, unknown>;
export type Path = readonly (string | number)[];

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const getAt = (root: unknown, path: Path): unknown => valueAt(root, path);

/**
 * A copy of `root` with `value` at `path` (parents created as needed). `undefined` removes the key, and an
 * object left empty by that is removed too, so clearing an optional text leaves no `{}` behind.
 */
export function setAt<T>(root: T, path: Path, value: unknown): T {
  if (!path.length) return value as T;
  const [key, ...rest] = path;
  const container: Record<string | number, unknown> | unknown[] = Array.isArray(root)
    ? [...root]
    : isObj(root)
      ? { ...root }
      : typeof key === 'number'
        ? []
        : {};
  const next = setAt((container as Record<string | number, unknown>)[key!], rest, value);
  if (Array.isArray(container)) {
    container[key as number] = next;
    return container as T;
  }
  if (next === undefined || (isObj(next) && !Object.keys(next).length && rest.length)) delete container[key!];
  else container[key!] = next;
  return container as T;
}

/**
 * Every problem of a draft, with its JSON path: the schema's (with "did you mean" for a misspelled key), the
 * plain-text rule's, then the options page's own (the built-in pack's id is taken). With none, `pack` is the
 * parsed pack (texts trimmed, emails lower-cased), ready to save.
 */
export function validateDraft(draft: unknown, builtinId: string): { issues: PathIssue[]; pack: StrategyPack | null } {
  const r = packIssues(draft);
  const issues = [...r.issues];
  if (isObj(draft) && draft.id === builtinId) issues.push(builtinIdTaken(builtinId));
  return { issues: issues.map((issue) => ({ path: pathString(issue.path), issue })), pack: issues.length ? null : r.pack };
}

/** Text input → value: an empty field means "not set". */
export const textValue = (s: string): string | undefined => (s.trim() === '' ? undefined : s);

/** Number input → value: empty is "not set", anything else is kept as typed so the schema can say what is wrong. */
export const numberValue = (s: string): number | string | undefined => {
  if (s.trim() === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : s;
};

/** One entry per line → list; no lines means "not set". */
export const linesValue = (s: string): string[] | undefined => {
  const lines = s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length ? lines : undefined;
};
