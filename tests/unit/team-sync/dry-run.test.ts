import { describe, expect, it } from 'vitest';
import { readDefaultPack } from '../../../core/pack/node-default';
import { asConfirmed, dryRun } from '../../../core/team-sync/dry-run';
import { exampleTags } from '../../../core/team-sync/examples';
import { queueSummary } from '../../../core/team-sync/overview';
import { NOT_DUE, planWrite } from '../../../core/team-sync/queue';
import type { TeamSyncRecord } from '../../../core/team-sync/record';
import { teamSyncSettings } from '../../../core/team-sync/settings';
import { freshDatabases, numberedClient } from '../helpers';

const fresh = freshDatabases('dry-run');
const pack = { ...readDefaultPack(), teamSync: { enabled: true } };

describe('team sync dry run', () => {
  it('computes what the queue then plans, and what confirming a shown type would write, changing nothing', async () => {
    const db = fresh();
    const c = numberedClient(1, { typeConfirmed: { type: 'tester', at: 1 }, helpdeskTags: ['tipazh_impatient'] });
    await db.clients.put(c);
    const run = dryRun(c, pack, undefined);
    expect(run).toMatchObject({ add: ['tipazh_tester'], remove: ['tipazh_impatient'], plan: { target: { kind: 'user', id: '1' } } });
    const queued = await planWrite(db, c.key, pack, 'Anna');
    expect({ add: queued?.add, remove: queued?.remove }).toEqual({ add: run.add, remove: run.remove });
    // What the queue already means to add counts as Tipazh's own: confirming another type takes it back.
    const other = dryRun(asConfirmed(c, 'complainer'), pack, undefined, queued);
    expect(other).toMatchObject({ add: ['tipazh_complainer'], remove: ['tipazh_tester', 'tipazh_impatient'] });
    expect((await db.clients.get(c.key))?.typeConfirmed?.type).toBe('tester');
  });

  it('gives one example tag per part written, and none for a segment no client can be put in', () => {
    const s = teamSyncSettings({ prefix: 'acme_', write: ['segment', 'type', 'vip'] }, undefined);
    expect(
      exampleTags(s, [
        { id: 'everyone', name: { en: 'All' }, priority: 4 },
        { id: 'key-accounts', name: { en: 'Key' }, priority: 1, tags: ['key'] },
      ]),
    ).toEqual([
      { part: 'type', tag: 'acme_extortionist' },
      { part: 'vip', tag: 'acme_vip' },
      { part: 'segment', tag: 'acme_seg_key_accounts' },
    ]);
    expect(exampleTags(s, [{ id: 'everyone', name: { en: 'All' }, priority: 4 }]).at(-1)).toEqual({ part: 'segment' });
  });

  it('sums the queue up: writes waiting, and refused ones by account and reason', async () => {
    const db = fresh();
    const rec = (key: string, account: string, over: Partial<TeamSyncRecord>): TeamSyncRecord => ({
      key,
      account,
      source: account.startsWith('zendesk') ? 'zendesk' : 'amocrm',
      target: { kind: 'user', id: '1' },
      written: [],
      wanted: [],
      prefix: 'tipazh_',
      add: ['tipazh_tester'],
      remove: [],
      state: 'refused',
      attempts: 1,
      nextAt: NOT_DUE,
      rev: 1,
      who: 'Anna',
      updatedAt: 1,
      ...over,
    });
    await db.teamSync.bulkPut([
      rec('a1', 'zendesk:b', { reason: 'missing', status: 404 }),
      rec('a2', 'zendesk:b', { reason: 'forbidden', status: 403 }),
      rec('a3', 'zendesk:b', { reason: 'forbidden', status: 403 }),
      rec('a4', 'amocrm:a', { reason: 'invalid', status: 400 }),
      rec('a5', 'zendesk:b', { state: 'waiting', nextAt: 5 }),
      rec('a6', 'zendesk:b', { state: 'done', add: [] }),
    ]);
    expect(await queueSummary(db)).toEqual({
      waiting: 1,
      refused: [
        { account: 'amocrm:a', source: 'amocrm', clients: 1, reasons: [{ reason: 'invalid', status: 400, clients: 1 }] },
        {
          account: 'zendesk:b',
          source: 'zendesk',
          clients: 3,
          reasons: [
            { reason: 'forbidden', status: 403, clients: 2 },
            { reason: 'missing', status: 404, clients: 1 },
          ],
        },
      ],
    });
  });
});
