import { forEachClientChunk } from './client-chunks';
import { clientChangesIn, dexieFeed, type MutationFeed } from './client-changes';
import type { ClientRecord, TipazhDb } from './db';

/*
 * The client the agent had open last: the dossier with the highest `lastSeen`. No index orders dossiers by it
 * (version 4 dropped it: every index entry costs a write on every put), so the first answer walks the dossiers a
 * chunk at a time, holding one chunk, never the whole table; after that, the dossiers a write names are read by
 * key, and only the loss of the newest one, or a bulk change (a restore, once its writes have settled), walks
 * them again.
 */

/** A change naming more dossiers than this is a bulk one: walked once, when the writes settle, not read as it comes. */
const BULK = 100;

type Seen = Pick<ClientRecord, 'key' | 'lastSeen'>;

/** Seen later; at the same moment, the higher key (as the search index orders them). */
const newer = (a: Seen, b: Seen | undefined) => !b || a.lastSeen > b.lastSeen || (a.lastSeen === b.lastSeen && a.key > b.key);

/** The dossier seen last, or undefined when there is none. */
export async function newestClient(db: TipazhDb): Promise<Seen | undefined> {
  let best: Seen | undefined;
  await forEachClientChunk(db, (chunk) => {
    for (const c of chunk) if (newer(c, best)) best = { key: c.key, lastSeen: c.lastSeen };
  });
  return best;
}

/**
 * Tells `onKey` the key of the dossier seen last (undefined: none), once found and again whenever it changes,
 * after writes in any page. Returns a function that stops watching.
 */
export function watchNewestClient(
  db: TipazhDb,
  onKey: (key: string | undefined) => void,
  opts: { feed?: MutationFeed; onError?: (e: unknown) => void; settleMs?: number } = {},
): () => void {
  const { feed = dexieFeed, onError = (e: unknown) => console.warn('[Tipazh] could not find the client seen last', e), settleMs = 1000 } = opts;
  let settle: ReturnType<typeof setTimeout> | undefined;
  let best: Seen | undefined;
  let told: string | undefined | null = null;
  let stopped = false;
  const tell = () => {
    if (stopped || told === best?.key) return;
    told = best?.key;
    onKey(told);
  };
  const walk = async () => {
    best = await newestClient(db);
  };
  const follow = async (keys: string[]) => {
    const records = await db.clients.bulkGet(keys);
    // The newest one gone or seen earlier than it was (a restore took an older copy): only a walk can tell.
    const mine = best && keys.indexOf(best.key);
    if (mine !== undefined && mine >= 0 && (records[mine]?.lastSeen ?? -1) < best!.lastSeen) return walk();
    for (const c of records) if (c && newer(c, best)) best = { key: c.key, lastSeen: c.lastSeen };
  };
  // One step at a time, in the order the changes came: a write during the first walk is read after it.
  let queue = Promise.resolve();
  const run = (step: () => Promise<void>) => {
    queue = queue
      .then(step)
      .then(tell)
      .catch((e: unknown) => {
        if (!stopped) onError(e);
      });
  };
  run(walk);
  const stop = feed((parts) => {
    const keys = clientChangesIn(parts, db.name);
    if (keys === 'all' || (keys && keys.length > BULK)) {
      // A restore writes chunk after chunk: one walk after the last, not a read of every chunk while it works.
      clearTimeout(settle);
      settle = setTimeout(() => run(walk), settleMs);
    } else if (keys?.length) run(() => follow(keys));
  });
  return () => {
    stopped = true;
    clearTimeout(settle);
    stop();
  };
}
