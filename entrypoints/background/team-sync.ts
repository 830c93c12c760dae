import { browser } from 'wxt/browser';
import type { StrategyPack } from '../../core/pack/schema';
import { helpdeskOfHost, type CustomHosts } from '../../core/sources/sites';
import type { TipazhDb } from '../../core/store/db';
import { createTeamSync, type TeamSync } from '../../core/team-sync/runner';

const ALARM = 'tipazh-team-sync';
/** A tab that does not answer a write in this time counts as gone (its write waits for another): a job is a few requests of at most 15 s each. */
const TAB_ANSWER_MS = 150_000;
/** Waits shorter than this run on a timer; the alarm (Chrome: at least 30 s) is the fallback when the worker sleeps. */
const TIMER_MS = 5 * 60_000;

/** The `source:account` of a helpdesk page, or null. */
export function accountOfUrl(url: string | undefined, custom: CustomHosts): string | null {
  try {
    const h = helpdeskOfHost(new URL(url ?? ''), custom);
    return h ? `${h.source}:${h.account}` : null;
  } catch {
    return null;
  }
}

/** Team sync in the background: the queue's worker (core/team-sync/runner.ts) with the browser's tabs, messages and alarms. */
export function browserTeamSync(db: TipazhDb, pack: () => Promise<StrategyPack>, customHosts: () => Promise<CustomHosts>): TeamSync {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const sync = createTeamSync({
    db,
    pack,
    async tabsOf(account) {
      const custom = await customHosts();
      const tabs = (await browser.tabs.query({})).filter((t) => t.id !== undefined && accountOfUrl(t.url, custom) === account);
      // The tab the agent looks at first: its page is the freshest.
      return tabs.sort((a, b) => Number(b.active) - Number(a.active) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0)).map((t) => t.id!);
    },
    send: (tabId, request) =>
      Promise.race([browser.tabs.sendMessage(tabId, request), new Promise((resolve) => setTimeout(() => resolve(undefined), TAB_ANSWER_MS))]),
    wakeAt(at) {
      clearTimeout(timer);
      if (at === undefined) return void browser.alarms.clear(ALARM);
      // At least a second apart: a pass that fails, or a write queued again at once, never spins.
      const wait = Math.max(1000, at - Date.now());
      if (wait < TIMER_MS) timer = setTimeout(() => void sync.run().catch(warn), wait);
      void browser.alarms.create(ALARM, { when: Math.max(at, Date.now() + 30_000) });
    },
  });
  const warn = (e: unknown) => console.warn('[Tipazh] team sync', e);
  browser.alarms.onAlarm.addListener((a) => {
    if (a.name === ALARM) sync.run().catch(warn);
  });
  // Writes that waited while the browser was closed.
  sync.run().catch(warn);
  return sync;
}
