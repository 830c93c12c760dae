import type { HelpdeskSite } from '../site';
import { isCustomHost } from '../site';
import type { PageTarget } from '../page-target';

const HOST = /^([a-z0-9][a-z0-9-]*)(?:\.[a-z0-9-]+)*\.zendesk\.com$/i;

/** True for any page of a Zendesk account (agent UI or not). */
export function isZendeskHost(url: URL, custom: readonly string[] = []): boolean {
  return url.protocol === 'https:' && (HOST.test(url.hostname) || isCustomHost(url, custom));
}

/** The account of a Zendesk host: the leftmost label of *.zendesk.com, or an added address's whole host. */
const zendeskAccount = (url: URL) => HOST.exec(url.hostname)?.[1]?.toLowerCase() ?? url.hostname;

/** The Zendesk agent page's target, or null when it shows no client (views, dashboard, search, help center). */
export function parseZendeskUrl(url: URL, custom: readonly string[] = []): PageTarget | null {
  if (!isZendeskHost(url, custom)) return null;
  const m = /^\/agent\/(tickets|users|organizations)\/(\d+)(?:\/|$)/.exec(url.pathname);
  if (!m?.[1] || !m[2]) return null;
  const kind = ({ tickets: 'ticket', users: 'user', organizations: 'organization' } as const)[m[1] as 'tickets'];
  return { source: 'zendesk', account: zendeskAccount(url), kind, id: m[2] };
}

/** Zendesk Support's Agent Workspace on *.zendesk.com. */
export const zendeskSite: HelpdeskSite = {
  id: 'zendesk',
  hostPatterns: ['https://*.zendesk.com/*'],
  owns: isZendeskHost,
  target: parseZendeskUrl,
  account: zendeskAccount,
  examples: {
    client: [
      ['https://acme.zendesk.com/agent/tickets/1201', { kind: 'ticket', id: '1201', account: 'acme' }],
      ['https://support.acme.zendesk.com/agent/users/38156690203345', { kind: 'user', id: '38156690203345', account: 'support' }],
      ['https://acme.zendesk.com/agent/organizations/24015530871201', { kind: 'organization', id: '24015530871201', account: 'acme' }],
    ],
    noClient: ['https://acme.zendesk.com/agent/dashboard', 'https://acme.zendesk.com/agent/filters/360001'],
  },
};
