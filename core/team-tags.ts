import { CLIENT_TYPES, type ClientTypeId } from './taxonomy';

/*
 * The team's memory in the helpdesk: a type an agent confirmed is kept as a tag on the client (`tipazh_extortionist`,
 * written by Tipazh's team sync or by the team's own trigger), so every teammate's panel can read it back.
 */

/** What Tipazh's tags start with unless the team's pack names another prefix. */
export const TEAM_TAG_PREFIX = 'tipazh_';

/** Helpdesks keep tags lower-case, with underscores: `know-it-all` becomes `know_it_all`. */
const asTag = (id: string) => id.toLowerCase().replace(/-/g, '_');

/** The helpdesk tag of a type: `tipazh_know_it_all`. */
export const typeTag = (type: ClientTypeId, prefix = TEAM_TAG_PREFIX) => `${prefix}${asTag(type)}`;
/** The team's VIP tag: `tipazh_vip`. */
export const vipTag = (prefix = TEAM_TAG_PREFIX) => `${prefix}vip`;
/** The tag of a pack segment: `tipazh_seg_key_accounts`. */
export const segmentTeamTag = (segment: string, prefix = TEAM_TAG_PREFIX) => `${prefix}seg_${asTag(segment)}`;

/** Tags as a set to look names up in: trimmed, lower-case. */
export const tagSet = (tags: readonly string[]) => new Set(tags.map((t) => t.trim().toLowerCase()));

/** The types the team's tags name, in the taxonomy's order (more than one is a disagreement the panel shows). */
export function teamTypesOf(tags: readonly string[], prefix = TEAM_TAG_PREFIX): ClientTypeId[] {
  const have = tagSet(tags);
  return CLIENT_TYPES.filter((t) => have.has(typeTag(t, prefix)));
}

/** Every type tag of the prefix among `tags`, as written there. */
export const typeTagsIn = (tags: readonly string[], prefix = TEAM_TAG_PREFIX): string[] => {
  const all = new Set(CLIENT_TYPES.map((t) => typeTag(t, prefix)));
  return tags.filter((t) => all.has(t.trim().toLowerCase()));
};
