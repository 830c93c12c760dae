import type { LabelledCase } from '../eval/labelled';
import type { LocText, StrategyPack } from './schema';

/** The pack every piece of advice comes from, keyed by a path such as `types.tester.phrases`. */
export type Provenance = Record<string, string>;

/** The effective pack after layering, and where each part came from. */
export interface EffectivePack {
  pack: StrategyPack;
  from: Provenance;
  /** Ids of the layers, bottom first. */
  layers: string[];
  /** Each layer's display name. */
  names: Record<string, LocText>;
  /**
   * The labelled examples of every layer (at most MAX_LEARNED_EXAMPLES per pack, bottom layer first): the local
   * model learns from them as from the agent's corrections.
   */
  examples: LabelledCase[];
}

/** How many of one pack's examples the local model learns from (the rest still count in "Check this pack"). */
export const MAX_LEARNED_EXAMPLES = 300;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Sections merged key by key; cue lists add up; everything else (texts, other lists, numbers) is replaced
 * whole by a higher layer.
 */
const MERGED = new Set([
  'general',
  'types',
  'types.*',
  'serviceLevels',
  'serviceLevels.*',
  'lifecycle',
  'lifecycle.stages',
  'lifecycle.stages.*',
  'lifecycle.thresholds',
  'companyStrategies',
  'companyStrategies.*',
  'companyStrategies.*.advice',
  'classifier',
  'teamSync',
  'serviceLevelRules',
  'types.*.signals',
]);
const pattern = (path: string) =>
  path
    .split('.')
    .map((p, i) => (i % 2 === 1 && !['stages', 'thresholds', 'advice', 'signals'].includes(p) ? '*' : p))
    .join('.');

function mergeInto(target: Record<string, unknown>, layer: Record<string, unknown>, id: string, path: string, from: Provenance) {
  for (const [key, value] of Object.entries(layer)) {
    if (value === undefined) continue;
    const p = path ? `${path}.${key}` : key;
    if (pattern(p) === 'types.*.cues' && Array.isArray(value) && Array.isArray(target[key])) {
      // Cues add up: a team pack adds its own and re-weights built-in ones (same lang and text; weight 0 turns one off).
      const byText = new Map<string, unknown>();
      for (const c of [...(target[key] as { lang: string; text: string }[]), ...(value as { lang: string; text: string }[])])
        byText.set(`${c.lang}\u0000${c.text}`, c);
      target[key] = [...byText.values()];
      from[p] = id;
    } else if (isPlainObject(value) && MERGED.has(pattern(p))) {
      const cur = isPlainObject(target[key]) ? (target[key] as Record<string, unknown>) : {};
      target[key] = { ...cur };
      mergeInto(target[key] as Record<string, unknown>, value, id, p, from);
    } else {
      target[key] = structuredClone(value);
      from[p] = id;
    }
  }
}

/**
 * Layers packs bottom to top (built-in default, team packs, the agent's own tweaks):
 * a higher layer replaces just the parts it defines.
 */
export function layerPacks(layers: readonly StrategyPack[]): EffectivePack {
  if (!layers.length) throw new Error('at least one pack is needed');
  const from: Provenance = {};
  const merged: Record<string, unknown> = {};
  for (const layer of layers) mergeInto(merged, layer as unknown as Record<string, unknown>, layer.id, '', from);
  const top = layers[layers.length - 1]!;
  // Examples belong to each pack's own check, not to the layered result.
  const { examples: _examples, ...pack } = merged as StrategyPack;
  const examples = layers.flatMap((l) => (l.examples ?? []).filter((e) => e.label).slice(0, MAX_LEARNED_EXAMPLES));
  return { pack: { ...pack, id: top.id }, from, layers: layers.map((l) => l.id), names: Object.fromEntries(layers.map((l) => [l.id, l.name])), examples };
}

/** The id of the pack that gave the part at `path` (or its nearest parent). */
export function sourceOf(eff: EffectivePack, path: string): string | undefined {
  for (let p = path; p; p = p.slice(0, Math.max(0, p.lastIndexOf('.')))) {
    if (eff.from[p]) return eff.from[p];
    if (!p.includes('.')) break;
  }
  return undefined;
}
