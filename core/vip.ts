import type { StrategyPack } from './pack/schema';
import type { ClientSnapshot } from './schema/snapshot';
import { onVipList, segmentTag } from './segments';
import type { ClientRecord } from './store/db';
import { helpdeskTagsAfter } from './store/helpdesk-tags';
import type { ServiceLevelId } from './taxonomy';
import { TEAM_TAG_PREFIX, vipTag } from './team-tags';

/*
 * One VIP state. A client is VIP when the helpdesk tags them so, when the team's pack lists them, or when the
 * agent marks them; the panel's star and its words, the client list (and a search for "vip"), the service level
 * (Lion King) and the offer to lock notes all read `vipOf`.
 */

/** The tag that makes a client VIP whatever the pack says; a pack's `serviceLevelRules.vipTags` add others. */
export const VIP_TAG = 'vip';
/** The team's VIP tag, as Tipazh's team sync writes it (core/team-tags.ts): read back like `vip`. */
export const TEAM_VIP_TAG = vipTag();

/** What the VIP state is read from. */
export interface VipFacts {
  /** Tags the helpdesk gives the client and the open ticket or lead. */
  helpdeskTags: readonly string[];
  /** The agent's own tags in the dossier. */
  tags: readonly string[];
  /** The dossier's VIP mark, set by the agent. */
  flag: boolean;
  /** The service level the agent set by hand. */
  levelOverride?: ServiceLevelId;
  email?: string;
  phone?: string;
}

/** Why a client is VIP: the helpdesk's tag, the team pack's list or rule, or the agent's own mark. */
export type VipReason =
  | { source: 'helpdesk'; tag: string }
  | { source: 'pack'; segment: string; by: 'email' | 'phone' | 'domain' | 'tag'; value: string }
  | { source: 'agent'; by: 'flag' | 'tag' | 'lion-king'; tag?: string };
export type VipSource = VipReason['source'];

const lower = (s: string) => s.toLowerCase();

/**
 * Whether the client is VIP, and why; null when not. In this order: a helpdesk tag that is a VIP tag (`vip`, the
 * team's `tipazh_vip`, or one of the pack's `vipTags`); the pack's segments, by their VIP lists (emails, phones, domains) or, for a
 * segment served as Lion King, by its tags; the agent's mark, own VIP tag, or Lion King set by hand. A share of
 * revenue never makes a VIP: it moves with every other client's purchases.
 */
export function vipOf(f: VipFacts, pack: StrategyPack | undefined): VipReason | null {
  const prefix = pack?.teamSync?.prefix ?? TEAM_TAG_PREFIX;
  const vipTags = new Set([VIP_TAG, TEAM_VIP_TAG, vipTag(prefix), ...(pack?.serviceLevelRules?.vipTags ?? [])].map(lower));
  const isVipTag = (t: string) => vipTags.has(lower(t));
  const tagged = f.helpdeskTags.find(isVipTag);
  if (tagged) return { source: 'helpdesk', tag: tagged };
  for (const s of pack?.segments ?? []) {
    const listed = onVipList(s, f);
    if (listed) {
      const by = listed.reason === 'vip-email' ? 'email' : listed.reason === 'vip-phone' ? 'phone' : 'domain';
      return { source: 'pack', segment: s.id, by, value: Object.values(listed.vars)[0]! };
    }
    const tag = s.serviceLevel === 'lion-king' ? segmentTag(s, [...f.helpdeskTags, ...f.tags], prefix) : undefined;
    if (tag) return { source: 'pack', segment: s.id, by: 'tag', value: tag };
  }
  if (f.flag) return { source: 'agent', by: 'flag' };
  const own = f.tags.find(isVipTag);
  if (own) return { source: 'agent', by: 'tag', tag: own };
  return f.levelOverride === 'lion-king' ? { source: 'agent', by: 'lion-king' } : null;
}

/** The dossier fields the VIP state reads. */
export type VipRecord = Pick<ClientRecord, 'vip' | 'tags' | 'helpdeskTags' | 'serviceLevelOverride' | 'email' | 'phone'>;

/** The VIP facts of a dossier, and of the page open on it when there is one (its tags are the newest). */
export function vipFactsOf(record: VipRecord | undefined, snap?: ClientSnapshot): VipFacts {
  return {
    helpdeskTags: snap ? helpdeskTagsAfter(record?.helpdeskTags, snap) : (record?.helpdeskTags ?? []),
    tags: record?.tags ?? [],
    flag: record?.vip ?? false,
    levelOverride: record?.serviceLevelOverride?.level,
    email: snap?.client.email ?? record?.email,
    phone: snap?.client.phone ?? record?.phone,
  };
}
