import { afterEach, expect, it } from 'vitest';
import { forEachClientChunk } from '../../../core/store/client-chunks';
import { TipazhDb } from '../../../core/store/db';
import { clientOf } from '../helpers';

let db: TipazhDb;
afterEach(async () => db?.delete());

it('visits every dossier once, in key order, a chunk at a time, and stops when asked', async () => {
  db = new TipazhDb(`chunks-${Math.random()}`);
  const keys = Array.from({ length: 10 }, (_, i) => `zendesk:t:${i}`);
  await db.clients.bulkPut(keys.map((key) => clientOf(key)));
  const seen: string[][] = [];
  await forEachClientChunk(db, (chunk) => void seen.push(chunk.map((c) => c.key)), 3);
  expect(seen.map((c) => c.length)).toEqual([3, 3, 3, 1]);
  expect(seen.flat()).toEqual([...keys].sort());
  let calls = 0;
  await forEachClientChunk(db, () => ++calls < 2, 3);
  expect(calls).toBe(2);
  calls = 0;
  await db.clients.clear();
  await forEachClientChunk(db, () => void calls++, 3);
  expect(calls).toBe(1);
});
