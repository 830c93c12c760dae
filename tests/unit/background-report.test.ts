import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { tabStateKey } from '../../core/protocol';
import { TipazhDb } from '../../core/store/db';
import { forgetTab, handleReport } from '../../entrypoints/background/handle-report';
import { makeSnapshot } from './helpers';

let db: TipazhDb;
afterEach(async () => db?.delete());

const stateOf = async (tabId: number) => (await fakeBrowser.storage.session.get(tabStateKey(tabId)))[tabStateKey(tabId)];

describe('handleReport', () => {
  it('records the visit and the tab state for a client page', async () => {
    db = new TipazhDb(`bg-${Math.random()}`);
    const snapshot = makeSnapshot();
    const res = await handleReport(db, { kind: 'page', state: 'client', url: 'https://acme.zendesk.com/agent/tickets/1203', snapshot }, 7);
    expect(res).toEqual({ ok: true });
    expect(await db.clients.get('zendesk:acme:42')).toMatchObject({ name: 'Megan Price', visitCount: 1 });
    expect(await stateOf(7)).toMatchObject({ tabId: 7, state: 'client', clientKey: 'zendesk:acme:42', snapshot: { client: { name: 'Megan Price' } } });
  });

  it('refuses a malformed report, says where, and writes nothing', async () => {
    db = new TipazhDb(`bg-${Math.random()}`);
    const bad = { kind: 'page', state: 'client', url: 'https://acme.zendesk.com/x', snapshot: { ...makeSnapshot(), client: { name: 5 } } };
    const res = await handleReport(db, bad, 7);
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error).toMatch(/snapshot\.client\.externalId/);
    expect(await db.clients.count()).toBe(0);
    expect(await stateOf(7)).toBeUndefined();
  });

  it('keeps "no client" and error states per tab, and forgets closed tabs', async () => {
    db = new TipazhDb(`bg-${Math.random()}`);
    await handleReport(db, { kind: 'page', state: 'none', url: 'https://acme.zendesk.com/agent/dashboard' }, 1);
    await handleReport(db, { kind: 'page', state: 'error', url: 'https://acme.zendesk.com/agent/tickets/1', message: 'HTTP 500' }, 2);
    expect(await stateOf(1)).toMatchObject({ state: 'none' });
    expect(await stateOf(2)).toMatchObject({ state: 'error', message: 'HTTP 500' });
    await forgetTab(2);
    expect(await stateOf(2)).toBeUndefined();
  });

  it('ignores reports that do not come from a tab', async () => {
    db = new TipazhDb(`bg-${Math.random()}`);
    expect(await handleReport(db, { kind: 'page', state: 'none', url: 'x' }, undefined)).toMatchObject({ ok: false });
  });
});
