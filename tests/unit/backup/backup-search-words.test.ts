import { describe, expect, it } from 'vitest';
import { exportBackup } from '../../../core/backup/export';
import { BACKUP_FORMAT } from '../../../core/backup/format';
import { applyRestore, planRestore } from '../../../core/backup/restore';
import { parseBackup } from '../../../core/backup/read-backup';
import { recordVisit } from '../../../core/store/dossiers';
import { searchClients, searchTokensOf } from '../../../core/store/search';
import { SearchIndex } from '../../../core/store/search-index';
import { indexedClient } from '../../../core/store/indexed-client';
import { signed } from '../../support/backup-file';
import { freshDatabases, makeSnapshot } from '../helpers';

const fresh = freshDatabases('bw');
const KEY = 'zendesk:acme:42';

/** A Zendesk client tagged VIP (by the helpdesk) with a Russian name and a phone. */
const vipSnapshot = () =>
  makeSnapshot({ client: { externalId: '42', name: 'Ольга Миронова', email: 'olga@example.com', phone: '+7 903 123-45-67', tags: ['VIP', 'Gold tier'] } });

async function parsed(text: string) {
  const r = await parseBackup(text);
  if (!r.ok) throw new Error(r.error);
  return r.backup;
}

describe('search words and helpdesk tags in backups', () => {
  it('a backup keeps the helpdesk tags, not the search words (derived again on restore); restoring into the same profile changes nothing', async () => {
    const src = fresh();
    await recordVisit(src, vipSnapshot(), 1000);
    const text = await exportBackup(src);
    expect(text).not.toMatch(/searchTokens/);
    const backup = await parsed(text);
    expect(backup.data.clients[0]).toMatchObject({ helpdeskTags: ['VIP', 'Gold tier'] });
    expect(await planRestore(src, backup)).toMatchObject({ conflicts: [], update: { clients: 0 } });

    const dst = fresh();
    await applyRestore(dst, backup);
    expect(await dst.clients.get(KEY)).toEqual(await src.clients.get(KEY));
  });

  it('a backup from before schema version 9 (helpdesk tags only among the search words) restores them, and the client is still VIP and found by them', async () => {
    const src = fresh();
    await recordVisit(src, vipSnapshot(), 1000);
    const file = JSON.parse(await exportBackup(src));
    // As version 8 wrote it: no helpdeskTags, and its search words (phone digits whole, last 10, last 7; tags folded).
    const { helpdeskTags: _, ...old } = file.data.clients[0];
    file.data.clients[0] = {
      ...old,
      searchTokens: ['ольга', 'миронова', 'olga@example.com', 'olga', 'example.com', '79031234567', '9031234567', '1234567', 'vip', 'gold tier'],
    };
    expect(file.format).toBe(BACKUP_FORMAT);
    const backup = await parsed(await signed(file));
    expect(backup.data.clients[0]).toMatchObject({ helpdeskTags: ['vip', 'gold tier'] });

    const dst = fresh();
    await applyRestore(dst, backup);
    const stored = (await dst.clients.get(KEY))!;
    expect(stored.searchTokens).toEqual(searchTokensOf(stored));
    const index = new SearchIndex();
    index.put(indexedClient(stored, undefined));
    for (const q of ['vip', 'gold', 'mironova', '8 903 123 45 67'])
      expect(
        searchClients(index, q).map((c) => [c.key, c.vip]),
        q,
      ).toEqual([[KEY, 'helpdesk']]);
  });
});
