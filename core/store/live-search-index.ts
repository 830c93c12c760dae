import Dexie, { type ObservabilitySet } from 'dexie';
import type { TipazhDb } from './db';
import { forEachClientChunk } from './client-chunks';
import { SearchIndex } from './search-index';

/** A change naming more dossiers than this (a restore, an import) is answered by building the index again. */
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

/** How the index hears of changes: Dexie's storagemutated, which also carries other pages' writes. */
export type MutationFeed = (onChange: (parts: ObservabilitySet) => void) => () => void;

const dexieFeed: MutationFeed = (onChange) => {
  Dexie.on('storagemutated', onChange);
  return () => Dexie.on('storagemutated').unsubscribe(onChange);
};

export interface LiveSearchIndex {
  /** The index, when it is built and current; undefined while it is being (re)built. */
  ready(): SearchIndex | undefined;
  /** Builds the index unless it is built; resolves when it is ready. */
  prepare(): Promise<void>;
  /** Forgets the index (memory back); the next `prepare` builds it again. */
  drop(): void;
  dispose(): void;
}

/**
 * The in-memory search index of one database, kept current from every write to its dossiers: in this
 * context and in any other page of the extension (Dexie relays those over a BroadcastChannel). Changed
 * dossiers are re-read by key; a change too large to follow (a restore) builds the index again, and until
 * then searches go to IndexedDB.
 */
export function liveSearchIndex(db: TipazhDb, feed: MutationFeed = dexieFeed): LiveSearchIndex {
  const part = `idb://${db.name}/clients/`;
  let index: SearchIndex | undefined;
  /** Bumped on drop and on every rebuild: a build or refresh of an older generation lands nowhere. */
  let generation = 0;
  let building: Promise<void> | undefined;
  /** Keys changed while a build runs, re-read once it is done; 'all' when the build must start over. */
  let changedDuringBuild: Set<string> | 'all' | undefined;
  /** Refreshes run one after another, in the order the changes came. */
  let queue: Promise<void> = Promise.resolve();

  async function refresh(target: SearchIndex, keys: string[]): Promise<void> {
    const records = await db.clients.bulkGet(keys);
    keys.forEach((key, i) => {
      const c = records[i];
      if (c) target.put(c);
      else target.delete(key);
    });
  }

  async function build(my: number): Promise<void> {
    const next = new SearchIndex();
    await forEachClientChunk(db, (chunk) => {
      if (my !== generation) return false;
      for (const c of chunk) next.put(c);
    });
    if (my !== generation) return;
    // Catch up on what changed meanwhile; the index goes live in the same turn as the last check.
    for (;;) {
      const changed = changedDuringBuild;
      changedDuringBuild = new Set();
      if (changed === 'all') return build(my);
      if (!changed?.size) break;
      await refresh(next, [...changed]);
      if (my !== generation) return;
    }
    index = next;
  }

  function startBuild(): Promise<void> {
    const my = ++generation;
    index = undefined;
    changedDuringBuild = new Set();
    const run = build(my).catch((e: unknown) => console.warn('[Tipazh] could not build the search index; searching the database instead', e));
    const settled = run.finally(() => {
      if (building === settled) building = undefined;
    });
    building = settled;
    return settled;
  }

  const onChange = (parts: ObservabilitySet) => {
    const all = 'all' in parts;
    if (!all && !(part in parts)) return;
    if (!index && !building) return;
    const keys = all ? 'all' : changedKeys(parts[part] as TreeNode);
    if (!index) {
      if (keys === 'all') changedDuringBuild = 'all';
      else if (changedDuringBuild !== 'all') {
        const pending: Set<string> = changedDuringBuild ?? new Set();
        for (const k of keys) pending.add(k);
        changedDuringBuild = pending;
      }
      return;
    }
    if (keys === 'all') return void startBuild();
    const target = index;
    queue = queue
      .then(() => refresh(target, keys))
      .catch((e: unknown) => {
        console.warn('[Tipazh] could not update the search index; building it again', e);
        if (index === target) void startBuild();
      });
  };
  const stop = feed(onChange);

  return {
    ready: () => index,
    prepare: () => (index ? Promise.resolve() : (building ?? startBuild())),
    drop() {
      generation++;
      index = undefined;
      building = undefined;
      changedDuringBuild = undefined;
    },
    dispose() {
      stop();
      this.drop();
    },
  };
}
