import { browser } from 'wxt/browser';
import { PageReport, TabState, tabStateKey } from '../../core/protocol';
import { formatIssues } from '../../core/schema/format-issues';
import { z } from '../../core/schema/zod';
import { snapshotFromRaw } from '../../core/sources/raw-read';
import { clientKeyOf } from '../../core/schema/snapshot';
import type { TipazhDb } from '../../core/store/db';
import { recordVisit } from '../../core/store/dossiers';
import { isNeverRecorded } from '../../core/privacy';
import { getNeverRecord as neverRecordList } from '../../core/store/never-record';

export type ReportResult = { ok: true } | { ok: false; error: string };

/** Saves what a tab's content script saw: the dossier visit in IndexedDB, the tab's state in session storage. */
export async function handleReport(
  db: TipazhDb,
  message: unknown,
  tabId: number | undefined,
  now = Date.now(),
): Promise<ReportResult> {
  if (tabId == null) return { ok: false, error: 'report without a tab' };
  const parsed = PageReport.safeParse(message);
  if (!parsed.success) {
    const error = formatIssues(parsed.error);
    console.warn('[Tipazh] refused a page report:\n' + error);
    return { ok: false, error };
  }
  let r = parsed.data;
  if (r.state === 'raw') {
    // The content script sends what it read as it came; here it is validated and becomes a snapshot.
    try {
      r = { kind: 'page', state: 'client', url: r.url, snapshot: snapshotFromRaw(r.read) };
    } catch (e) {
      const error = e instanceof z.core.$ZodError ? formatIssues(e) : e instanceof Error ? e.message : String(e);
      console.warn('[Tipazh] refused what the page gave:\n' + error);
      await browser.storage.session.set({ [tabStateKey(tabId)]: TabState.parse({ tabId, state: 'error', url: r.url, message: error.slice(0, 2000), updatedAt: now }) });
      return { ok: false, error };
    }
  }
  const state: TabState = { tabId, state: r.state as TabState['state'], url: r.url, updatedAt: now };
  if (r.state === 'client' && isNeverRecorded(r.snapshot, await neverRecordList(db))) {
    // On the agent's never-record list: no dossier, no visit, no snapshot kept; the panel says why.
    await browser.storage.session.set({ [tabStateKey(tabId)]: TabState.parse({ tabId, state: 'none', url: r.url, message: 'never-record', updatedAt: now }) });
    return { ok: true };
  }
  if (r.state === 'client') {
    state.snapshot = r.snapshot;
    state.clientKey = clientKeyOf(r.snapshot);
  } else if (r.state === 'error') {
    state.message = r.message;
  }
  // The panel shows the client as soon as the tab state lands; the dossier catches up a moment later.
  await browser.storage.session.set({ [tabStateKey(tabId)]: TabState.parse(state) });
  // What the panel says of the client goes into this visit when the panel shows it (recordVerdict).
  if (r.state === 'client') await recordVisit(db, r.snapshot, now);
  return { ok: true };
}

/** A tab that left the helpdesk (or closed) has no client any more. */
export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabStateKey(tabId));
}
