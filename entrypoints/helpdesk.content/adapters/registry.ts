import type { CustomHelpdesk } from '../../../core/schema/custom-helpdesks';
import { customHostsOf } from '../../../core/sources/custom-helpdesks';
import type { PageTarget } from '../../../core/sources/page-target';
import { SOURCES, type SourceId } from '../../../core/source-ids';
import { amocrm } from './amocrm';
import type { HelpdeskAdapter } from './types';
import { zendesk } from './zendesk';

/** Every helpdesk's reader, by id: one per SourceId (the compiler refuses a missing one). */
export const ADAPTERS: Readonly<Record<SourceId, HelpdeskAdapter>> = { zendesk, amocrm };
const ADAPTER_LIST = SOURCES.map((id) => ADAPTERS[id]);

/** A page Tipazh reads: the helpdesk that owns its host, and the client page it shows (null: a view, a list…). */
export interface Recognised {
  adapter: HelpdeskAdapter;
  target: PageTarget | null;
}

/** Which helpdesk owns this URL, on its own domains or on an address the agent added; null: not a helpdesk page. */
export function recognise(url: URL, custom: readonly CustomHelpdesk[] = []): Recognised | null {
  for (const adapter of ADAPTER_LIST) {
    const hosts = customHostsOf(custom, adapter.site.id);
    if (adapter.site.owns(url, hosts)) return { adapter, target: adapter.site.target(url, hosts) };
  }
  return null;
}
