import type { ClientSnapshot } from '../schema/snapshot';

/** Helpdesk tags a dossier keeps, at most; each cut to this length. */
const MAX_HELPDESK_TAGS = 200;
const MAX_TAG = 100;

/**
 * The helpdesk's tags for a client after a read: the client's and the ticket's (or lead's). A read from the page
 * (`via: 'dom'`) may miss the client's tags, so the dossier's earlier ones stay; an API read replaces them.
 */
export function helpdeskTagsAfter(earlier: readonly string[] | undefined, snap: ClientSnapshot): string[] {
  const read = [...snap.client.tags, ...(snap.ticket?.tags ?? [])];
  const all = snap.via === 'dom' ? [...(earlier ?? []), ...read] : read;
  return [...new Set(all.map((t) => t.slice(0, MAX_TAG)))].slice(0, MAX_HELPDESK_TAGS);
}
