import { browser } from 'wxt/browser';
import { PageReport, STORAGE_FULL, TAB_STATE_PREFIX, TabState, tabStateKey } from '../../core/messages/page-report';
import { compactSnapshot } from '../../core/compact-snapshot';
import { briefIssues } from '../../core/schema/brief-issues';
import { z } from '../../core/schema/zod';
import { snapshotFromRaw } from '../../core/sources/raw-read';
import { helpdeskOfHost } from '../../core/sources/sites';
import { customHosts } from './custom-hosts';
import { clientKeyOf } from '../../core/schema/snapshot';
import type { TipazhDb } from '../../core/store/db';
import { recordVisit } from '../../core/store/dossiers';
import { isNeverRecorded } from '../../core/privacy';
import { getNeverRecord as neverRecordList } from '../../core/store/never-record';

export type ReportResult = { ok: true } | { ok: false; error: string };

/** Which tab sent a report, and the address of the page that sent it (as the browser says, not the report). */
export interface ReportSender {
  tabId: number | undefined;
  url: string | undefined;
}

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

/** The helpdesk and account of the page that sent a report (its origin as the browser says), or why there is none. */
type Sender = { origin: string; page: ReturnType<typeof helpdeskOfHost> };

/**
 * Why a report cannot be from the page that sent it, or null: it must describe that page's address, and a
 * client it names must belong to that page's helpdesk and account (a script in a Zendesk tab cannot write
 * an amoCRM client's dossier).
 */
function foreignReport(r: PageReport, { origin, page }: Sender): string | null {
  if (originOf(r.url) !== origin) return `report for ${originOf(r.url) ?? 'an invalid address'} from ${origin}`;
  const claimed =
    r.state === 'client' ? r.snapshot : r.state === 'raw' ? (r.read as { target?: { source?: unknown; account?: unknown } } | null)?.target : undefined;
  if (!claimed) return null;
  if (!page || claimed.source !== page.source || claimed.account !== page.account) {
    return `report for ${String(claimed.source)} account ${String(claimed.account)} from ${origin}, which is ${page ? `${page.source} account ${page.account}` : 'no helpdesk Tipazh reads'}`;
  }
  return null;
}

/** Saves what a tab's content script saw: the dossier visit in IndexedDB, the tab's state in session storage. */
export async function handleReport(db: TipazhDb, message: unknown, sender: ReportSender, now = Date.now()): Promise<ReportResult> {
  const { tabId } = sender;
  if (tabId == null) return { ok: false, error: 'report without a tab' };
  const parsed = PageReport.safeParse(message);
  if (!parsed.success) {
    const error = briefIssues(parsed.error);
    console.warn('[Tipazh] refused a page report:\n' + error);
    return { ok: false, error };
  }
  const origin = sender.url && originOf(sender.url);
  // Read once: whether the report may come from this page, and which helpdesk the panel names.
  const page = origin ? helpdeskOfHost(new URL(sender.url!), await customHosts()) : null;
  const foreign = origin ? foreignReport(parsed.data, { origin, page }) : 'report from a page without an address';
  if (foreign) {
    console.warn(`[Tipazh] refused a page report: ${foreign}`);
    return { ok: false, error: foreign };
  }
  let r = parsed.data;
  // The helpdesk the page belongs to (the report came from it: checked above), so the panel can name it.
  const source = page?.source;
  if (r.state === 'raw') {
    // The content script sends what it read as it came; here it is validated and becomes a snapshot.
    try {
      r = { kind: 'page', state: 'client', url: r.url, snapshot: snapshotFromRaw(r.read) };
    } catch (e) {
      const error = e instanceof z.core.$ZodError ? briefIssues(e) : e instanceof Error ? e.message : String(e);
      console.warn('[Tipazh] refused what the page gave:\n' + error);
      await saveTabState(TabState.parse({ tabId, state: 'error', url: r.url, source, message: error.slice(0, 2000), updatedAt: now }));
      return { ok: false, error };
    }
  }
  const state: TabState = { tabId, state: r.state as TabState['state'], url: r.url, source, updatedAt: now };
  if (r.state === 'client' && isNeverRecorded(r.snapshot, await neverRecordList(db))) {
    // On the agent's never-record list: no dossier, no visit, no snapshot kept; the panel says why.
    await saveTabState(TabState.parse({ tabId, state: 'none', url: r.url, source, message: 'never-record', updatedAt: now }));
    return { ok: true };
  }
  if (r.state === 'client') {
    state.snapshot = compactSnapshot(r.snapshot);
    state.clientKey = clientKeyOf(r.snapshot);
  } else if (r.state === 'error') {
    state.message = r.message;
  }
  // The panel shows the client as soon as the tab state lands; the dossier catches up a moment later. A
  // state that cannot be kept still leaves the visit recorded.
  await saveTabState(TabState.parse(state));
  // What the panel says of the client goes into this visit when the panel shows it (recordVerdict).
  if (r.state === 'client') await recordVisit(db, r.snapshot, now);
  return { ok: true };
}

/**
 * Writes a tab's state. When session storage refuses (it is full), the states of closed tabs are dropped and
 * the write tried again; if it still fails, the tab gets a small error state the panel shows, never silence.
 */
async function saveTabState(state: TabState): Promise<void> {
  const key = tabStateKey(state.tabId);
  try {
    await browser.storage.session.set({ [key]: state });
    return;
  } catch (e) {
    console.warn('[Tipazh] session storage refused a tab state; dropping closed tabs and trying again', e);
  }
  await sweepClosedTabs().catch((e: unknown) => console.warn('[Tipazh] could not list the tabs', e));
  try {
    await browser.storage.session.set({ [key]: state });
  } catch (e) {
    console.error('[Tipazh] session storage is full', e);
    const failed: TabState = { tabId: state.tabId, state: 'error', url: state.url, source: state.source, message: STORAGE_FULL, updatedAt: state.updatedAt };
    await browser.storage.session.remove(key).catch(() => undefined);
    await browser.storage.session.set({ [key]: failed }).catch((e2: unknown) => console.error('[Tipazh] could not even say so', e2));
  }
}

/** Drops the stored states of tabs that are no longer open (a closing the background missed, e.g. while asleep). */
export async function sweepClosedTabs(): Promise<void> {
  const open = new Set((await browser.tabs.query({})).map((t) => t.id));
  const stored = Object.keys(await browser.storage.session.get(null)).filter((k) => k.startsWith(TAB_STATE_PREFIX));
  const closed = stored.filter((k) => !open.has(Number(k.slice(TAB_STATE_PREFIX.length))));
  if (closed.length) await browser.storage.session.remove(closed);
}

/** A tab that left the helpdesk (or closed) has no client any more. */
export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabStateKey(tabId));
}
