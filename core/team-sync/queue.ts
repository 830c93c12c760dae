import type { StrategyPack } from '../pack/schema';
import { isKeyNeverRecorded } from '../privacy';
import { AuditRecord, type TipazhDb } from '../store/db';
import { getNeverRecord } from '../store/never-record';
import { dryRun } from './dry-run';
import { tagChange } from './plan';
import { RETRIED, type SyncReason, type TagJob, type TeamSyncRecord, type WriteOutcome } from './record';
import { TEAM_SYNC_KEY, TeamSyncChoice } from './choice';
import { applyTagChange, without } from './tag-lists';

/*
 * The durable queue of team sync: each client's record says what is still to write; a tab of the client's
 * helpdesk account carries the write out (entrypoints/background/team-sync.ts) and its answer is settled here.
 * Every step is one transaction on the stored record, so two panels confirming at once never lose a change.
 */

/** `nextAt` of a record with nothing due: after every real time. */
export const NOT_DUE = Number.MAX_SAFE_INTEGER;
const MAX_DELAY_MS = 30 * 60_000;

/**
 * How long a failed write waits: the helpdesk's `Retry-After` when it gave one (at least a second), else 5 s
 * doubling up to 30 min. Without a tab or a session it starts at a minute: a page of the account opening wakes
 * those at once (wakeAccount), so the wait is only a fallback.
 */
export function retryDelay(reason: SyncReason, attempts: number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return Math.min(Math.max(retryAfterMs, 1000), MAX_DELAY_MS);
  const base = reason === 'session' || reason === 'no-tab' ? 60_000 : 5_000;
  return Math.min(MAX_DELAY_MS, base * 2 ** Math.max(0, attempts - 1));
}

export async function getTeamSyncChoice(db: TipazhDb): Promise<TeamSyncChoice | undefined> {
  const parsed = TeamSyncChoice.safeParse((await db.meta.get(TEAM_SYNC_KEY))?.value);
  return parsed.success ? parsed.data : undefined;
}

/** The agent's own choice: on, off, or (undefined) as the team's pack says. */
export async function setTeamSyncChoice(db: TipazhDb, enabled: boolean | undefined): Promise<void> {
  await db.meta.put({ key: TEAM_SYNC_KEY, value: TeamSyncChoice.parse(enabled === undefined ? {} : { enabled }) });
}

const auditWrite = (db: TipazhDb, r: TeamSyncRecord, field: string, from: string | undefined, to: string | undefined, now: number) =>
  db.audit.add(AuditRecord.parse({ id: crypto.randomUUID(), clientKey: r.key, at: now, who: r.who, field, from, to }));

async function accountRefused(db: TipazhDb, account: string): Promise<boolean> {
  return (
    (await db.teamSync
      .where('account')
      .equals(account)
      .filter((r) => r.state === 'refused' && r.reason === 'forbidden')
      .count()) > 0
  );
}

/**
 * Brings the client's queued write up to date with what team sync wants now (after the agent confirmed,
 * overrode, undid or marked VIP), in one transaction. Nothing is queued when team sync is off, the client is
 * on the never-record list, or has no helpdesk record to write to. Returns the record, if any.
 */
export async function planWrite(db: TipazhDb, key: string, pack: StrategyPack, who: string, now = Date.now()): Promise<TeamSyncRecord | undefined> {
  return db.transaction('rw', [db.clients, db.teamSync, db.meta], async () => {
    const c = await db.clients.get(key);
    const stored = await db.teamSync.get(key);
    if (!c) return stored;
    if (isKeyNeverRecorded(key, c.email, await getNeverRecord(db))) {
      await db.teamSync.delete(key);
      return undefined;
    }
    const { plan, ...change } = dryRun(c, pack, await getTeamSyncChoice(db), stored);
    if (!plan.settings.enabled || !plan.target) return stored;
    const written = stored?.written ?? [];
    const account = `${c.source}:${c.account}`;
    const idle = !change.add.length && !change.remove.length;
    const refused = !idle && (await accountRefused(db, account));
    // A write already waiting keeps its wait (the helpdesk asked to slow down, or had an error): an edit does not skip it.
    const waiting = stored?.state === 'waiting' && stored.attempts > 0 ? stored : undefined;
    const record: TeamSyncRecord = {
      key,
      account,
      source: c.source,
      target: plan.target,
      ...(plan.ticket ? { ticket: plan.ticket } : {}),
      written,
      wanted: plan.wanted,
      prefix: plan.settings.prefix,
      add: change.add,
      remove: change.remove,
      state: idle ? 'done' : refused ? 'refused' : 'waiting',
      ...(refused ? { reason: 'forbidden' } : waiting && !idle ? { reason: waiting.reason, status: waiting.status } : {}),
      attempts: idle || refused ? 0 : (waiting?.attempts ?? 0),
      nextAt: idle || refused ? NOT_DUE : Math.max(now, waiting?.nextAt ?? now),
      rev: (stored?.rev ?? 0) + 1,
      who,
      updatedAt: now,
      ...(stored?.doneAt ? { doneAt: stored.doneAt } : {}),
    };
    await db.teamSync.put(record);
    return record;
  });
}

