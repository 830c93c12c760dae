import raw from './default-pack.json';
import { StrategyPack } from './schema';

/** The built-in pack (Russian and English), written from the domain seeds. Every other pack layers over it. */
export const DEFAULT_PACK: StrategyPack = StrategyPack.parse(raw);
