import { SOURCES, type SourceId } from '../source-ids';
import { amocrmSite } from './amocrm/site';
import type { HelpdeskSite } from './site';
import { zendeskSite } from './zendesk/site';

/**
 * Every helpdesk Tipazh reads, by id: one entry per SourceId (the compiler refuses a missing one), and every
 * list of helpdesks (host patterns, the options page's kinds, URL recognition) is derived from here.
 */
export const SITES: Readonly<Record<SourceId, HelpdeskSite>> = { zendesk: zendeskSite, amocrm: amocrmSite };
export const SITE_LIST: readonly HelpdeskSite[] = SOURCES.map((id) => SITES[id]);

/** Match patterns of every helpdesk's own domains: the content script runs there and nowhere else. */
export const HELPDESK_HOST_PATTERNS: string[] = SITE_LIST.flatMap((s) => s.hostPatterns);

/** The hosts the agent added, per helpdesk. */
export type CustomHosts = Readonly<Record<SourceId, readonly string[]>>;

/**
 * The helpdesk and account any page of this address belongs to, from its host alone (null: not a helpdesk
 * Tipazh reads). What a report from a tab may claim: its snapshot's source and account must be these.
 */
export function helpdeskOfHost(url: URL, custom: CustomHosts): { source: SourceId; account: string } | null {
  const site = SITE_LIST.find((s) => s.owns(url, custom[s.id]));
  return site ? { source: site.id, account: site.account(url) } : null;
}

/** True for a page on the built-in domains of any helpdesk (an address the agent adds must be another). */
export const isBuiltInHelpdesk = (url: URL) => SITE_LIST.some((s) => s.owns(url));
