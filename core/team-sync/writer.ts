import type { Sent } from '../net/send-json';
import type { SyncReason, TagJob, WriteOutcome } from './record';
import { lowerSet } from './tag-lists';

/*
 * What a helpdesk's tag writer is: it carries a job out from a tab of the helpdesk (the content script), with the
 * page's session, on the page's origin. Free of schema libraries: the content script uses it.
 */

export interface TagWriteEnv {
  /** The helpdesk page's origin: every request goes there and nowhere else. */
  origin: string;
  fetch: typeof fetch;
  /** A CSRF token the page itself carries (Zendesk's `<meta name="csrf-token">`), if any. */
  pageCsrfToken?: string;
}

export type TagWriter = (job: TagJob, env: TagWriteEnv) => Promise<WriteOutcome>;

/** The failure a status code means for a write. */
export function reasonOfStatus(status: number): SyncReason {
  if (status === 0) return 'offline';
  if (status === 429) return 'rate-limited';
  if (status === 401) return 'session';
  if (status === 403 || status === 422) return 'forbidden';
  if (status === 404 || status === 204) return 'missing';
  if (status === 409) return 'conflict';
  if (status >= 500) return 'server';
  return 'invalid';
}

/** A failed answer as the queue takes it, with the helpdesk's own words when it gave some. */
export function failed(s: Sent): WriteOutcome {
  const b = s.body as { description?: unknown; detail?: unknown; error?: unknown } | undefined;
  const words = [b?.description, b?.detail, b?.error].find((x) => typeof x === 'string') as string | undefined;
  return {
    ok: false,
    reason: reasonOfStatus(s.status),
    status: s.status,
    ...(s.retryAfterMs !== undefined ? { retryAfterMs: s.retryAfterMs } : {}),
    ...(words ? { detail: words.slice(0, 500) } : {}),
  };
}

/** True when `after` has every added tag, none of the removed ones, and kept every other tag of `before`. */
export function changeLanded(before: readonly string[], after: readonly string[], add: readonly string[], drop: readonly string[]): boolean {
  const have = lowerSet(after);
  const dropped = lowerSet(drop);
  return (
    add.every((t) => have.has(t.toLowerCase())) &&
    drop.every((t) => !have.has(t.toLowerCase())) &&
    before.every((t) => dropped.has(t.toLowerCase()) || have.has(t.toLowerCase()))
  );
}
