import type { StrategyPack } from './pack/schema';
import type { ServiceLevelId, SourceId } from './taxonomy';
import type { VipReason } from './vip';

export interface ServiceLevelFacts {
  source: SourceId;
  organization?: string;
  dealValue?: number;
  visits: number;
  /** The client's VIP state (`vipOf`): a VIP is served as Lion King. */
  vip?: VipReason | null;
  override?: ServiceLevelId;
}

export interface ServiceLevelVerdict {
  level: ServiceLevelId;
  reason: 'override' | 'vip' | 'deal-value' | 'b2b' | 'family-visits' | 'pack-default' | 'online-default';
  vars: Record<string, number | string>;
}

/** The client's service-level class (seed 000): the agent's choice, else the pack's rules. */
export function serviceLevel(f: ServiceLevelFacts, pack?: StrategyPack): ServiceLevelVerdict {
  const rules = pack?.serviceLevelRules ?? {};
  if (f.override) return { level: f.override, reason: 'override', vars: {} };
  if (f.vip) return { level: 'lion-king', reason: 'vip', vars: {} };
  if (rules.bossFromDealValue != null && (f.dealValue ?? 0) >= rules.bossFromDealValue) {
    return { level: 'boss', reason: 'deal-value', vars: { value: f.dealValue ?? 0 } };
  }
  if (f.organization) return { level: rules.b2b ?? 'passer-by', reason: 'b2b', vars: { organization: f.organization } };
  if (rules.default === 'family' || rules.familyFromVisits != null) {
    const from = rules.familyFromVisits ?? 5;
    if (f.visits >= from) return { level: 'family', reason: 'family-visits', vars: { visits: f.visits } };
  }
  if (rules.default) return { level: rules.default, reason: 'pack-default', vars: {} };
  return { level: 'phantom', reason: 'online-default', vars: {} };
}
