import { analyze } from '../../core/analysis';
import { buildLearned } from '../../core/classifier/learner';
import type { StrategyPack } from '../../core/pack/schema';
import { clientKeyOf, type ClientSnapshot } from '../../core/schema/snapshot';
import { activeCorrections } from '../../core/store/corrections';
import type { TipazhDb } from '../../core/store/db';
import { visitIdOf } from '../../core/store/dossiers';
import { effectiveOf, listPacks } from '../../core/store/packs';

/** Writes what Tipazh said of the client on this visit (type, confidence, stage, level): the dossier's history. */
export async function analyzeVisit(db: TipazhDb, snapshot: ClientSnapshot, builtin: StrategyPack, now: number): Promise<void> {
  const [installed, corrections, client] = await Promise.all([listPacks(db), activeCorrections(db), db.clients.get(clientKeyOf(snapshot))]);
  const a = analyze(snapshot, client, effectiveOf(builtin, installed).pack, buildLearned(corrections), now);
  await db.visits.update(visitIdOf(snapshot, now), {
    type: a.shownType,
    confidence: a.overridden ? 1 : a.classification.confidence,
    stage: a.lifecycle.stage,
    level: a.serviceLevel.level,
  });
}
