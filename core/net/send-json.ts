import { fetchWithin, parseRetryAfter, REQUEST_TIMEOUT_MS } from './http';

/** A helpdesk's answer to a write: its status (0: no answer at all), its JSON body if any, and a `Retry-After`. */
export interface Sent {
  status: number;
  body: unknown;
  retryAfterMs?: number;
}

export interface SendOptions {
  fetch: typeof fetch;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export const isSuccess = (s: Sent) => s.status >= 200 && s.status < 300;

/**
 * One request to the helpdesk's own origin with the agent's session: JSON in, JSON out. Never follows a redirect,
 * gives up after 15 s, and never throws for an answer: a failure is a status (0 when there was no answer), which
 * the caller turns into "wait and retry" or "refused". Does not retry by itself: team sync's queue does.
 */
export async function sendJson(url: string, method: string, body: unknown, opts: SendOptions): Promise<Sent> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetchWithin(
      opts.fetch,
      url,
      { method, credentials: 'same-origin', redirect: 'error', headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) },
      opts.timeoutMs ?? REQUEST_TIMEOUT_MS,
      opts.signal,
    );
  } catch (e) {
    if (opts.signal?.aborted) throw e;
    return { status: 0, body: undefined };
  }
  if (res.url && new URL(res.url).origin !== new URL(url).origin) return { status: 0, body: undefined };
  const text = await res.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  const retryAfterMs = parseRetryAfter(res.headers.get('Retry-After')) ?? undefined;
  return { status: res.status, body: parsed, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
}
