import type { BrowserContext, Route } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';

/** An API answer a test puts in place of the fixture file; return undefined to serve the file. */
export type ApiOverride = (req: {
  path: string;
  url: URL;
  attempt: number;
}) => { status: number; body?: unknown; headers?: Record<string, string> } | undefined;

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

/** One answer of a fake helpdesk, whoever delivers it: Playwright's `route()` or the Firefox suite's HTTPS server. */
export interface FixtureAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export interface FixtureServer extends FixtureRoutes {
  /** The answer to a request for `url` on one of the site's hosts (the method does not matter). */
  answer(url: URL): FixtureAnswer;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** A fake helpdesk app and its API: the fixture files, the site's computed answers and a test's overrides. */
export function fixtureServer(site: FixtureSite): FixtureServer {
  const apiCalls: FixtureRoutes['apiCalls'] = [];
  let override: ApiOverride | undefined;
  const attempts = new Map<string, number>();
  const json = (status: number, body: unknown, headers: Record<string, string> = {}): FixtureAnswer => ({
    status,
    headers: { 'content-type': JSON_TYPE, ...headers },
    body: body === undefined ? '' : JSON.stringify(body),
  });
  const file = (contentType: string, body: string | Buffer): FixtureAnswer => ({ status: 200, headers: { 'content-type': contentType }, body });

  const answer = (url: URL): FixtureAnswer => {
    const path = url.pathname;
    const fixtureApi = `/__fixture${site.apiPrefix}`;
    const isApi = path.startsWith(site.apiPrefix);
    if (isApi || path.startsWith(fixtureApi)) {
      const attempt = (attempts.get(path) ?? 0) + 1;
      attempts.set(path, attempt);
      const custom = isApi ? override?.({ path, url, attempt }) : undefined;
      if (custom) {
        apiCalls.push({ path, at: Date.now(), status: custom.status });
        return json(custom.status, custom.body, custom.headers);
      }
      const computed = site.compute?.(path, url);
      const found = computed === undefined ? apiFile(site, path, url) : undefined;
      const text = computed !== undefined ? JSON.stringify(computed) : found ? readFileSync(found, 'utf8').replaceAll('{{origin}}', url.origin) : undefined;
      const status = !text ? 404 : text.trim() === '__204__' ? 204 : 200;
      if (isApi) apiCalls.push({ path, at: Date.now(), status });
      if (status === 404) return json(404, site.notFound);
      if (status === 204) return { status: 204, headers: {}, body: '' };
      return file(JSON_TYPE, text!);
    }
    if (path === site.app.script) return file('text/javascript; charset=utf-8', readFileSync(join(site.dir, site.app.script.split('/').pop()!)));
    if (path.startsWith('/__fixture/')) {
      const data = fileUnder(site.dir, path.slice('/__fixture/'.length));
      return data ? file(JSON_TYPE, readFileSync(data, 'utf8')) : { status: 404, headers: {}, body: '' };
    }
    if (site.isAppPath(path)) return file('text/html; charset=utf-8', readFileSync(join(site.dir, site.app.html)));
    return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not in the fixture' };
  };
  return { apiCalls, setOverride: (fn) => (override = fn), answer };
}

/** The domains a site's host patterns cover: `https://*.zendesk.com/**` gives `zendesk.com`. */
export function siteDomains(site: FixtureSite): string[] {
  return site.hosts.map((glob) => {
    const domain = /^https:\/\/\*\.([^/*]+)\/\*\*$/.exec(glob)?.[1];
    if (!domain) throw new Error(`unexpected host pattern ${glob}: expected https://*.<domain>/**`);
    return domain;
  });
}

/** True when `hostname` is one of the site's hosts (`acme.zendesk.com` for `https://*.zendesk.com/**`). */
export const siteOwnsHost = (site: FixtureSite, hostname: string): boolean => siteDomains(site).some((d) => hostname.endsWith(`.${d}`));

/**
 * Serves a fake helpdesk app and its API on the real host names. The extension under test is the
 * production build: its content script matches only those hosts.
 */
export async function routeSite(context: BrowserContext, site: FixtureSite): Promise<FixtureRoutes> {
  const server = fixtureServer(site);
  const handler = (route: Route) => route.fulfill(server.answer(new URL(route.request().url())));
  for (const host of site.hosts) await context.route(host, handler);
  return server;
}
