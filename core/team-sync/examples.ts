import type { Segment } from '../pack/schema';
import { segmentTeamTag, typeTag, vipTag } from '../team-tags';
import { TEAM_SYNC_PARTS, type TeamSyncPart, type TeamSyncSettings } from './settings';

/** The type the options page shows its tag for. */
export const EXAMPLE_TYPE = 'extortionist' as const;

/**
 * A segment team sync can put a client in: one with lists or tags (a segment open to everyone is never written,
 * and the revenue rank is not known where the tags are planned).
 */
const taggable = (s: Segment) => !!(s.emails?.length || s.phones?.length || s.domains?.length || s.tags?.length);

/**
 * One example tag for each part the settings write, in their order: the type's (`tipazh_extortionist`), the VIP
 * one, and the tag of the pack's first segment a client can be put in (none when it has no such segment).
 */
export function exampleTags(s: TeamSyncSettings, segments: readonly Segment[] | undefined): { part: TeamSyncPart; tag?: string }[] {
  const segment = segments?.find(taggable);
  const tagOf: Record<TeamSyncPart, string | undefined> = {
    type: typeTag(EXAMPLE_TYPE, s.prefix),
    vip: vipTag(s.prefix),
    segment: segment && segmentTeamTag(segment.id, s.prefix),
  };
  return TEAM_SYNC_PARTS.filter((p) => s.write[p]).map((part) => ({ part, ...(tagOf[part] ? { tag: tagOf[part] } : {}) }));
}
