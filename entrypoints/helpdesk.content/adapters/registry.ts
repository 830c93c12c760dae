import { amocrm } from './amocrm';
import type { HelpdeskAdapter } from './types';
import { zendesk } from './zendesk';

/** Every supported helpdesk. A new adapter is added here and to core/hosts.ts. */
export const ADAPTERS: readonly HelpdeskAdapter[] = [zendesk, amocrm];

export const adapterFor = (url: URL) => ADAPTERS.find((a) => a.owns(url));
