import type { ClientRecord, TipazhDb } from './db';

/** Dossiers per read when every one must be visited: small enough to keep the background responsive. */
export const CLIENT_CHUNK = 1000;

/**
 * Visits every dossier in key order, `size` at a time, each chunk one read of its own, so that other work
 * goes on between chunks and memory holds one chunk, not the whole table. `fn` answering false stops the walk.
 */
export async function forEachClientChunk(
  db: TipazhDb,
  fn: (chunk: ClientRecord[]) => boolean | void | Promise<boolean | void>,
  size = CLIENT_CHUNK,
): Promise<void> {
  let after: string | undefined;
  for (;;) {
    const from = after === undefined ? db.clients.orderBy(':id') : db.clients.where(':id').above(after);
    const chunk = await from.limit(size).toArray();
    if ((await fn(chunk)) === false || chunk.length < size) return;
    after = chunk[chunk.length - 1]!.key;
  }
}
