import type { BrowserContext, Route } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';

export const ZENDESK_FIXTURES = resolve(import.meta.dirname, '../fixtures/zendesk');

/** An API answer a test puts in place of the fixture file; return undefined to serve the file. */
export type ApiOverride = (req: { path: string; url: URL; attempt: number }) => { status: number; body?: unknown; headers?: Record<string, string> } | undefined;

export interface ZendeskRoutes {
  /** Every `/api/v2/…` request the page or the extension made, in order. */
  apiCalls: { path: string; at: number; status: number }[];
  /** Replace the API's behaviour from now on (e.g. answer 403 or 429). */
  setOverride(fn: ApiOverride | undefined): void;
}

/** The fixture file for an API path, per tests/fixtures/zendesk/README.md. */
export function apiFile(path: string, url: URL): string | undefined {
  let rel = path.replace(/^\/(?:__fixture\/)?api\/v2\//, '');
  if (!rel.endsWith('.json')) rel += '.json';
  const after = url.searchParams.get('page[after]');
  if (after) rel = rel.replace(/\.json$/, `.after-${after}.json`);
  const file = normalize(join(ZENDESK_FIXTURES, 'api', rel));
  if (!file.startsWith(join(ZENDESK_FIXTURES, 'api'))) return undefined;
  return existsSync(file) ? file : undefined;
}

const notFound = { error: 'RecordNotFound', description: 'Not found' };

/**
 * Serves the fake Zendesk agent app and its API on every `https://*.zendesk.com` host of the context.
 * The extension's content script is the production one: it matches the real host names.
 */
export async function routeZendesk(context: BrowserContext): Promise<ZendeskRoutes> {
  const apiCalls: ZendeskRoutes['apiCalls'] = [];
  let override: ApiOverride | undefined;
  const attempts = new Map<string, number>();

  const serveJson = (route: Route, status: number, body: unknown, headers: Record<string, string> = {}) =>
    route.fulfill({ status, contentType: 'application/json; charset=utf-8', headers, body: body === undefined ? '' : JSON.stringify(body) });

  await context.route('https://*.zendesk.com/**', async (route) => {
    const url = new URL(route.request().url());
    const path = url.pathname;
    if (path.startsWith('/agent')) {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(join(ZENDESK_FIXTURES, 'agent.html')) });
    }
    if (path === '/__fixture/agent.js') {
      return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: readFileSync(join(ZENDESK_FIXTURES, 'agent.js')) });
    }
    const isApi = path.startsWith('/api/v2/');
    if (isApi || path.startsWith('/__fixture/api/v2/')) {
      const attempt = (attempts.get(path) ?? 0) + 1;
      attempts.set(path, attempt);
      const custom = isApi ? override?.({ path, url, attempt }) : undefined;
      if (custom) {
        apiCalls.push({ path, at: Date.now(), status: custom.status });
        return serveJson(route, custom.status, custom.body, custom.headers);
      }
      const file = apiFile(path, url);
      if (isApi) apiCalls.push({ path, at: Date.now(), status: file ? 200 : 404 });
      if (!file) return serveJson(route, 404, notFound);
      const text = readFileSync(file, 'utf8').replaceAll('{{origin}}', url.origin);
      return route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: text });
    }
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not in the fixture' });
  });

  return { apiCalls, setOverride: (fn) => (override = fn) };
}
