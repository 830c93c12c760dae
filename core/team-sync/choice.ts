import { z } from '../schema/zod';

/** The agent's own team sync choice, kept with the dossiers (and in backups) under this key; none: the pack decides. */
export const TEAM_SYNC_KEY = 'teamSync' as const;
export const TeamSyncChoice = z.object({ enabled: z.optional(z.boolean()) });
export type TeamSyncChoice = z.infer<typeof TeamSyncChoice>;
