import type { SourceId } from '../taxonomy';

/** A client page recognised from its URL alone. */
export interface PageTarget {
  source: SourceId;
  /** The helpdesk account: `acme` for acme.zendesk.com (and for eu.acme.zendesk.com, the leftmost label). */
  account: string;
  kind: 'ticket' | 'user' | 'organization';
  id: string;
}

const ZENDESK_HOST = /^([a-z0-9][a-z0-9-]*)(?:\.[a-z0-9-]+)*\.zendesk\.com$/i;

/** True for any page of a Zendesk account (agent UI or not). */
export function isZendeskHost(url: URL): boolean {
  return url.protocol === 'https:' && ZENDESK_HOST.test(url.hostname);
}

/** The Zendesk agent page's target, or null when it shows no client (views, dashboard, search, help center). */
export function parseZendeskUrl(url: URL): PageTarget | null {
  const host = ZENDESK_HOST.exec(url.hostname);
  if (url.protocol !== 'https:' || !host?.[1]) return null;
  const m = /^\/agent\/(tickets|users|organizations)\/(\d+)(?:\/|$)/.exec(url.pathname);
  if (!m?.[1] || !m[2]) return null;
  const kind = ({ tickets: 'ticket', users: 'user', organizations: 'organization' } as const)[m[1] as 'tickets'];
  return { source: 'zendesk', account: host[1].toLowerCase(), kind, id: m[2] };
}

const AMO_HOST = /^([a-z0-9][a-z0-9-]*)\.(amocrm\.ru|amocrm\.com|kommo\.com)$/i;

/** True for any page of an amoCRM or Kommo account. */
export function isAmoHost(url: URL): boolean {
  return url.protocol === 'https:' && AMO_HOST.test(url.hostname);
}

/** The amoCRM/Kommo card's target, or null for lists, pipelines and "add" forms (id 0: no client yet). */
export function parseAmoUrl(url: URL): PageTarget | null {
  const host = AMO_HOST.exec(url.hostname);
  if (url.protocol !== 'https:' || !host?.[1]) return null;
  const m = /^\/(leads|contacts|companies)\/detail\/(\d+)(?:\/|$)/.exec(url.pathname);
  if (!m?.[1] || !m[2] || /^0+$/.test(m[2])) return null;
  const kind = ({ leads: 'ticket', contacts: 'user', companies: 'organization' } as const)[m[1] as 'leads'];
  return { source: 'amocrm', account: `${host[1].toLowerCase()}.${host[2]!.toLowerCase()}`, kind, id: m[2] };
}
