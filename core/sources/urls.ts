import type { SourceId } from '../taxonomy';

/** A client page recognised from its URL alone. */
export interface PageTarget {
  source: SourceId;
  /**
   * The helpdesk account: `acme` for acme.zendesk.com (and for eu.acme.zendesk.com, the leftmost label),
   * the whole host for amoCRM/Kommo (`acme.amocrm.ru`) and for an address the agent added (`support.acme.com`).
   */
  account: string;
  kind: 'ticket' | 'user' | 'organization';
  id: string;
}

/*
 * Every detector takes `custom`: the hosts (`support.acme.com`, no scheme) the agent added for that helpdesk
 * in the options page (core/sources/custom-helpdesks.ts). Their pages follow the same path rules.
 */

const isCustom = (url: URL, custom: readonly string[]) => custom.includes(url.host);

const ZENDESK_HOST = /^([a-z0-9][a-z0-9-]*)(?:\.[a-z0-9-]+)*\.zendesk\.com$/i;

/** True for any page of a Zendesk account (agent UI or not). */
export function isZendeskHost(url: URL, custom: readonly string[] = []): boolean {
  return url.protocol === 'https:' && (ZENDESK_HOST.test(url.hostname) || isCustom(url, custom));
}

/** The account of a Zendesk host: the leftmost label of *.zendesk.com, or an added address's whole host. */
const zendeskAccount = (url: URL) => ZENDESK_HOST.exec(url.hostname)?.[1]?.toLowerCase() ?? url.hostname;

/** The Zendesk agent page's target, or null when it shows no client (views, dashboard, search, help center). */
export function parseZendeskUrl(url: URL, custom: readonly string[] = []): PageTarget | null {
  if (!isZendeskHost(url, custom)) return null;
  const m = /^\/agent\/(tickets|users|organizations)\/(\d+)(?:\/|$)/.exec(url.pathname);
  if (!m?.[1] || !m[2]) return null;
  const kind = ({ tickets: 'ticket', users: 'user', organizations: 'organization' } as const)[m[1] as 'tickets'];
  return { source: 'zendesk', account: zendeskAccount(url), kind, id: m[2] };
}

const AMO_HOST = /^([a-z0-9][a-z0-9-]*)\.(amocrm\.ru|amocrm\.com|kommo\.com)$/i;

/** True for any page of an amoCRM or Kommo account. */
export function isAmoHost(url: URL, custom: readonly string[] = []): boolean {
  return url.protocol === 'https:' && (AMO_HOST.test(url.hostname) || isCustom(url, custom));
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

/** The hosts the agent added, per helpdesk. */
export type CustomHosts = Readonly<Record<SourceId, readonly string[]>>;

/**
 * The helpdesk and account any page of this address belongs to, from its host alone (null: not a helpdesk
 * Tipazh reads). What a report from a tab may claim: its snapshot's source and account must be these.
 */
export function helpdeskOfHost(url: URL, custom: CustomHosts): { source: SourceId; account: string } | null {
  if (isZendeskHost(url, custom.zendesk)) return { source: 'zendesk', account: zendeskAccount(url) };
  if (isAmoHost(url, custom.amocrm)) return { source: 'amocrm', account: url.hostname };
  return null;
}
