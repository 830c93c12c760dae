import type { ObservabilitySet } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { forgetPerson } from '../../../core/store/forget';
import { newestClient, watchNewestClient } from '../../../core/store/newest-client';
import type { MutationFeed } from '../../../core/store/client-changes';
import { freshDatabases, numberedClient } from '../helpers';

const fresh = freshDatabases('newest');

/** A feed the test fires by hand, counting the dossiers read meanwhile. */
function manualFeed() {
  let fire: ((parts: ObservabilitySet) => void) | undefined;
  const feed: MutationFeed = (cb) => {
    fire = cb;
    return () => (fire = undefined);
  };
  return { feed, fire: (parts: ObservabilitySet) => fire?.(parts) };
}

describe('the client seen last', () => {
  it('is the dossier with the highest lastSeen, found a chunk at a time (ties: the higher key); none in an empty store', async () => {
    const db = fresh();
    expect(await newestClient(db)).toBeUndefined();
    // Key order and time order disagree: the newest is in the middle.
    await db.clients.bulkPut([numberedClient(1, { lastSeen: 50 }), numberedClient(2, { lastSeen: 900 }), numberedClient(3, { lastSeen: 10 })]);
    expect(await newestClient(db)).toEqual({ key: 'zendesk:t:00002', lastSeen: 900 });
    await db.clients.put(numberedClient(4, { lastSeen: 900 }));
    expect((await newestClient(db))?.key).toBe('zendesk:t:00004');
  });

  it('is followed live: a newer visit takes over by reading only that dossier, a forgotten one makes it look again', async () => {
    const db = fresh();
    await db.clients.bulkPut(Array.from({ length: 30 }, (_, i) => numberedClient(i)));
    const keys: (string | undefined)[] = [];
    const stop = watchNewestClient(db, (k) => keys.push(k), { settleMs: 20 });
    await vi.waitFor(() => expect(keys).toEqual(['zendesk:t:00029']));

    const read = vi.spyOn(db.clients, 'bulkGet');
    await db.clients.put(numberedClient(3, { lastSeen: 5_000_000 }));
    await vi.waitFor(() => expect(keys.at(-1)).toBe('zendesk:t:00003'));
    expect(read).toHaveBeenCalledWith(['zendesk:t:00003']);
    // An older dossier changing does not move it, nor tell again.
    await db.clients.put(numberedClient(7, { name: 'Renamed' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(keys).toEqual(['zendesk:t:00029', 'zendesk:t:00003']);

    await forgetPerson(db, 'zendesk:t:00003');
    await vi.waitFor(() => expect(keys.at(-1)).toBe('zendesk:t:00029'));
    // A bulk write (a restore's chunk) is walked once the writes settle, not read as it comes.
    read.mockClear();
    await db.clients.bulkPut(Array.from({ length: 150 }, (_, i) => numberedClient(100 + i)));
    await vi.waitFor(() => expect(keys.at(-1)).toBe('zendesk:t:00249'));
    expect(read).not.toHaveBeenCalled();
    await db.clients.clear();
    await vi.waitFor(() => expect(keys.at(-1)).toBeUndefined());
    stop();
  });

  it('follows the dossiers its feed names, and says nothing once stopped', async () => {
    const db = fresh();
    await db.clients.bulkPut([numberedClient(1), numberedClient(2)]);
    const { feed, fire } = manualFeed();
    const keys: (string | undefined)[] = [];
    const stop = watchNewestClient(db, (k) => keys.push(k), { feed, settleMs: 0 });
    await db.clients.put(numberedClient(0, { lastSeen: 9_000_000 }));
    fire({ [`idb://${db.name}/clients/`]: { from: 'zendesk:t:00000', to: 'zendesk:t:00000', d: 1 } } as unknown as ObservabilitySet);
    await vi.waitFor(() => expect(keys.at(-1)).toBe('zendesk:t:00000'));
    stop();
    await db.clients.put(numberedClient(5, { lastSeen: 9_500_000 }));
    fire({ all: {} } as unknown as ObservabilitySet);
    await new Promise((r) => setTimeout(r, 50));
    expect(keys.at(-1)).toBe('zendesk:t:00000');
  });
});
