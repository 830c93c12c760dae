import { describe, expect, it, vi } from 'vitest';
import { getJson, HttpError, parseRetryAfter } from '../../../core/net/http';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(status === 204 ? null : JSON.stringify(body), { status, headers });

function fakeFetch(...answers: Response[]) {
  const fn = vi.fn(async () => answers.shift() ?? json(500, {}));
  return fn as unknown as typeof fetch & typeof fn;
}

describe('getJson', () => {
  it('returns the parsed body and sends the session cookie', async () => {
    const f = fakeFetch(json(200, { ok: 1 }));
    expect(await getJson('https://a.zendesk.com/api/v2/x.json', { fetch: f })).toEqual({ ok: 1 });
    expect(f.mock.calls[0]).toMatchObject([expect.any(String), { credentials: 'same-origin' }]);
  });

  it('never follows a redirect, and refuses an answer from another origin', async () => {
    const f = fakeFetch(json(200, { ok: 1 }));
    await getJson('https://a.zendesk.com/api/v2/x.json', { fetch: f });
    expect(f.mock.calls[0]).toMatchObject([expect.any(String), { redirect: 'error' }]);
    // A browser that followed anyway: the answer's own URL gives it away.
    const moved = json(200, { ok: 1 });
    Object.defineProperty(moved, 'url', { value: 'https://evil.example/x.json' });
    await expect(getJson('https://a.zendesk.com/api/v2/x.json', { fetch: fakeFetch(moved) })).rejects.toThrow(/another origin \(https:\/\/evil\.example\)/);
    // What fetch does with redirect: 'error' (a TypeError) reads as a failed request, not a crash.
    const refusing = vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch;
    await expect(getJson('https://a.zendesk.com/api/v2/x.json', { fetch: refusing })).rejects.toMatchObject({ name: 'HttpError', status: 0 });
  });

  it('gives up on a request that does not answer in time', async () => {
    const hanging = vi.fn(
      (_url: string, init: RequestInit) => new Promise<Response>((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason))),
    ) as unknown as typeof fetch;
    await expect(getJson('https://a.zendesk.com/api/v2/x.json', { fetch: hanging, timeoutMs: 30 })).rejects.toThrow(/no answer within/);
    // The caller's own cancel still reads as a cancel.
    const ctl = new AbortController();
    const p = getJson('https://a.zendesk.com/api/v2/x.json', { fetch: hanging, signal: ctl.signal, timeoutMs: 60_000 });
    ctl.abort(new Error('left the page'));
    await expect(p).rejects.toThrow('left the page');
  });

  it('waits for Retry-After on 429, then retries', async () => {
    const sleep = vi.fn(async () => {});
    const f = fakeFetch(json(429, {}, { 'Retry-After': '3' }), json(200, { ok: 2 }));
    expect(await getJson('u', { fetch: f, sleep })).toEqual({ ok: 2 });
    expect(sleep).toHaveBeenCalledWith(3000, undefined);
    expect(f).toHaveBeenCalledTimes(2);
  });

  it('backs off on 5xx and gives up after the retries', async () => {
    const sleep = vi.fn(async () => {});
    const f = fakeFetch(json(503, {}), json(502, {}), json(500, {}));
    await expect(getJson('u', { fetch: f, sleep, retries: 2 })).rejects.toMatchObject({ status: 500 });
    expect(sleep.mock.calls.map((c) => (c as unknown[])[0])).toEqual([500, 1500]);
  });

  it('fails at once on 403 without retrying', async () => {
    const f = fakeFetch(json(403, { error: 'Forbidden' }));
    const err = await getJson('u', { fetch: f }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(403);
    expect(f).toHaveBeenCalledTimes(1);
  });

  it('refuses a Retry-After longer than it may wait', async () => {
    const f = fakeFetch(json(429, {}, { 'Retry-After': '600' }));
    await expect(getJson('u', { fetch: f, sleep: async () => {} })).rejects.toThrow(/retry after 600 s/);
  });

  it('answers null for 204 (amoCRM: no such record)', async () => {
    expect(await getJson('u', { fetch: fakeFetch(json(204, null)) })).toBeNull();
  });

  it('says so when the body is not JSON', async () => {
    const f = fakeFetch(new Response('<html>login</html>', { status: 200 }));
    await expect(getJson('u', { fetch: f })).rejects.toThrow(/not JSON/);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});
