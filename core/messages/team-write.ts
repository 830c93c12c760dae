import type { SourceId } from '../source-ids';
import type { TagJob } from '../team-sync/record';

/**
 * The background asks a tab of the helpdesk account to carry out a team sync write with the page's session
 * (core/sources/tag-writers.ts); the tab answers a WriteOutcome, which the background validates.
 */
export interface TeamWriteRequest {
  kind: 'team-write';
  source: SourceId;
  job: TagJob;
}

const isTagList = (v: unknown): v is string[] => Array.isArray(v) && v.length <= 50 && v.every((t) => typeof t === 'string' && t.length > 0 && t.length <= 200);
const isDigits = (v: unknown): v is string => typeof v === 'string' && /^\d{1,20}$/.test(v);
const TARGET_KINDS = new Set(['user', 'organization', 'contact', 'company']);

/** Checked by hand: the content script carries no schema library. */
export function isTeamWriteRequest(m: unknown): m is TeamWriteRequest {
  const r = m as Partial<TeamWriteRequest> | null;
  const job = r?.job as Partial<TagJob> | undefined;
  return (
    typeof r === 'object' &&
    r !== null &&
    r.kind === 'team-write' &&
    typeof r.source === 'string' &&
    typeof job === 'object' &&
    job !== null &&
    typeof job.key === 'string' &&
    typeof job.account === 'string' &&
    typeof job.rev === 'number' &&
    TARGET_KINDS.has(job.target?.kind as string) &&
    isDigits(job.target?.id) &&
    (job.ticket === undefined || isDigits(job.ticket.id)) &&
    isTagList(job.add) &&
    isTagList(job.remove)
  );
}

/** The options page tells the background that team sync's settings or refusals changed: waiting writes may go now. */
export const TEAM_SYNC_RUN = { kind: 'team-sync-run' } as const;
export const isTeamSyncRun = (m: unknown): boolean => (m as { kind?: unknown } | null)?.kind === TEAM_SYNC_RUN.kind;
