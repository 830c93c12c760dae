import Dexie, { type ObservabilitySet } from 'dexie';

/*
 * How a page hears that dossiers changed, in this context or in any other page of the extension (Dexie relays
 * those over a BroadcastChannel), and which ones: the search index and the options page's "client seen last"
 * follow the dossiers by these.
 */

/** A change naming more dossiers than this (a restore, an import) is answered by reading everything again. */
const MAX_REFRESH = 2000;

export interface TreeNode {
  d?: number;
  from?: unknown;
  to?: unknown;
  l?: TreeNode | null;
  r?: TreeNode | null;
}

/**
 * The dossier keys a change names, read from Dexie's interval tree (plain objects once it has crossed a
 * BroadcastChannel). 'all' when it names a range (a bulk write, a clear) or too many keys to re-read.
 */
export function changedKeys(tree: TreeNode | undefined, max = MAX_REFRESH): string[] | 'all' {
  const out: string[] = [];
  const stack = tree ? [tree] : [];
  while (stack.length) {
    const n = stack.pop()!;
    if (!('from' in n)) continue;
    if (typeof n.from !== 'string' || n.from !== n.to || out.push(n.from) > max) return 'all';
    if (n.l) stack.push(n.l);
    if (n.r) stack.push(n.r);
  }
  return out;
}

/** How a watcher hears of changes: Dexie's storagemutated, which also carries other pages' writes. */
export type MutationFeed = (onChange: (parts: ObservabilitySet) => void) => () => void;

export const dexieFeed: MutationFeed = (onChange) => {
  Dexie.on('storagemutated', onChange);
  return () => Dexie.on('storagemutated').unsubscribe(onChange);
};

/** The dossiers a change names in database `dbName` ('all' for a bulk change), or null when it names none. */
export function clientChangesIn(parts: ObservabilitySet, dbName: string): string[] | 'all' | null {
  if ('all' in parts) return 'all';
  const part = `idb://${dbName}/clients/`;
  return part in parts ? changedKeys(parts[part] as TreeNode) : null;
}
