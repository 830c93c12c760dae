import { SIGNAL_IDS } from '../classifier/signal-ids';
import { CLIENT_TYPES, COMPANY_STRATEGIES, LIFECYCLE_STAGES, SERVICE_LEVELS } from '../taxonomy';
import { StrategyPack } from './schema';

function ordered<T>(record: Partial<Record<string, T>> | undefined, order: readonly string[], map: (v: T) => T = (v) => v) {
  if (!record) return undefined;
  const out: Record<string, T> = {};
  for (const k of order) if (record[k] !== undefined) out[k] = map(record[k] as T);
  return out;
}

/**
 * The canonical text of a pack: keys in schema order, records in taxonomy order, 2-space JSON, final newline.
 * `formatPack(parsePack(text))` reproduces a canonical file byte for byte, so packs diff cleanly in git.
 */
export function formatPack(input: StrategyPack): string {
  const pack = StrategyPack.parse(input);
  const canonical: StrategyPack = {
    ...pack,
    types: ordered(pack.types, CLIENT_TYPES, (t) => ({ ...t, signals: ordered(t.signals, SIGNAL_IDS) })),
    serviceLevels: ordered(pack.serviceLevels, SERVICE_LEVELS),
    lifecycle: pack.lifecycle && { ...pack.lifecycle, stages: ordered(pack.lifecycle.stages, LIFECYCLE_STAGES) },
    companyStrategies: ordered(pack.companyStrategies, COMPANY_STRATEGIES, (c) => ({ ...c, advice: ordered(c.advice, CLIENT_TYPES) })),
  };
  return `${JSON.stringify(canonical, null, 2)}\n`;
}
