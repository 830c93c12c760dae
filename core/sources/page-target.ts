import type { SourceId } from '../source-ids';

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
