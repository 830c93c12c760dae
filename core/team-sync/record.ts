import type { SourceId } from '../source-ids';
import type { TagTarget } from './target';

/*
 * Team sync's durable queue: one record per client, kept in the dossier database (`teamSync` table), so a write
 * that cannot go now waits across restarts. The record says what Tipazh has written to the client's helpdesk
 * record (`written`: undo removes these, and only these) and what is still to do (`add`, `remove`). Only the
 * queue (core/team-sync/queue.ts) writes records; no schema library here, the panel reads them too.
 */

/** Why a write is waiting or was refused. */
export const SYNC_REASONS = [
  /** No answer (offline, a timeout). */
  'offline',
  /** 429: the helpdesk asked to slow down. */
  'rate-limited',
  /** 5xx. */
  'server',
  /** 401: the agent's session is gone. */
  'session',
  /** 403/422: the helpdesk does not allow it (user tagging off, or a role without rights). Stops the account. */
  'forbidden',
  /** 409, or someone changed the tags while Tipazh wrote them, twice in a row. */
  'conflict',
  /** 404: the record is gone. */
  'missing',
  /** 400: the helpdesk refused what was sent. */
  'invalid',
  /** No tab of this helpdesk account is open to write from. */
  'no-tab',
] as const;
export type SyncReason = (typeof SYNC_REASONS)[number];

export interface TeamSyncRecord {
  /** The dossier's key. */
  key: string;
  /** `source:account`: the rate, the tab that writes and a refusal are per account. */
  account: string;
  source: SourceId;
  target: TagTarget;
  /** Zendesk: the ticket to tag too, when the pack asks for ticket tags. */
  ticket?: { id: string };
  /** Tags Tipazh wrote and the helpdesk confirmed (not those the client already carried). */
  written: string[];
  /** The tags team sync wanted when the record was last planned, and their prefix. */
  wanted: string[];
  prefix: string;
  /** Still to add and to remove; both empty when there is nothing to do. */
  add: string[];
  remove: string[];
  state: 'done' | 'waiting' | 'refused';
  reason?: SyncReason;
  /** The helpdesk's status code of the last failure, for the audit trail and the panel. */
  status?: number;
  attempts: number;
  /** When to try next (waiting only; NOT_DUE otherwise). */
  nextAt: number;
  /** Bumped on every change of `add`/`remove`, so an answer to an older write does not clear a newer one. */
  rev: number;
  /** Who asked for the write (the audit trail's "who"). */
  who: string;
  updatedAt: number;
  doneAt?: number;
}

/** The job a tab carries out: what to add and remove on which record. */
export interface TagJob {
  key: string;
  /** `source:account`: the tab checks it is a page of this account before it writes. */
  account: string;
  rev: number;
  target: TagTarget;
  ticket?: { id: string };
  add: string[];
  remove: string[];
}

/** What the tab answers (checked by core/team-sync/outcome.ts): the record's tags after the write, or why it failed. */
export type WriteOutcome =
  /** `already`: the added tags the record carried before (someone else's: never counted as written by Tipazh). */
  { ok: true; tags: string[]; already?: string[] } | { ok: false; reason: SyncReason; status?: number; retryAfterMs?: number; detail?: string };

/** Reasons that wait and retry by themselves; the others wait for the agent (or, for `session`, for the next page). */
export const RETRIED: ReadonlySet<SyncReason> = new Set(['offline', 'rate-limited', 'server', 'conflict', 'session', 'no-tab']);
