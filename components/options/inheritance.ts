import { sourceOf, type EffectivePack } from '../../core/pack/merge';
import type { LocText } from '../../core/pack/schema';
import { getAt, type Path } from './draft';

/*
 * A type's strategy, boundaries and phrases are lists a pack replaces as a whole (core/pack/merge.ts): one
 * phrase added to a list that starts empty would hide every phrase the packs below give. So a list set here
 * starts as a copy of the inherited one, each item marked as such, and the lead removes what should go.
 */

/** What the layers under the edited pack give at `path`, and which pack gives it. */
export interface Inheritance {
  items: readonly unknown[];
  /** The name of the pack the inherited list comes from. */
  from?: LocText;
}

export function inheritedAt(below: EffectivePack, path: Path): Inheritance {
  const items = getAt(below.pack, path);
  const id = sourceOf(below, path.join('.'));
  return { items: Array.isArray(items) ? items : [], from: id ? below.names[id] : undefined };
}

/** The value at a list's path in the draft: not set here, a list, or something else a file held (a text, a number…). */
export type ListAt = { kind: 'unset' } | { kind: 'list'; items: unknown[] } | { kind: 'other'; value: unknown };

export function listAt(draft: unknown, path: Path): ListAt {
  const v = getAt(draft, path);
  return v === undefined ? { kind: 'unset' } : Array.isArray(v) ? { kind: 'list', items: v } : { kind: 'other', value: v };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const idOf = (v: unknown) => (v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: string }).id : undefined);

/**
 * How an item of a list set here relates to the inherited list: as inherited, an inherited item changed here
 * (the same phrase id, other words), or the pack's own.
 */
export type ItemOrigin = 'inherited' | 'changed' | 'own';

export function originOf(item: unknown, inherited: readonly unknown[]): ItemOrigin {
  if (inherited.some((x) => same(x, item))) return 'inherited';
  const id = idOf(item);
  return id !== undefined && inherited.some((x) => idOf(x) === id) ? 'changed' : 'own';
}

/** The inherited items a list set here leaves out (neither kept nor changed). */
export function leftOut(list: readonly unknown[], inherited: readonly unknown[]): unknown[] {
  return inherited.filter((x) => !list.some((item) => same(item, x) || (idOf(x) !== undefined && idOf(item) === idOf(x))));
}

/**
 * The list after adding `item` (none: just starting it): a list not set here starts as a copy of the inherited
 * one, so what is saved is what the agent sees.
 */
export function withItem(current: ListAt, inherited: readonly unknown[], item?: unknown): unknown[] {
  const base = current.kind === 'list' ? current.items : structuredClone([...inherited]);
  return item === undefined ? [...base] : [...base, item];
}