/** The write a tab is to carry out for this record. */
export const jobOf = (r: TeamSyncRecord): TagJob => ({
  key: r.key,
  account: r.account,
  rev: r.rev,
  target: r.target,
  ...(r.ticket ? { ticket: r.ticket } : {}),
  add: r.add,
  remove: r.remove,
});

/** Records whose write is due now, oldest first. */
export const dueWrites = (db: TipazhDb, now = Date.now()) =>
  db.teamSync
    .where('nextAt')
    .belowOrEqual(now)
    .filter((r) => r.state === 'waiting')
    .toArray();

/** When the next waiting write is due; undefined when none waits. */
export async function nextDueAt(db: TipazhDb): Promise<number | undefined> {
  const next = await db.teamSync.where('nextAt').below(NOT_DUE).first();
  return next?.nextAt;
}

/** A page of the account opened: writes waiting for a tab, a session or the network are due at once (only waiting records are read). */
export const wakeAccount = (db: TipazhDb, account: string, now = Date.now()) =>
  db.teamSync
    .where('nextAt')
    .below(NOT_DUE)
    .modify((r) => {
      if (r.account === account && r.state === 'waiting' && (r.reason === 'no-tab' || r.reason === 'session' || r.reason === 'offline')) r.nextAt = now;
    });

/** The agent asks to try an account again after a refusal (an admin changed the setting): its refused writes wait again. */
export const retryAccount = (db: TipazhDb, account: string, now = Date.now()) =>
  db.teamSync
    .where('account')
    .equals(account)
    .modify((r) => {
      if (r.state !== 'refused') return;
      r.state = 'waiting';
      r.nextAt = now;
      r.attempts = 0;
      r.reason = undefined;
      r.status = undefined;
    });

/**
 * Settles a tab's answer to `job`, in one transaction: on success, the tags count as written (and the dossier's
 * helpdesk tags show them); a change queued meanwhile stays due. A failure waits with back-off, or is refused; a
 * refusal for lack of rights stops every write of the account until the agent tries again. Writes and refusals go
 * into the client's audit trail.
 */
export async function settleWrite(db: TipazhDb, job: TagJob, outcome: WriteOutcome, now = Date.now()): Promise<TeamSyncRecord | undefined> {
  return db.transaction('rw', [db.teamSync, db.clients, db.audit], async () => {
    const r = await db.teamSync.get(job.key);
    if (!r) return undefined;
    let next: TeamSyncRecord;
    if (outcome.ok) {
      const c = await db.clients.get(job.key);
      const helpdeskTags = applyTagChange(c?.helpdeskTags ?? [], job.add, job.remove).slice(0, 500);
      // Tags the record carried before are someone else's: Tipazh never counts them as its own (undo leaves them).
      const written = applyTagChange(r.written, without(job.add, outcome.already ?? []), job.remove);
      // A change planned while this write was under way is planned again against the tags as they are now.
      const left =
        r.rev === job.rev
          ? { add: [], remove: [] }
          : { add: tagChange(r.wanted, { helpdeskTags, written }, r.prefix).add, remove: [...new Set(without([...r.remove, ...written], r.wanted))] };
      const idle = !left.add.length && !left.remove.length;
      next = {
        ...r,
        written,
        add: left.add,
        remove: left.remove,
        state: idle ? 'done' : 'waiting',
        reason: undefined,
        status: undefined,
        attempts: 0,
        nextAt: idle ? NOT_DUE : now,
        updatedAt: now,
        ...(idle ? { doneAt: now } : {}),
      };
      if (c) await db.clients.put({ ...c, helpdeskTags });
      if (job.add.length || job.remove.length) await auditWrite(db, r, 'team sync', job.remove.join(', ') || undefined, job.add.join(', ') || undefined, now);
    } else {
      const attempts = r.attempts + 1;
      const retried = RETRIED.has(outcome.reason);
      next = {
        ...r,
        state: retried ? 'waiting' : 'refused',
        reason: outcome.reason,
        status: outcome.status,
        attempts,
        nextAt: retried ? now + retryDelay(outcome.reason, attempts, outcome.retryAfterMs) : NOT_DUE,
        updatedAt: now,
      };
      if (!retried) await auditWrite(db, r, 'team sync refused', undefined, `${outcome.reason}${outcome.status ? ` (${outcome.status})` : ''}`, now);
      if (outcome.reason === 'forbidden') {
        // The account's other waiting writes stop too, each with its entry in its client's audit trail.
        const others = (await db.teamSync.where('nextAt').below(NOT_DUE).toArray()).filter((o) => o.account === r.account && o.key !== r.key);
        for (const o of others) {
          await db.teamSync.put({ ...o, state: 'refused', reason: 'forbidden', status: outcome.status, nextAt: NOT_DUE, updatedAt: now });
          await auditWrite(db, o, 'team sync refused', undefined, `forbidden${outcome.status ? ` (${outcome.status})` : ''}`, now);
        }
      }
    }
    await db.teamSync.put(next);
    return next;
  });
}
