import type { BrowserContext, Route } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { isRead, showTags, tagStore, type ApiReply, type ApiRequest, type TagControl, type TagModel } from './fake-tags';

/**
 * An API answer a test puts in place of the fake's own (the fixture file or the tag API); return undefined to
 * let the fake answer. `attempt` counts the requests of this method to this path, this one included.
 */
export type ApiOverride = (req: ApiRequest & { attempt: number }) => ApiReply | undefined;

/** One real API request as the fake saw it. */
export interface ApiCall {
  path: string;
  at: number;
  status: number;
  method: string;
  /** Only `x-csrf-token`, `x-requested-with` and `content-type`, when sent. */
  headers: Record<string, string>;
  /** The parsed JSON body; undefined when there was none or it was not JSON. */
  body: unknown;
}

export interface FixtureRoutes extends TagControl {
  /** Every real API request (not the fake app's own `/__fixture/` reads), in order. */
  apiCalls: ApiCall[];
  /** Replace the API's behaviour from now on (e.g. answer 403 or 429, or only for PUTs). */
  setOverride(fn: ApiOverride | undefined): void;
}

/** The API requests that were not reads (GET), in order: what a test checks of a helpdesk write. */
export const writesOf = (routes: FixtureRoutes): ApiCall[] => routes.apiCalls.filter((c) => c.method !== 'GET');

/** A request to a fake helpdesk, whoever delivers it. `headers` have lower-case names. */
export interface FixtureRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
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
  /** The helpdesk's tag API: writes, and the current tags in every answer (tests/support/fake-tags.ts). */
  tags?: TagModel;
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
  /** The answer to a request for `url` on one of the site's hosts; without `req`, a GET. */
  answer(url: URL, req?: FixtureRequest): FixtureAnswer;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const RECORDED_HEADERS = ['x-csrf-token', 'x-requested-with', 'content-type'];

function parseJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
const lowerCaseNames = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
const recorded = (headers: Record<string, string>) => Object.fromEntries(RECORDED_HEADERS.filter((h) => h in headers).map((h) => [h, headers[h]!]));

/** A fake helpdesk app and its API: the fixture files, the site's computed answers, its tag state and a test's overrides. */
export function fixtureServer(site: FixtureSite): FixtureServer {
  const apiCalls: ApiCall[] = [];
  let override: ApiOverride | undefined;
  const attempts = new Map<string, number>();
  const tags = site.tags && tagStore(site.dir, site.tags);
  const json = (status: number, body: unknown, headers: Record<string, string> = {}): FixtureAnswer => ({
    status,
    headers: { 'content-type': JSON_TYPE, ...headers },
    body: body === undefined ? '' : JSON.stringify(body),
  });
  const file = (contentType: string, body: string | Buffer): FixtureAnswer => ({ status: 200, headers: { 'content-type': contentType }, body });
  /** A served JSON text with the entities' current tags (the text itself while nothing differs from it). */
  const withCurrentTags = (text: string): string => {
    if (!site.tags || !tags) return text;
    const data = JSON.parse(text);
    return showTags(data, site.tags, tags) ? JSON.stringify(data) : text;
  };

  /** The API: a test's override, the tag API, then (for reads only) the site's computed answers and files. */
  const apiAnswer = (req: ApiRequest, isApi: boolean): FixtureAnswer => {
    const key = `${req.method} ${req.path}`;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    const reply = isApi ? (override?.({ ...req, attempt }) ?? (tags && site.tags?.answer(req, tags, site.notFound))) : undefined;
    if (reply) return json(reply.status, reply.body, reply.headers);
    if (!isRead(req.method)) return json(405, { error: 'MethodNotAllowed', description: `The fake helpdesk does not implement ${req.method} ${req.path}.` });
    const computed = site.compute?.(req.path, req.url);
    const found = computed === undefined ? apiFile(site, req.path, req.url) : undefined;
    const text = computed !== undefined ? JSON.stringify(computed) : found ? readFileSync(found, 'utf8').replaceAll('{{origin}}', req.url.origin) : undefined;
    if (!text) return json(404, site.notFound);
    if (text.trim() === '__204__') return { status: 204, headers: {}, body: '' };
    return file(JSON_TYPE, withCurrentTags(text));
  };

  const answer = (url: URL, req: FixtureRequest = { method: 'GET', headers: {} }): FixtureAnswer => {
    const path = url.pathname;
    const isApi = path.startsWith(site.apiPrefix);
    if (isApi || path.startsWith(`/__fixture${site.apiPrefix}`)) {
      const headers = lowerCaseNames(req.headers);
      const request: ApiRequest = { path, url, method: req.method.toUpperCase(), headers, body: parseJson(req.body) };
      const reply = apiAnswer(request, isApi);
      if (isApi) apiCalls.push({ path, at: Date.now(), status: reply.status, method: request.method, headers: recorded(headers), body: request.body });
      return reply;
    }
    if (path === site.app.script) return file('text/javascript; charset=utf-8', readFileSync(join(site.dir, site.app.script.split('/').pop()!)));
    if (path.startsWith('/__fixture/')) {
      const data = fileUnder(site.dir, path.slice('/__fixture/'.length));
      return data ? file(JSON_TYPE, readFileSync(data, 'utf8')) : { status: 404, headers: {}, body: '' };
    }
    if (site.isAppPath(path)) return file('text/html; charset=utf-8', readFileSync(join(site.dir, site.app.html)));
    return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not in the fixture' };
  };

  const control = (): TagControl => {
    if (!tags) throw new Error(`the fake helpdesk in ${site.dir} keeps no tags`);
    return tags;
  };
  return {
    apiCalls,
    setOverride: (fn) => (override = fn),
    answer,
    tagsOf: (kind, id) => control().tagsOf(kind, id),
    setTags: (kind, id, list) => control().setTags(kind, id, list),
    onWrite: (fn) => control().onWrite(fn),
  };
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
  const handler = (route: Route) => {
    const req = route.request();
    return route.fulfill(server.answer(new URL(req.url()), { method: req.method(), headers: req.headers(), body: req.postData() ?? undefined }));
  };
  for (const host of site.hosts) await context.route(host, handler);
  return server;
}
