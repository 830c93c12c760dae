import type { HelpdeskSite } from '../site';
import { isCustomHost } from '../site';
import type { PageTarget } from '../page-target';

const HOST = /^([a-z0-9][a-z0-9-]*)\.(amocrm\.ru|amocrm\.com|kommo\.com)$/i;

/** True for any page of an amoCRM or Kommo account. */
export function isAmoHost(url: URL, custom: readonly string[] = []): boolean {
  return url.protocol === 'https:' && (HOST.test(url.hostname) || isCustomHost(url, custom));
}

/** The amoCRM/Kommo card's target, or null for lists, pipelines and "add" forms (id 0: no client yet). */
export function parseAmoUrl(url: URL, custom: readonly string[] = []): PageTarget | null {
  if (!isAmoHost(url, custom)) return null;
  const m = /^\/(leads|contacts|companies)\/detail\/(\d+)(?:\/|$)/.exec(url.pathname);
  if (!m?.[1] || !m[2] || /^0+$/.test(m[2])) return null;
  const kind = ({ leads: 'ticket', contacts: 'user', companies: 'organization' } as const)[m[1] as 'leads'];
  // The URL parser lower-cases host names already.
  return { source: 'amocrm', account: url.hostname, kind, id: m[2] };
}

/** amoCRM (amocrm.ru, amocrm.com) and Kommo: the account is the whole host. */
export const amocrmSite: HelpdeskSite = {
  id: 'amocrm',
  hostPatterns: ['https://*.amocrm.ru/*', 'https://*.amocrm.com/*', 'https://*.kommo.com/*'],
  owns: isAmoHost,
  target: parseAmoUrl,
  account: (url) => url.hostname,
  examples: {
    client: [
      ['https://acme.amocrm.ru/leads/detail/5001', { kind: 'ticket', id: '5001', account: 'acme.amocrm.ru' }],
      ['https://acme.amocrm.com/contacts/detail/7001', { kind: 'user', id: '7001', account: 'acme.amocrm.com' }],
      ['https://globex.kommo.com/companies/detail/9', { kind: 'organization', id: '9', account: 'globex.kommo.com' }],
    ],
    noClient: ['https://acme.amocrm.ru/leads/detail/0', 'https://acme.amocrm.ru/leads/add/', 'https://acme.amocrm.ru/leads/pipeline/123'],
  },
};
