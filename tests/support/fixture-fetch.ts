import type { FixtureServer } from './fixture-routes';

/**
 * A `fetch` answered by a fake helpdesk (tests/support/fixture-routes.ts) in memory: the product's writers run
 * against the fake app's real semantics in unit tests, as the e2e routes run them in the browser.
 */
export function fetchFrom(server: FixtureServer): typeof fetch {
  return async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    const answer = server.answer(url, { method: init?.method ?? 'GET', headers, body: typeof init?.body === 'string' ? init.body : undefined });
    const res = new Response(answer.status === 204 ? null : typeof answer.body === 'string' ? answer.body : new Uint8Array(answer.body), {
      status: answer.status,
      headers: answer.headers,
    });
    Object.defineProperty(res, 'url', { value: url.href });
    return res;
  };
}
