import type { StrategyPack } from '../pack/schema';
import { segmentFor } from '../segments';
import type { ClientRecord } from '../store/db';
import { segmentTeamTag, tagSet, TEAM_TAG_PREFIX, typeTag, typeTagsIn, vipTag } from '../team-tags';
import type { TypeVerdict } from '../taxonomy';
import { vipFactsOf, vipOf } from '../vip';
import type { TeamSyncChoice } from './choice';
import { teamSyncSettings, type TeamSyncSettings } from './settings';
import { tagTargetOf, type TagTarget } from './target';

/** The type the agent stands behind: their override, else the type they confirmed. */
export const confirmedTypeOf = (c: Pick<ClientRecord, 'typeOverride' | 'typeConfirmed'>): TypeVerdict | undefined =>
  c.typeOverride?.type ?? c.typeConfirmed?.type;

/**
 * The tags team sync wants on the client: the confirmed type (never a guess, never "unknown"); `vip` when the agent
 * or the team's pack makes the client VIP (a helpdesk tag already says so by itself); the client's segment, by the
 * pack's rules, once the agent has confirmed something. Each only when the settings write it.
 */
export function wantedTags(c: ClientRecord, pack: StrategyPack, s: TeamSyncSettings): string[] {
  const type = confirmedTypeOf(c);
  const out: string[] = [];
  if (s.write.type && type && type !== 'unknown') out.push(typeTag(type, s.prefix));
  // Tipazh's own VIP tag is left out of the facts: written by us, it must not keep itself alive.
  const own = tagSet([vipTag(s.prefix), vipTag(TEAM_TAG_PREFIX)]);
  const vip = vipOf({ ...vipFactsOf(c), helpdeskTags: c.helpdeskTags.filter((t) => !own.has(t.toLowerCase())) }, pack);
  if (s.write.vip && vip && vip.source !== 'helpdesk') out.push(vipTag(s.prefix));
  if (s.write.segment && (type || c.vip)) {
    // Tipazh's own segment tags are left out too: the segment must still hold by the pack's own rules.
    const ownSeg = `${s.prefix}seg_`;
    const tags = [...c.helpdeskTags.filter((t) => !t.toLowerCase().startsWith(ownSeg)), ...c.tags];
    const seg = segmentFor({ email: c.email, phone: c.phone, tags, teamPrefix: s.prefix }, pack.segments);
    if (seg && seg.reason !== 'everyone') out.push(segmentTeamTag(seg.segment.id, s.prefix));
  }
  return out;
}

/**
 * What to write to reach `wanted`: add what the client lacks, remove what Tipazh wrote (or still means to add) and no
 * longer wants, and, when the confirmed type CHANGED (not in `previousWanted`), the type tag the client carried
 * (a teammate's, or our own older one). A tag Tipazh wrote and someone removed since is not put back by an
 * unrelated edit: only a new confirmation of it (absent from `previousWanted`) writes it again.
 */
export function tagChange(
  wanted: readonly string[],
  facts: { helpdeskTags: readonly string[]; written: readonly string[]; pendingAdd?: readonly string[]; previousWanted?: readonly string[] },
  prefix: string,
): { add: string[]; remove: string[] } {
  const have = tagSet(facts.helpdeskTags);
  const want = tagSet(wanted);
  const before = tagSet(facts.previousWanted ?? []);
  const written = tagSet(facts.written);
  const add = wanted.filter((t) => !have.has(t) && !(before.has(t) && written.has(t)));
  const ours = [...facts.written, ...(facts.pendingAdd ?? [])];
  const newType = wanted.find((t) => typeTagsIn([t], prefix).length && !before.has(t));
  const previousType = newType ? typeTagsIn(facts.helpdeskTags, prefix) : [];
  const remove = [...new Set([...ours, ...previousType].map((t) => t.toLowerCase()))].filter((t) => !want.has(t));
  return { add, remove };
}

/** Team sync for one client: the settings, where the tags go, and the tags wanted; `target` null when nothing can be written. */
export interface SyncPlan {
  settings: TeamSyncSettings;
  target: TagTarget | null;
  /** Zendesk ticket tags, when the pack asks for them and the client's last ticket is known. */
  ticket?: { id: string };
  wanted: string[];
}

export function syncPlan(c: ClientRecord, pack: StrategyPack, choice: TeamSyncChoice | undefined): SyncPlan {
  const settings = teamSyncSettings(pack.teamSync, choice);
  const target = tagTargetOf(c.source, c.externalId);
  const ticketId = settings.ticketTags && c.source === 'zendesk' && c.lastTicketId && /^\d{1,20}$/.test(c.lastTicketId) ? c.lastTicketId : undefined;
  return { settings, target, ...(ticketId ? { ticket: { id: ticketId } } : {}), wanted: wantedTags(c, pack, settings) };
}
