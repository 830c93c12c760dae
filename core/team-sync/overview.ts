import { liveQuery } from 'dexie';
import { isKeyNeverRecorded } from '../privacy';
import type { SourceId } from '../source-ids';
import type { ClientRecord, TipazhDb } from '../store/db';
import { getNeverRecord } from '../store/never-record';
import { watchNewestClient } from '../store/newest-client';
import type { MutationFeed } from '../store/client-changes';
import type { TeamSyncChoice } from './choice';
import { getTeamSyncChoice } from './queue';
import type { SyncReason, TeamSyncRecord } from './record';

/** Writes of one helpdesk account the helpdesk refused, by why. */
export interface RefusedAccount {
  /** `source:account`, as `retryAccount` takes it. */
  account: string;
  source: SourceId;
  /** Most clients first. */
  reasons: { reason: SyncReason; status?: number; clients: number }[];
  clients: number;
}

/** The queue at a glance: how many writes wait, and which accounts refused theirs. */
export interface QueueSummary {
  waiting: number;
  refused: RefusedAccount[];
}

/** The queue at a glance; reads the queue's records one by one, keeping counts only. */
export async function queueSummary(db: TipazhDb): Promise<QueueSummary> {
  let waiting = 0;
  const refused = new Map<string, RefusedAccount>();
  await db.teamSync.each((r) => {
    if (r.state === 'waiting') waiting++;
    if (r.state !== 'refused') return;
    const a = refused.get(r.account) ?? refused.set(r.account, { account: r.account, source: r.source, reasons: [], clients: 0 }).get(r.account)!;
    const reason = r.reason ?? 'forbidden';
    const why = a.reasons.find((x) => x.reason === reason) ?? a.reasons[a.reasons.push({ reason, clients: 0 }) - 1]!;
    why.clients++;
    if (r.status !== undefined) why.status = r.status;
    a.clients++;
  });
  const all = [...refused.values()].sort((a, b) => a.account.localeCompare(b.account));
  for (const a of all) a.reasons.sort((x, y) => y.clients - x.clients);
  return { waiting, refused: all };
}

/** Team sync as the options page shows it: the agent's choice, the queue, and the client seen last with its queued write. */
export interface TeamSyncOverview {
  choice: TeamSyncChoice | undefined;
  queue: QueueSummary;
  /** The client the agent had open last; undefined when there is none (or while it is looked for). */
  client?: ClientRecord;
  /** What the queue holds for that client. */
  queued?: TeamSyncRecord;
  /** The client is on the never-record list: nothing is written for them. */
  neverRecorded: boolean;
}

/** The overview as a page shows it: `searching` until the client seen last has been looked for. */
export type TeamSyncView = TeamSyncOverview & { searching: boolean };

/** The overview, with the client of `key` (the one seen last). */
export async function teamSyncOverview(db: TipazhDb, key: string | undefined): Promise<TeamSyncOverview> {
  const [choice, queue, client, queued] = await Promise.all([
    getTeamSyncChoice(db),
    queueSummary(db),
    key ? db.clients.get(key) : undefined,
    key ? db.teamSync.get(key) : undefined,
  ]);
  const neverRecorded = !!client && isKeyNeverRecorded(client.key, client.email, await getNeverRecord(db));
  return { choice, queue, ...(client ? { client } : {}), ...(queued ? { queued } : {}), neverRecorded };
}

/**
 * The overview now and after every change, in this page or another (Dexie's liveQuery): the choice, the queue,
 * and the client seen last (`searching` until the first look for them is done). Returns a function that stops.
 */
export function watchTeamSyncOverview(db: TipazhDb, cb: (view: TeamSyncView) => void, onError: (e: unknown) => void, feed?: MutationFeed): () => void {
  let searching = true;
  let sub: { unsubscribe(): void } | undefined;
  const follow = (key: string | undefined) => {
    sub?.unsubscribe();
    sub = liveQuery(() => teamSyncOverview(db, key)).subscribe({ next: (v) => cb({ ...v, searching }), error: onError });
  };
  follow(undefined);
  const stop = watchNewestClient(
    db,
    (key) => {
      searching = false;
      follow(key);
    },
    { onError, feed },
  );
  return () => {
    stop();
    sub?.unsubscribe();
  };
}
