import { CLIENT_TYPES, type ClientTypeId } from './taxonomy';

/*
 * The team's memory in the helpdesk: a type an agent confirmed is kept as a tag on the client (`tipazh_extortionist`,
 * written by Tipazh's team sync or by the team's own trigger), so every teammate's panel can read it back.
 */

/** What Tipazh's tags start with. */
export const TEAM_TAG_PREFIX = 'tipazh_';

/** The helpdesk tag of a type: `tipazh_know_it_all` (helpdesks keep tags lower-case, with underscores). */
export const typeTag = (type: ClientTypeId, prefix = TEAM_TAG_PREFIX) => `${prefix}${type.replace(/-/g, '_')}`;

/** The types the team's tags name, in the taxonomy's order (more than one is a disagreement the panel shows). */
export function teamTypesOf(tags: readonly string[], prefix = TEAM_TAG_PREFIX): ClientTypeId[] {
  const have = new Set(tags.map((t) => t.trim().toLowerCase()));
  return CLIENT_TYPES.filter((t) => have.has(typeTag(t, prefix)));
}
