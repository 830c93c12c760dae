import type { BrowserContext } from '@playwright/test';
import { resolve } from 'node:path';
import { AMOCRM_TAGS } from './amocrm-tags';
import { routeSite, type FixtureRoutes, type FixtureSite } from './fixture-routes';

/** The fake amoCRM/Kommo card app in tests/fixtures/amocrm (see its README). */
export const AMOCRM_SITE: FixtureSite = {
  dir: resolve(import.meta.dirname, '../fixtures/amocrm'),
  hosts: ['https://*.amocrm.ru/**', 'https://*.amocrm.com/**', 'https://*.kommo.com/**'],
  apiPrefix: '/api/v4/',
  app: { html: 'card.html', script: '/__fixture/card.js' },
  isAppPath: () => true,
  notFound: { title: 'Not Found', type: 'https://httpstatus.es/404', status: 404, detail: 'Not found' },
  tags: AMOCRM_TAGS,
};

export const routeAmo = (context: BrowserContext): Promise<FixtureRoutes> => routeSite(context, AMOCRM_SITE);
