import type { SourceId } from '../source-ids';

/** Where a client's tags live in the helpdesk: a Zendesk user or organization, an amoCRM contact or company. */
export type TagTargetKind = 'user' | 'organization' | 'contact' | 'company';
export interface TagTarget {
  kind: TagTargetKind;
  id: string;
}

/**
 * How each helpdesk's dossier ids name the record that carries a client's tags, tried in order: Zendesk users by
 * their bare id and organizations as `org:<id>` (core/sources/zendesk/api.ts), amoCRM people as `contact:<id>` and
 * companies as `company:<id>` (core/sources/amocrm/api.ts).
 */
const TARGETS: Record<SourceId, readonly (readonly [prefix: string, kind: TagTargetKind])[]> = {
  zendesk: [
    ['org:', 'organization'],
    ['', 'user'],
  ],
  amocrm: [
    ['contact:', 'contact'],
    ['company:', 'company'],
  ],
};

/**
 * The helpdesk record that carries the client's tags (team sync writes there); null for a client read from the
 * page alone (`name:…`), which has no record to write to.
 */
export function tagTargetOf(source: SourceId, externalId: string): TagTarget | null {
  for (const [prefix, kind] of TARGETS[source]) {
    const id = externalId.startsWith(prefix) ? externalId.slice(prefix.length) : '';
    if (/^\d{1,20}$/.test(id)) return { kind, id };
  }
  return null;
}
