import { normalizeEmail, normalizePhone } from './identity';
import type { Segment } from './pack/schema';
import { segmentTeamTag, TEAM_TAG_PREFIX } from './team-tags';

export interface SegmentFacts {
  email?: string;
  phone?: string;
  tags: readonly string[];
  /** Share of clients with more revenue than this one (0 = the top client); undefined when unknown. */
  revenueRank?: number;
  /** The team sync prefix of the team's segment tags (default `tipazh_`). */
  teamPrefix?: string;
}

export interface SegmentVerdict {
  segment: Segment;
  reason: 'vip-email' | 'vip-phone' | 'vip-domain' | 'tag' | 'top-revenue' | 'everyone';
  vars: Record<string, string | number>;
}

/** Why a client is on a segment's VIP lists (its emails, phones or domains), or null when they are not. */
export function onVipList(
  s: Segment,
  f: Pick<SegmentFacts, 'email' | 'phone'>,
): { reason: 'vip-email' | 'vip-phone' | 'vip-domain'; vars: Record<string, string> } | null {
  const email = normalizeEmail(f.email);
  const phone = normalizePhone(f.phone);
  if (email && s.emails?.includes(email)) return { reason: 'vip-email', vars: { email } };
  if (phone && s.phones?.includes(phone)) return { reason: 'vip-phone', vars: { phone } };
  const domain = email?.split('@')[1];
  if (domain && s.domains?.some((d) => domain === d || domain.endsWith(`.${d}`))) return { reason: 'vip-domain', vars: { domain } };
  return null;
}

/**
 * The first of a segment's tags the client has (any case), or the team's tag of the segment (`tipazh_seg_<id>`,
 * written by a teammate's team sync); undefined when neither.
 */
export function segmentTag(s: Segment, tags: readonly string[], teamPrefix = TEAM_TAG_PREFIX): string | undefined {
  const have = new Set(tags.map((t) => t.toLowerCase()));
  const team = segmentTeamTag(s.id, teamPrefix);
  return s.tags?.find((t) => have.has(t.toLowerCase())) ?? (have.has(team) ? team : undefined);
}

/** Why a client is in a segment, or null when they are not. A segment with no criteria takes everyone. */
function match(s: Segment, f: SegmentFacts): Omit<SegmentVerdict, 'segment'> | null {
  const listed = onVipList(s, f);
  if (listed) return listed;
  const tag = segmentTag(s, f.tags, f.teamPrefix);
  if (tag) return { reason: 'tag', vars: { tag } };
  if (s.topRevenuePercent != null && f.revenueRank != null && f.revenueRank * 100 < s.topRevenuePercent) {
    return { reason: 'top-revenue', vars: { percent: s.topRevenuePercent } };
  }
  const open = !s.emails?.length && !s.phones?.length && !s.domains?.length && !s.tags?.length && s.topRevenuePercent == null;
  return open ? { reason: 'everyone', vars: {} } : null;
}

/** The client's segment (seed 003): the highest-priority segment that takes them, in pack order within a priority. */
export function segmentFor(f: SegmentFacts, segments: readonly Segment[] | undefined): SegmentVerdict | null {
  const ordered = [...(segments ?? [])].map((s, i) => ({ s, i })).sort((a, b) => a.s.priority - b.s.priority || a.i - b.i);
  for (const { s } of ordered) {
    const m = match(s, f);
    if (m) return { segment: s, ...m };
  }
  return null;
}
