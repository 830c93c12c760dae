import { classify, type Classification, type Classifier } from './classifier/classify';
import { inputFromSnapshot } from './classifier/input';
import { lifecycleStage, type StageVerdict } from './lifecycle';
import type { ClientSnapshot } from './schema/snapshot';
import { segmentFor, type SegmentVerdict } from './segments';
import { serviceLevel, type ServiceLevelVerdict } from './service-level';
import type { ClientRecord, VisitVerdict } from './store/db';
import type { ClientTypeId, TypeVerdict } from './taxonomy';
import { MODEL_LABELS } from './classifier/type-model';
import { vipFactsOf, vipOf, type VipReason } from './vip';

/** Everything the panel says about a client, derived from the page, the dossier, the pack and the models. */
export interface Analysis {
  classification: Classification;
  /** The agent's override when there is one, else the type they confirmed, else the classifier's answer. */
  shownType: TypeVerdict;
  overridden?: ClientRecord['typeOverride'];
  /** The type the agent confirmed as right (when not overridden since). */
  confirmed?: ClientRecord['typeConfirmed'];
  lifecycle: StageVerdict;
  serviceLevel: ServiceLevelVerdict;
  /** The pack's segment for this client (priority and targets), when the pack defines segments. */
  segment: SegmentVerdict | null;
  /** Why the client is VIP (`vipOf`), or null. */
  vip: VipReason | null;
  /**
   * The team's verdict from the helpdesk's tags (core/team-tags.ts), and what the model says on the client's words
   * alone, so a disagreement shows; null when no tag names a type.
   */
  team: { types: ClientTypeId[]; modelType: TypeVerdict } | null;
}

/** The model's own answer: its calibrated log-odds alone, without cues, corrections or the team's tags. */
const modelAnswer = (c: Classification): TypeVerdict => {
  let best = 0;
  c.modelLogits.forEach((x, k) => {
    if (x > c.modelLogits[best]!) best = k;
  });
  return MODEL_LABELS[best]!;
};

export function analyze(snapshot: ClientSnapshot, dossier: ClientRecord | undefined, classifier: Classifier, now = Date.now(), revenueRank?: number): Analysis {
  const { pack } = classifier;
  const teamPrefix = pack.teamSync?.prefix;
  const input = inputFromSnapshot(snapshot, teamPrefix);
  const classification = classify(input, classifier);
  const vip = vipOf(vipFactsOf(dossier, snapshot), pack);
  const tags = [...snapshot.client.tags, ...(snapshot.ticket?.tags ?? []), ...(dossier?.tags ?? [])];
  return {
    classification,
    shownType: dossier?.typeOverride?.type ?? dossier?.typeConfirmed?.type ?? classification.type,
    overridden: dossier?.typeOverride,
    confirmed: dossier?.typeOverride ? undefined : dossier?.typeConfirmed,
    lifecycle: lifecycleStage({ history: snapshot.history, ticketsSeen: dossier?.visitCount, previousContactAt: dossier?.previousSeen, now }, pack),
    serviceLevel: serviceLevel(
      {
        source: snapshot.source,
        organization: snapshot.client.organization,
        dealValue: snapshot.deal?.value,
        visits: dossier?.visitCount ?? 1,
        vip,
        override: dossier?.serviceLevelOverride?.level,
      },
      pack,
    ),
    segment: segmentFor({ email: snapshot.client.email, phone: snapshot.client.phone, tags, revenueRank, teamPrefix }, pack.segments),
    vip,
    team: input.teamTypes?.length ? { types: input.teamTypes, modelType: modelAnswer(classification) } : null,
  };
}

/** What a visit's history keeps of an analysis: the type shown (the agent's override or confirmation counts as certain), stage and level. */
export const verdictOf = (a: Analysis): VisitVerdict => ({
  type: a.shownType,
  confidence: a.overridden || a.confirmed ? 1 : a.classification.confidence,
  stage: a.lifecycle.stage,
  level: a.serviceLevel.level,
});
