import type { History } from './schema/snapshot';
import type { StrategyPack } from './pack/schema';
import type { LifecycleStageId } from './taxonomy';

export const DEFAULT_THRESHOLDS = { regularFromContacts: 2, formerAfterDays: 180, adherentFromGoodRatings: 2 };

export interface LifecycleFacts {
  history: Partial<History>;
  /** Distinct tickets Tipazh has seen for this client. */
  ticketsSeen?: number;
  /** The client's previous contact before this one (ms), when known. */
  previousContactAt?: number;
  /** A closed-won deal or a known purchase. */
  purchases?: number;
  now: number;
}

/** A stage with the one-line reason, as a message key and its values (the UI words it). */
export interface StageVerdict {
  stage: LifecycleStageId;
  reason: 'former-gap' | 'adherent-ratings' | 'regular-contacts' | 'first-purchase' | 'first-contact' | 'no-contact';
  vars: Record<string, number>;
}

const DAY = 86_400_000;

/** The client's lifecycle stage (seed 004) from their history, with the thresholds of the pack. */
export function lifecycleStage(f: LifecycleFacts, pack?: StrategyPack): StageVerdict {
  const th = { ...DEFAULT_THRESHOLDS, ...pack?.lifecycle?.thresholds };
  const h = f.history;
  const contacts = Math.max(h.tickets ?? 0, f.ticketsSeen ?? 0);
  if (f.previousContactAt != null) {
    const days = Math.floor((f.now - f.previousContactAt) / DAY);
    if (days >= th.formerAfterDays) return { stage: 'former', reason: 'former-gap', vars: { days } };
  }
  const good = h.satisfactionGood ?? 0;
  const conflicts = (h.satisfactionBad ?? 0) + (h.complaints ?? 0);
  if (conflicts > 0 && good >= th.adherentFromGoodRatings) return { stage: 'adherent', reason: 'adherent-ratings', vars: { good, conflicts } };
  if (contacts >= th.regularFromContacts) return { stage: 'regular', reason: 'regular-contacts', vars: { contacts } };
  const purchases = Math.max(f.purchases ?? 0, h.purchases ?? 0);
  if (purchases >= 1) return { stage: 'first-buyer', reason: 'first-purchase', vars: { purchases } };
  if (contacts >= 1) return { stage: 'visitor', reason: 'first-contact', vars: { contacts } };
  return { stage: 'potential', reason: 'no-contact', vars: {} };
}
