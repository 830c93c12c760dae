import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { STORAGE_FULL, tabStateKey } from '../../../core/messages/page-report';
import type { ClientSnapshot } from '../../../core/schema/snapshot';
import { CUSTOM_HELPDESKS_KEY } from '../../../core/sources/custom-helpdesks';
import { TipazhDb } from '../../../core/store/db';
import { forgetTab, handleReport } from '../../../entrypoints/background/handle-report';
import { makeSnapshot } from '../helpers';

let db: TipazhDb;
afterEach(async () => db?.delete());

/** A sender: tab `tabId` showing a ticket of acme.zendesk.com. */
const zd = (tabId: number) => ({ tabId, url: 'https://acme.zendesk.com/agent/tickets/1203' });
const stateOf = async (tabId: number) => (await fakeBrowser.storage.session.get(tabStateKey(tabId)))[tabStateKey(tabId)];

describe('handleReport', () => {
  it('records the visit and the tab state for a client page', async () => {
    db = new TipazhDb(`bg-${Math.random()}`);
    const snapshot = makeSnapshot();
    const res = await handleReport(db, { kind: 'page', state: 'client', url: 'https://acme.zendesk.com/agent/tickets/1203', snapshot }, zd(7));
    expect(res).toEqual({ ok: true });
    expect(await db.clients.get('zendesk:acme:42')).toMatchObject({ name: 'Megan Price', visitCount: 1 });
    expect(await stateOf(7)).toMatchObject({ tabId: 7, state: 'client', clientKey: 'zendesk:acme:42', snapshot: { client: { name: 'Megan Price' } } });
  });

  it('refuses a malformed report, says where, and writes nothing', async () => {
    db = new TipazhDb(`bg-${Math.random()}`);
    const bad = { kind: 'page', state: 'client', url: 'https://acme.zendesk.com/x', snapshot: { ...makeSnapshot(), client: { name: 5 } } };
    const res = await handleReport(db, bad, zd(7));
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error).toMatch(/snapshot\.client\.externalId/);
    expect(await db.clients.count()).toBe(0);
    expect(await stateOf(7)).toBeUndefined();
  });

  it('keeps "no client" and error states per tab, and forgets closed tabs', async () => {
    db = new TipazhDb(`bg-${Math.random()}`);
    await handleReport(db, { kind: 'page', state: 'none', url: 'https://acme.zendesk.com/agent/dashboard' }, zd(1));
    await handleReport(db, { kind: 'page', state: 'error', url: 'https://acme.zendesk.com/agent/tickets/1', message: 'HTTP 500' }, zd(2));
    expect(await stateOf(1)).toMatchObject({ state: 'none', source: 'zendesk' });
    expect(await stateOf(2)).toMatchObject({ state: 'error', message: 'HTTP 500', source: 'zendesk' });
    // The panel names the helpdesk of a page without a client: amoCRM's "add lead" form.
    await handleReport(
      db,
      { kind: 'page', state: 'none', url: 'https://brewly.amocrm.ru/leads/add/' },
      { tabId: 3, url: 'https://brewly.amocrm.ru/leads/add/' },
    );
    expect(await stateOf(3)).toMatchObject({ state: 'none', source: 'amocrm' });
    await forgetTab(2);
    expect(await stateOf(2)).toBeUndefined();
  });

  it('ignores reports that do not come from a tab', async () => {
    db = new TipazhDb(`bg-${Math.random()}`);
    expect(await handleReport(db, { kind: 'page', state: 'none', url: 'x' }, { tabId: undefined, url: 'https://acme.zendesk.com/' })).toMatchObject({
      ok: false,
    });
  });

  it('refuses a report that is not about the page that sent it, and writes nothing', async () => {
    db = new TipazhDb(`bg-${Math.random()}`);
    const victim = makeSnapshot({ source: 'amocrm', account: 'victim.amocrm.ru', client: { externalId: '9', name: 'Victim' } });
    // From a Zendesk tab: a report naming an amoCRM client, under the tab's own address or the victim's.
    for (const url of ['https://acme.zendesk.com/agent/tickets/1203', 'https://victim.amocrm.ru/leads/detail/9']) {
      const res = await handleReport(db, { kind: 'page', state: 'client', url, snapshot: victim }, zd(7));
      expect(res.ok).toBe(false);
    }
    // Another Zendesk account than the tab's.
    const other = await handleReport(
      db,
      { kind: 'page', state: 'client', url: 'https://acme.zendesk.com/agent/tickets/1', snapshot: makeSnapshot({ account: 'rival' }) },
      zd(7),
    );
    expect(!other.ok && other.error).toMatch(/zendesk account rival from https:\/\/acme\.zendesk\.com, which is zendesk account acme/);
    // A raw read claiming another account.
    const raw = await handleReport(
      db,
      {
        kind: 'page',
        state: 'raw',
        url: 'https://acme.zendesk.com/agent/tickets/1',
        read: {
          kind: 'zendesk-ticket',
          target: { source: 'zendesk', account: 'rival', kind: 'ticket', id: '1' },
          url: 'https://acme.zendesk.com/agent/tickets/1',
        },
      },
      zd(7),
    );
    expect(raw.ok).toBe(false);
    expect(await db.clients.count()).toBe(0);
    expect(await stateOf(7)).toBeUndefined();
  });

  it('takes reports from an address the agent added, for the helpdesk it was added as', async () => {
    db = new TipazhDb(`bg-${Math.random()}`);
    await fakeBrowser.storage.local.set({ [CUSTOM_HELPDESKS_KEY]: [{ origin: 'https://support.acme.com', kind: 'zendesk' }] });
    const sender = { tabId: 4, url: 'https://support.acme.com/agent/tickets/5' };
    const ok = await handleReport(db, { kind: 'page', state: 'client', url: sender.url, snapshot: makeSnapshot({ account: 'support.acme.com' }) }, sender);
    expect(ok).toEqual({ ok: true });
    const asAmo = await handleReport(
      db,
      { kind: 'page', state: 'client', url: sender.url, snapshot: makeSnapshot({ source: 'amocrm', account: 'support.acme.com' }) },
      sender,
    );
    expect(asAmo.ok).toBe(false);
  });

  it('keeps a bounded tab state for a huge ticket and says what it left out', async () => {
    db = new TipazhDb(`bg-${Math.random()}`);
    // 60 messages of 190,000 characters: about 11 MB, more than all of session storage.
    const conversation = Array.from({ length: 60 }, (_, i) => ({ author: 'client' as const, text: `${i} ${'жалоба '.repeat(27_000)}`, public: true }));
    const snapshot = makeSnapshot({ conversation, omitted: { older: 40 } });
    expect(await handleReport(db, { kind: 'page', state: 'client', url: 'https://acme.zendesk.com/agent/tickets/1203', snapshot }, zd(7))).toEqual({
      ok: true,
    });
    const state = (await stateOf(7)) as { snapshot: ClientSnapshot };
    expect(JSON.stringify(state).length).toBeLessThan(600_000);
    const kept = state.snapshot.conversation;
    expect(kept.at(-1)!.text.startsWith('59 ')).toBe(true); // the newest is kept
    expect(state.snapshot.omitted).toEqual({ older: 40 + 60 - kept.length, shortened: kept.length });
    expect(await db.clients.get('zendesk:acme:42')).toMatchObject({ visitCount: 1 });
  });

  it('when session storage is full: drops closed tabs, and if that is not enough the panel is told, never left reading', async () => {
    db = new TipazhDb(`bg-${Math.random()}`);
    const session = fakeBrowser.storage.session;
    const realSet = session.set.bind(session);
    // A quota like Chrome's, counted in characters of JSON.
    let quota = 10_000;
    vi.spyOn(session, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      const all = { ...(await session.get(null)), ...items };
      if (JSON.stringify(all).length > quota) throw new Error('Session storage quota bytes exceeded.');
      return realSet(items);
    });
    const [open] = await fakeBrowser.tabs.query({});
    const big = makeSnapshot({ conversation: [{ author: 'client', text: 'x'.repeat(4_000), public: true }] });
    const report = (tabId: number, now = Date.now()) =>
      handleReport(db, { kind: 'page', state: 'client', url: 'https://acme.zendesk.com/agent/tickets/1203', snapshot: big }, zd(tabId), now);
    // Tabs 101 and 102 were closed while the background slept; their states are still there.
    await report(101);
    await report(102);
    expect(await report(open?.id ?? 0)).toEqual({ ok: true });
    expect(await stateOf(101)).toBeUndefined();
    expect(await stateOf(open?.id ?? 0)).toMatchObject({ state: 'client' });
    // No room even then: a small error state the panel words, and the visit is still recorded.
    quota = 3_000;
    const later = Date.now() + 86_400_000;
    expect(await report(open?.id ?? 0, later)).toEqual({ ok: true });
    expect(await stateOf(open?.id ?? 0)).toMatchObject({ state: 'error', message: STORAGE_FULL });
    expect(await db.clients.get('zendesk:acme:42')).toMatchObject({ lastSeen: later });
  });
});
