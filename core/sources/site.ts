import type { SourceId } from '../source-ids';
import type { PageTarget } from './page-target';

/**
 * What Tipazh knows of one helpdesk's addresses, free of schema libraries (the content script uses it): its own
 * domains, which of its pages show a client, and the account a host belongs to. One per helpdesk, registered in
 * core/sources/sites.ts; the rest of a helpdesk lives beside it (raw.ts: what its pages give, checked and mapped
 * to a snapshot) and in entrypoints/helpdesk.content/adapters/<id>/ (reading and inserting).
 */
export interface HelpdeskSite {
  id: SourceId;
  /** Match patterns of its own domains: the manifest's host permissions and the content script's matches. */
  hostPatterns: readonly string[];
  /** True for any page on its domains or on one of `custom` (hosts the agent added for it), client or not. */
  owns(url: URL, custom?: readonly string[]): boolean;
  /** The client page this URL shows, or null (a list, a dashboard, an "add" form). */
  target(url: URL, custom?: readonly string[]): PageTarget | null;
  /** The account any page of this host belongs to (what a dossier key and a rate limit are per). */
  account(url: URL): string;
  /** URLs the registry's test checks both ways: client pages with what they show, and its pages without one. */
  examples: { client: readonly (readonly [string, Omit<PageTarget, 'source'>])[]; noClient: readonly string[] };
}

/** True when `url` is on one of the hosts the agent added. */
export const isCustomHost = (url: URL, custom: readonly string[]) => custom.includes(url.host);
