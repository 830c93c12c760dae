import type { StrategyPack } from '../pack/schema';
import { CLIENT_TYPES, type ClientTypeId } from '../taxonomy';
import { buildCueIndex, type CueIndex } from './cues';
import type { SignalId } from './signal-ids';

/** A pack turned into what the classifier runs on; built once per pack. */
export interface CompiledModel {
  cues: CueIndex;
  signals: Record<ClientTypeId, Partial<Record<SignalId, number>>>;
  priors: Record<ClientTypeId, number>;
}

const cache = new WeakMap<StrategyPack, CompiledModel>();

export function compileModel(pack: StrategyPack): CompiledModel {
  const hit = cache.get(pack);
  if (hit) return hit;
  const types = pack.types ?? {};
  const cues = buildCueIndex(CLIENT_TYPES.flatMap((t) => (types[t]?.cues ?? []).map((c) => [t, c] as [ClientTypeId, typeof c])));
  const model: CompiledModel = {
    cues,
    signals: Object.fromEntries(CLIENT_TYPES.map((t) => [t, types[t]?.signals ?? {}])) as CompiledModel['signals'],
    priors: Object.fromEntries(CLIENT_TYPES.map((t) => [t, types[t]?.prior ?? 0])) as CompiledModel['priors'],
  };
  cache.set(pack, model);
  return model;
}
