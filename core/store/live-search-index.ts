import type { ObservabilitySet } from 'dexie';
import type { StrategyPack } from '../pack/schema';
import type { TipazhDb } from './db';
import { forEachClientChunk } from './client-chunks';
import { indexedClient } from './indexed-client';
import { SearchIndex } from './search-index';
import { changedKeys, dexieFeed, type MutationFeed, type TreeNode } from './client-changes';

export interface LiveSearchIndex {
  /** The index, current with every write so far; built first (or again, after a bulk change) when it is not. */
  get(): Promise<SearchIndex>;
  /** The index if it is built and current, without waiting. */
  ready(): SearchIndex | undefined;
  /** Forgets the index (memory back); the next `get` builds it again. */
  drop(): void;
  dispose(): void;
}

export interface LiveSearchOptions {
  /** The effective pack, whose VIP lists and rules say who is VIP (read at each build); none: only tags and marks. */
  pack?: () => Promise<StrategyPack | undefined>;
  feed?: MutationFeed;
}

/**
 * The in-memory search index of one database, kept current from every write to its dossiers: in this
 * context and in any other page of the extension (Dexie relays those over a BroadcastChannel). Changed
 * dossiers are re-read by key. A change too large to follow (a restore's bulk writes), or to the packs (they
 * say who is VIP), only marks the index stale: it is built again when next needed, not after every chunk of a
 * restore.
 */
export function liveSearchIndex(db: TipazhDb, { pack: packOf, feed = dexieFeed }: LiveSearchOptions = {}): LiveSearchIndex {
  const part = `idb://${db.name}/clients/`;
  const packsPart = `idb://${db.name}/packs/`;
  /** The pack the index was built with: refreshes use it too. */
  let pack: StrategyPack | undefined;
  let current: SearchIndex | undefined;
  let stale = false;
  /** Bumped on drop and on every build: a build or refresh of an older generation lands nowhere. */
  let generation = 0;
  let building: Promise<SearchIndex> | undefined;
  /** True from a build's start until it goes live (in that same turn, not a microtask later). */
  let collecting = false;
  /** While a build runs: keys changed meanwhile, re-read before it goes live; 'all' for a bulk change. */
  let changedDuringBuild: Set<string> | 'all' = new Set();
  /** Refreshes run one after another, in the order the changes came. */
  let queue: Promise<void> = Promise.resolve();

  async function refresh(target: SearchIndex, keys: string[]): Promise<void> {
    const records = await db.clients.bulkGet(keys);
    keys.forEach((key, i) => {
      const c = records[i];
      if (c) target.put(indexedClient(c, pack));
      else target.delete(key);
    });
  }

  async function build(my: number): Promise<SearchIndex> {
    const next = new SearchIndex();
    pack = await packOf?.();
    await forEachClientChunk(db, (chunk) => {
      if (my !== generation) return false;
      for (const c of chunk) next.put(indexedClient(c, pack));
      return true;
    });
    // Catch up on what changed meanwhile; the index goes live in the same turn as the last check.
    for (;;) {
      if (my !== generation) return next;
      const changed = changedDuringBuild;
      changedDuringBuild = new Set();
      if (changed === 'all') {
        // A bulk change landed during the build (a restore): this index serves the search that asked, then goes.
        stale = true;
        break;
      }
      if (!changed.size) {
        stale = false;
        break;
      }
      await refresh(next, [...changed]);
    }
    next.sort();
    collecting = false;
    current = next;
    return next;
  }

  function startBuild(): Promise<SearchIndex> {
    const my = ++generation;
    changedDuringBuild = new Set();
    collecting = true;
    const run = build(my)
      .catch((e: unknown) => {
        // The old index (if any) missed what changed during the failed build: it is not used again.
        if (my === generation) {
          collecting = false;
          stale = true;
        }
        throw e;
      })
      .finally(() => {
        if (building === run) building = undefined;
      });
    building = run;
    return run;
  }

  const onChange = (parts: ObservabilitySet) => {
    // A pack change may change who is VIP: as a bulk change, the index is built again when next needed.
    const all = 'all' in parts || packsPart in parts;
    if (!all && !(part in parts)) return;
    const keys = all ? 'all' : changedKeys(parts[part] as TreeNode);
    if (collecting) {
      if (keys === 'all') changedDuringBuild = 'all';
      else if (changedDuringBuild !== 'all') for (const k of keys) changedDuringBuild.add(k);
      return;
    }
    if (!current || stale) return;
    if (keys === 'all') return void (stale = true);
    const target = current;
    queue = queue
      .then(() => refresh(target, keys))
      .catch((e: unknown) => {
        console.warn('[Tipazh] could not update the search index; it will be built again', e);
        if (current === target) stale = true;
      });
  };
  const stop = feed(onChange);

  return {
    get: () => (current && !stale ? Promise.resolve(current) : (building ?? startBuild())),
    ready: () => (stale ? undefined : current),
    drop() {
      generation++;
      collecting = false;
      current = undefined;
      stale = false;
      building = undefined;
    },
    dispose() {
      stop();
      this.drop();
    },
  };
}
