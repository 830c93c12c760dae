import type { CustomHelpdesk } from '../../../core/schema/custom-helpdesks';
import { customHostsOf } from '../../../core/sources/custom-helpdesks';
import type { PageTarget } from '../../../core/sources/urls';
import { amocrm } from './amocrm';
import type { HelpdeskAdapter } from './types';
import { zendesk } from './zendesk';

/** Every supported helpdesk. A new adapter is added here and to core/hosts.ts. */
export const ADAPTERS: readonly HelpdeskAdapter[] = [zendesk, amocrm];

/** A page Tipazh reads: the helpdesk that owns its host, and the client page it shows (null: a view, a list…). */
export interface Recognised {
  adapter: HelpdeskAdapter;
  target: PageTarget | null;
}

/** Which helpdesk owns this URL, on its own domains or on an address the agent added; null: not a helpdesk page. */
export function recognise(url: URL, custom: readonly CustomHelpdesk[] = []): Recognised | null {
  for (const adapter of ADAPTERS) {
    const hosts = customHostsOf(custom, adapter.id);
    if (adapter.owns(url, hosts)) return { adapter, target: adapter.target(url, hosts) };
  }
  return null;
}
