/** An HTTP answer that is not a success; `status` 0 means the request itself failed. */
export class HttpError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface GetJsonOptions {
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /** Extra tries after a 429 or a 5xx. */
  retries?: number;
  /** Longest wait we accept from a `Retry-After`; a longer one fails at once rather than hold the panel. */
  maxWaitMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** How long one request may take before it counts as failed (the reader then falls back to the page). */
  timeoutMs?: number;
}

/** A helpdesk API that does not answer in this time has failed: the page is read instead. */
export const REQUEST_TIMEOUT_MS = 15_000;

/** One fetch with its own deadline, which also ends when the caller's signal does. */
export async function fetchWithin(doFetch: typeof fetch, url: string, init: RequestInit, ms: number, outer?: AbortSignal): Promise<Response> {
  const ctl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctl.abort(new Error(`no answer within ${Math.round(ms / 1000)} s`));
  }, ms);
  const forward = () => ctl.abort(outer!.reason);
  if (outer?.aborted) forward();
  outer?.addEventListener('abort', forward, { once: true });
  try {
    return await doFetch(url, { ...init, signal: ctl.signal });
  } catch (e) {
    if (timedOut) throw new HttpError(url, 0, `no answer within ${Math.round(ms / 1000)} s`);
    throw e;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', forward);
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)), { once: true });
  });
}

/** Seconds or an HTTP date, per RFC 9110; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const s = value.trim();
  if (/^\d+$/.test(s)) return Number(s) * 1000;
  const at = Date.parse(s);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * GETs JSON from the helpdesk's own origin with the agent's session cookie.
 * Honours 429 `Retry-After`, backs off on 5xx, returns null for 204 (amoCRM's "no such record"). Never follows a
 * redirect (a 3xx could send the session's request to another origin) and gives up on a request after
 * `timeoutMs` (15 s).
 */
export async function getJson(url: string, opts: GetJsonOptions = {}): Promise<unknown> {
  const doFetch = opts.fetch ?? fetch;
  const wait = opts.sleep ?? sleep;
  const retries = opts.retries ?? 2;
  const maxWait = opts.maxWaitMs ?? 20_000;
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await fetchWithin(
        doFetch,
        url,
        { credentials: 'same-origin', redirect: 'error', headers: { Accept: 'application/json' } },
        opts.timeoutMs ?? REQUEST_TIMEOUT_MS,
        opts.signal,
      );
    } catch (e) {
      if (opts.signal?.aborted || e instanceof HttpError) throw e;
      throw new HttpError(url, 0, `network error (a redirect is refused too): ${(e as Error).message}`);
    }
    // Belt and braces: whatever answered must be the origin asked.
    if (res.url && new URL(res.url).origin !== new URL(url).origin)
      throw new HttpError(url, 0, `answered from another origin (${new URL(res.url).origin}): refused`);
    if (res.status === 204) return null;
    if (res.ok) {
      try {
        return await res.json();
      } catch {
        throw new HttpError(url, res.status, 'the answer is not JSON');
      }
    }
    const retryable = res.status === 429 || res.status >= 500;
    if (!retryable || attempt >= retries) throw new HttpError(url, res.status, `HTTP ${res.status}`);
    const delay = res.status === 429 ? (parseRetryAfter(res.headers.get('Retry-After')) ?? 2000 * 2 ** attempt) : 500 * 3 ** attempt;
    if (delay > maxWait) throw new HttpError(url, res.status, `HTTP ${res.status}, retry after ${Math.round(delay / 1000)} s`);
    await wait(delay, opts.signal);
  }
}
