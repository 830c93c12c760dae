import { SOURCES } from './source-ids';
import { z } from './schema/zod';

/** Behaviour types (seed 001); `unknown` is the classifier's "not enough evidence". */
export const CLIENT_TYPES = ['impatient', 'undecided', 'complainer', 'tester', 'extortionist', 'know-it-all', 'prize-hunter'] as const;
export const ClientTypeId = z.enum(CLIENT_TYPES);
export type ClientTypeId = z.infer<typeof ClientTypeId>;
export const TypeVerdict = z.enum([...CLIENT_TYPES, 'unknown']);
export type TypeVerdict = z.infer<typeof TypeVerdict>;

/** Service-level classes (seed 000). */
export const SERVICE_LEVELS = ['family', 'pal', 'phantom', 'passer-by', 'boss', 'lion-king'] as const;
export const ServiceLevelId = z.enum(SERVICE_LEVELS);
export type ServiceLevelId = z.infer<typeof ServiceLevelId>;

/** Lifecycle stages (seed 004). */
export const LIFECYCLE_STAGES = ['potential', 'visitor', 'first-buyer', 'regular', 'adherent', 'former'] as const;
export const LifecycleStageId = z.enum(LIFECYCLE_STAGES);
export type LifecycleStageId = z.infer<typeof LifecycleStageId>;

/** Company service strategies (seed 002, Seth Godin's nine). */
export const COMPANY_STRATEGIES = [
  'exceptional-advantage',
  'industrial-scale',
  'minimal-cost',
  'wow-exceed',
  'engagement-transparency',
  'damage-control',
  'tiered-vip',
  'just-below-competitors',
  'golden-rule',
] as const;
export const CompanyStrategyId = z.enum(COMPANY_STRATEGIES);
export type CompanyStrategyId = z.infer<typeof CompanyStrategyId>;

/** Helpdesks Tipazh reads (the list lives in a module without zod, for the content script). */
export { SOURCES } from './source-ids';
export const SourceId = z.enum(SOURCES);
export type SourceId = z.infer<typeof SourceId>;

export const LANGS = ['en', 'ru'] as const;
export const Lang = z.enum(LANGS);
export type Lang = z.infer<typeof Lang>;
