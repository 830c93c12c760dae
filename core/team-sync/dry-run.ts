import type { StrategyPack } from '../pack/schema';
import type { ClientRecord } from '../store/db';
import type { TypeVerdict } from '../taxonomy';
import type { TeamSyncChoice } from './choice';
import { syncPlan, tagChange, type SyncPlan } from './plan';
import type { TeamSyncRecord } from './record';

/** The client as if the agent had confirmed `type`: what a dry run of Confirm computes with. */
export const asConfirmed = (c: ClientRecord, type: TypeVerdict): ClientRecord => ({ ...c, typeConfirmed: { type, at: 0 } });

/** Team sync's plan for a client and the tags a write would add and remove now. */
export interface DryRun {
  plan: SyncPlan;
  add: string[];
  remove: string[];
}

/**
 * What team sync would write for the client now (as the queue plans it): the tags it wants, less what the client
 * carries, and what Tipazh wrote (or still means to add, `queued`) and no longer wants. Changes nothing.
 */
export function dryRun(
  c: ClientRecord,
  pack: StrategyPack,
  choice: TeamSyncChoice | undefined,
  queued?: Pick<TeamSyncRecord, 'written' | 'add' | 'wanted'>,
): DryRun {
  const plan = syncPlan(c, pack, choice);
  const change = tagChange(
    plan.wanted,
    { helpdeskTags: c.helpdeskTags, written: queued?.written ?? [], pendingAdd: queued?.add, previousWanted: queued?.wanted },
    plan.settings.prefix,
  );
  return { plan, ...change };
}
