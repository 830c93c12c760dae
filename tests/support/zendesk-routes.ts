import type { BrowserContext } from '@playwright/test';
import { resolve } from 'node:path';
import { routeSite, type FixtureRoutes, type FixtureSite } from './fixture-routes';

export type { ApiOverride } from './fixture-routes';
export type ZendeskRoutes = FixtureRoutes;

/** The fake Zendesk Agent Workspace in tests/fixtures/zendesk (see its README). */
export const ZENDESK_SITE: FixtureSite = {
  dir: resolve(import.meta.dirname, '../fixtures/zendesk'),
  hosts: ['https://*.zendesk.com/**'],
  apiPrefix: '/api/v2/',
  app: { html: 'agent.html', script: '/__fixture/agent.js' },
  isAppPath: (p) => p.startsWith('/agent'),
  notFound: { error: 'RecordNotFound', description: 'Not found' },
};

export const routeZendesk = (context: BrowserContext): Promise<ZendeskRoutes> => routeSite(context, ZENDESK_SITE);
