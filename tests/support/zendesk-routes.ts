import type { BrowserContext } from '@playwright/test';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { apiFile, routeSite, type FixtureRoutes, type FixtureSite } from './fixture-routes';
import { ZENDESK_TAGS } from './zendesk-tags';

export type { ApiOverride } from './fixture-routes';
export { ZENDESK_CSRF_TOKEN } from './zendesk-tags';
export type ZendeskRoutes = FixtureRoutes;

/** The fake Zendesk Agent Workspace in tests/fixtures/zendesk (see its README). */
export const ZENDESK_SITE: FixtureSite = {
  dir: resolve(import.meta.dirname, '../fixtures/zendesk'),
  hosts: ['https://*.zendesk.com/**'],
  apiPrefix: '/api/v2/',
  app: { html: 'agent.html', script: '/__fixture/agent.js' },
  isAppPath: (p) => p.startsWith('/agent'),
  notFound: { error: 'RecordNotFound', description: 'Not found' },
  compute: (path, url) => ticketComments(path, url),
  tags: ZENDESK_TAGS,
};

/**
 * Every comment of a fixture ticket, oldest first (its comments file and the pages it links to), and the page
 * size those files use (a fixture split into pages of 3 is served in pages of 3, whichever order is asked).
 */
function fixtureComments(id: string, origin: string): { all: unknown[]; pageSize: number } | undefined {
  let url: URL | null = new URL(`${origin}/api/v2/tickets/${id}/comments.json`);
  const all: unknown[] = [];
  let pageSize = 100;
  while (url) {
    const file = apiFile(ZENDESK_SITE, url.pathname, url);
    if (!file) break;
    const page = JSON.parse(readFileSync(file, 'utf8').replaceAll('{{origin}}', origin)) as {
      comments?: unknown[];
      meta?: { has_more?: boolean };
      links?: { next?: string };
    };
    const more = Boolean(page.meta?.has_more && page.links?.next);
    if (!all.length && more) pageSize = Math.max(1, page.comments?.length ?? 100);
    all.push(...(page.comments ?? []));
    url = more ? new URL(page.links!.next!) : null;
  }
  return all.length ? { all, pageSize } : undefined;
}

/**
 * The comments API as Zendesk answers it: cursor pages of `page[size]` (at most 100), oldest first or, with
 * `sort=-created_at`, newest first; and `/comments/count`.
 */
export function commentsPage(all: readonly unknown[], url: URL, maxPage = 100): unknown {
  const list = url.searchParams.get('sort') === '-created_at' ? [...all].reverse() : all;
  const size = Math.min(maxPage, Number(url.searchParams.get('page[size]')) || 100);
  const after = url.searchParams.get('page[after]');
  const start = after?.startsWith('o') ? Number(after.slice(1)) : 0;
  const more = start + size < list.length;
  const next = new URL(url.href);
  next.searchParams.set('page[after]', `o${start + size}`);
  return {
    comments: list.slice(start, start + size),
    meta: { has_more: more, after_cursor: more ? `o${start + size}` : null, before_cursor: null },
    links: { prev: null, next: more ? next.href : null },
  };
}

function ticketComments(path: string, url: URL): unknown {
  const m = /\/tickets\/(\d+)\/comments(\/count)?\.json$/.exec(path);
  if (!m?.[1]) return undefined;
  const fixture = fixtureComments(m[1], url.origin);
  if (!fixture) return undefined;
  return m[2] ? { count: { value: fixture.all.length, refreshed_at: '2026-03-01T10:00:00Z' } } : commentsPage(fixture.all, url, fixture.pageSize);
}

export const routeZendesk = (context: BrowserContext): Promise<ZendeskRoutes> => routeSite(context, ZENDESK_SITE);
