import { z } from '../schema/zod';
import { TEAM_SYNC_PARTS } from '../team-sync/settings';

const named = <T>(test: (v: T) => boolean, issue: string) => z.refine<T>(test, { params: { issue } });

/** A tag prefix both helpdesks keep as written: lower-case letters, digits and underscores. */
export const TagPrefix = z.string().check(named((s: string) => /^[a-z][a-z0-9_]{0,29}$/.test(s), 'tag-prefix'));

/** A pack's `teamSync` section: the team's default for every agent who installs the pack (core/team-sync/settings.ts). */
export const TeamSyncSection = z.strictObject({
  /** Write confirmed verdicts back to the helpdesk (each agent can still turn it off for themselves). */
  enabled: z.optional(z.boolean()),
  /** What the tags start with; default `tipazh_`. */
  prefix: z.optional(TagPrefix),
  /** What is written; default: the type and VIP. */
  write: z.optional(z.array(z.enum(TEAM_SYNC_PARTS)).check(z.maxLength(3))),
  /** Zendesk: also tag the open ticket (so views and triggers on tickets see it); default no. */
  ticketTags: z.optional(z.boolean()),
});
export type TeamSyncSection = z.infer<typeof TeamSyncSection>;
