import type { BrowserContext, Route } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';

/** An API answer a test puts in place of the fixture file; return undefined to serve the file. */
export type ApiOverride = (req: { path: string; url: URL; attempt: number }) => { status: number; body?: unknown; headers?: Record<string, string> } | undefined;

export interface FixtureRoutes {
  /** Every real API request (not the fake app's own `/__fixture/` reads), in order. */
  apiCalls: { path: string; at: number; status: number }[];
  /** Replace the API's behaviour from now on (e.g. answer 403 or 429). */
  setOverride(fn: ApiOverride | undefined): void;
}

/** How one fake helpdesk is laid out in tests/fixtures/<name>. */
export interface FixtureSite {
  dir: string;
  hosts: string[];
  /** `/api/v2/` or `/api/v4/`: the real API prefix; `/__fixture` + prefix is the fake app's own alias. */
  apiPrefix: string;
  app: { html: string; script: string };
  /** Paths served by the app's HTML (everything else that is not API or fixture data is 404). */
  isAppPath: (path: string) => boolean;
  notFound: unknown;
  /** Answers the site computes rather than serves from one file (e.g. a list in the order asked for); undefined: the file. */
  compute?: (path: string, url: URL) => unknown;
}

/** The fixture file for an API path: path + `.json`, `page[after]=X` → `.after-X.json`. */
export function apiFile(site: FixtureSite, path: string, url: URL): string | undefined {
  let rel = path.slice(path.indexOf(site.apiPrefix) + site.apiPrefix.length);
  if (!rel.endsWith('.json')) rel += '.json';
  const after = url.searchParams.get('page[after]');
  if (after) rel = rel.replace(/\.json$/, `.after-${after}.json`);
  const base = join(site.dir, 'api');
  const file = normalize(join(base, rel));
  return file.startsWith(base) && existsSync(file) ? file : undefined;
}

const fileUnder = (dir: string, rel: string) => {
  const file = normalize(join(dir, rel));
  return file.startsWith(dir) && existsSync(file) ? file : undefined;
};

/**
 * Serves a fake helpdesk app and its API on the real host names. The extension under test is the
 * production build: its content script matches only those hosts.
 */
export async function routeSite(context: BrowserContext, site: FixtureSite): Promise<FixtureRoutes> {
  const apiCalls: FixtureRoutes['apiCalls'] = [];
  let override: ApiOverride | undefined;
  const attempts = new Map<string, number>();
  const json = (route: Route, status: number, body: unknown, headers: Record<string, string> = {}) =>
    route.fulfill({ status, contentType: 'application/json; charset=utf-8', headers, body: body === undefined ? '' : JSON.stringify(body) });

  const handler = async (route: Route) => {
    const url = new URL(route.request().url());
    const path = url.pathname;
    const fixtureApi = `/__fixture${site.apiPrefix}`;
    const isApi = path.startsWith(site.apiPrefix);
    if (isApi || path.startsWith(fixtureApi)) {
      const attempt = (attempts.get(path) ?? 0) + 1;
      attempts.set(path, attempt);
      const custom = isApi ? override?.({ path, url, attempt }) : undefined;
      if (custom) {
        apiCalls.push({ path, at: Date.now(), status: custom.status });
        return json(route, custom.status, custom.body, custom.headers);
      }
      const computed = site.compute?.(path, url);
      const file = computed === undefined ? apiFile(site, path, url) : undefined;
      const text = computed !== undefined ? JSON.stringify(computed) : file ? readFileSync(file, 'utf8').replaceAll('{{origin}}', url.origin) : undefined;
      const status = !text ? 404 : text.trim() === '__204__' ? 204 : 200;
      if (isApi) apiCalls.push({ path, at: Date.now(), status });
      if (status === 404) return json(route, 404, site.notFound);
      if (status === 204) return route.fulfill({ status: 204, body: '' });
      return route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: text });
    }
    if (path === site.app.script) {
      return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: readFileSync(join(site.dir, site.app.script.split('/').pop()!)) });
    }
    if (path.startsWith('/__fixture/')) {
      const file = fileUnder(site.dir, path.slice('/__fixture/'.length));
      if (file) return route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: readFileSync(file, 'utf8') });
      return route.fulfill({ status: 404, body: '' });
    }
    if (site.isAppPath(path)) {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(join(site.dir, site.app.html)) });
    }
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not in the fixture' });
  };
  for (const host of site.hosts) await context.route(host, handler);
  return { apiCalls, setOverride: (fn) => (override = fn) };
}
