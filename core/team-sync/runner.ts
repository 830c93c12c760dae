import type { StrategyPack } from '../pack/schema';
import type { TeamWriteRequest } from '../messages/team-write';
import type { TipazhDb } from '../store/db';
import { dueWrites, getTeamSyncChoice, jobOf, nextDueAt, planWrite, retryAccount, settleWrite, wakeAccount } from './queue';
import type { WriteOutcome } from './record';
import { WriteOutcomeSchema } from './outcome';
import { teamSyncSettings } from './settings';

/** What the runner needs from the browser: the pack in force, the account's tabs, a message to a tab, a wake-up call. */
export interface TeamSyncDeps {
  db: TipazhDb;
  pack: () => Promise<StrategyPack>;
  /** Open tabs of a helpdesk account (`source:account`), the one to use first. */
  tabsOf: (account: string) => Promise<number[]>;
  send: (tabId: number, request: TeamWriteRequest) => Promise<unknown>;
  /** Run again at this time (undefined: nothing waits). */
  wakeAt: (at: number | undefined) => void;
  now?: () => number;
}

/**
 * Team sync's worker in the background: it queues what the agent's actions ask for, hands due writes to a tab
 * of the client's helpdesk account one at a time, and settles each answer. One pass at a time; a trigger during
 * a pass runs another after it.
 */
export function createTeamSync(deps: TeamSyncDeps) {
  const now = deps.now ?? Date.now;
  let running: Promise<void> | undefined;
  let again = false;

  async function pass() {
    let off = false;
    try {
      // Most passes (a page of the account reported) find nothing due: the pack is not even read then.
      const due = await dueWrites(deps.db, now());
      if (!due.length) return;
      const pack = await deps.pack();
      // Turned off: what waits stays queued, and nothing is sent until it is on again.
      off = !teamSyncSettings(pack.teamSync, await getTeamSyncChoice(deps.db)).enabled;
      if (off) return;
      const tabs = new Map<string, number[]>();
      for (const due1 of due) {
        // Planned again first: the client may have been put on the never-record list, forgotten or changed meanwhile.
        const record = await planWrite(deps.db, due1.key, pack, due1.who, now());
        if (record?.state !== 'waiting' || record.nextAt > now()) continue;
        if (!tabs.has(record.account)) tabs.set(record.account, await deps.tabsOf(record.account));
        const job = jobOf(record);
        let outcome: WriteOutcome = { ok: false, reason: 'no-tab' };
        for (const tabId of tabs.get(record.account)!) {
          const answer = WriteOutcomeSchema.safeParse(await deps.send(tabId, { kind: 'team-write', source: record.source, job }).catch(() => undefined));
          if (answer.success) outcome = answer.data;
          if (!answer.success || (!outcome.ok && outcome.reason === 'no-tab')) continue;
          break;
        }
        await settleWrite(deps.db, job, outcome, now());
      }
    } finally {
      // Whatever happened in this pass, the next waiting write keeps its wake-up call.
      deps.wakeAt(off ? undefined : await nextDueAt(deps.db).catch(() => now() + 60_000));
    }
  }

  function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await pass();
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  return {
    run,
    /** The agent changed what team sync writes for this client (confirmed, overrode, undid, marked VIP). */
    async changed(key: string, who: string) {
      await planWrite(deps.db, key, await deps.pack(), who, now());
      void run().catch((e: unknown) => console.warn('[Tipazh] team sync', e));
    },
    /** A page of this account reported: writes waiting for a tab or a session go now. */
    async accountSeen(account: string) {
      await wakeAccount(deps.db, account, now());
      await run();
    },
    /** The agent asks to try again an account that refused writes. */
    async retry(account: string) {
      await retryAccount(deps.db, account, now());
      void run().catch((e: unknown) => console.warn('[Tipazh] team sync', e));
    },
  };
}
export type TeamSync = ReturnType<typeof createTeamSync>;
