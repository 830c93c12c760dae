import { TEAM_TAG_PREFIX } from '../team-tags';

/*
 * Team sync: what Tipazh writes back to the helpdesk as tags, and whether it writes at all. Off unless the
 * team's pack (its `teamSync` section, core/pack/team-sync-section.ts) or the agent turns it on; the agent's own
 * choice (options page) wins over the pack's. No schema library here: the panel uses it.
 */

/** What team sync can write: the confirmed type, the VIP mark, the client's segment. */
export const TEAM_SYNC_PARTS = ['type', 'vip', 'segment'] as const;
export type TeamSyncPart = (typeof TEAM_SYNC_PARTS)[number];

/** A pack's `teamSync` section, as core/pack/team-sync-section.ts checks it. */
export interface TeamSyncSectionShape {
  enabled?: boolean;
  prefix?: string;
  write?: TeamSyncPart[];
  ticketTags?: boolean;
}

/** The agent's own choice on the options page (core/team-sync/choice.ts); none: follow the pack. */
export interface TeamSyncChoiceShape {
  enabled?: boolean;
}

/** Team sync as it applies now, and who decided whether it is on. */
export interface TeamSyncSettings {
  enabled: boolean;
  decidedBy: 'agent' | 'pack' | 'default';
  prefix: string;
  write: Record<TeamSyncPart, boolean>;
  ticketTags: boolean;
}

const DEFAULT_PARTS: readonly TeamSyncPart[] = ['type', 'vip'];

/** The settings from the effective pack's section and the agent's choice. */
export function teamSyncSettings(section: TeamSyncSectionShape | undefined, choice: TeamSyncChoiceShape | undefined): TeamSyncSettings {
  const parts = new Set(section?.write ?? DEFAULT_PARTS);
  const decidedBy = choice?.enabled !== undefined ? 'agent' : section?.enabled !== undefined ? 'pack' : 'default';
  return {
    enabled: choice?.enabled ?? section?.enabled ?? false,
    decidedBy,
    prefix: section?.prefix ?? TEAM_TAG_PREFIX,
    write: { type: parts.has('type'), vip: parts.has('vip'), segment: parts.has('segment') },
    ticketTags: section?.ticketTags ?? false,
  };
}
