import { z } from 'zod';
import { SignalId } from '../classifier/signal-ids';
import { LabelledCase } from '../eval/labelled';
import {
  ClientTypeId,
  CompanyStrategyId,
  Lang,
  LifecycleStageId,
  ServiceLevelId,
} from '../taxonomy';

/*
 * A strategy pack: everything a team knows about serving each type of client, as data.
 * Objects are strict: an unknown key is refused with its path, so a typo never silently does nothing.
 * Every section is optional: a team pack may override only a few parts of the default pack.
 */

export const PACK_SCHEMA_VERSION = 1;

const Text = (max = 2000) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
/** Text in both languages; a partial pack may give just one. */
export const LocText = z
  .strictObject({ en: Text().optional(), ru: Text().optional() })
  .refine((v) => v.en !== undefined || v.ru !== undefined, 'needs an "en" or a "ru" text');
export type LocText = z.infer<typeof LocText>;

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and dashes');
const Weight = z.number().min(-10).max(10);

/** A word or phrase that suggests a type. Matched on stemmed words, so one form covers its inflections. */
export const Cue = z.strictObject({
  lang: Lang,
  /** One to five words, e.g. "promo code" or «компенсац»; stems match inflected forms. */
  text: Text(120),
  weight: Weight,
});
export type Cue = z.infer<typeof Cue>;

/** A ready reply fragment; `{{client.firstName|fallback}}` style variables are filled in the panel. */
export const Phrase = z.strictObject({
  id: Id,
  lang: Lang,
  text: Text(1000),
});
export type Phrase = z.infer<typeof Phrase>;

export const TypeSection = z.strictObject({
  name: LocText.optional(),
  summary: LocText.optional(),
  /** What this client expects from the company. */
  expects: LocText.optional(),
  /** The service strategy, as steps. */
  strategy: z.array(LocText).max(20).optional(),
  /** What the agent must not do or give, when to stop, when to escalate. */
  boundaries: z.array(LocText).max(20).optional(),
  phrases: z.array(Phrase).max(100).optional(),
  cues: z.array(Cue).max(1000).optional(),
  /** Weight of each behaviour or history signal for this type. */
  signals: z.partialRecord(SignalId, Weight).optional(),
  /** A starting score before any evidence (default 0). */
  prior: Weight.optional(),
});
export type TypeSection = z.infer<typeof TypeSection>;

export const Described = z.strictObject({
  name: LocText.optional(),
  meaning: LocText.optional(),
  /** The service task for clients here. */
  task: LocText.optional(),
});
export type Described = z.infer<typeof Described>;

/** How generous the team is allowed to be; tunes advice and the draft check. */
export const Goodwill = z.enum(['none', 'token', 'moderate', 'generous']);
export type Goodwill = z.infer<typeof Goodwill>;

export const CompanyStrategySection = z.strictObject({
  name: LocText.optional(),
  summary: LocText.optional(),
  goodwill: Goodwill.optional(),
  /** Extra advice per client type under this company strategy. */
  advice: z.partialRecord(ClientTypeId, LocText).optional(),
});
export type CompanyStrategySection = z.infer<typeof CompanyStrategySection>;

export const LifecycleThresholds = z.strictObject({
  /** Contacts (tickets) from which a client is `regular`. */
  regularFromContacts: z.number().int().min(1).max(1000).optional(),
  /** Days without contact after which a client is `former`. */
  formerAfterDays: z.number().int().min(1).max(3650).optional(),
  /** Good ratings after a complaint that make a client an `adherent`. */
  adherentFromGoodRatings: z.number().int().min(1).max(1000).optional(),
});

/** How the service-level class is chosen when the agent has not set one. */
export const ServiceLevelRules = z.strictObject({
  /** The usual class of this business's clients (seed 000): e.g. `phantom` for an online shop. */
  default: ServiceLevelId.optional(),
  /** Client, organization or ticket tags that put a client on the VIP list (`lion-king`). */
  vipTags: z.array(Text(100)).max(100).optional(),
  /** A deal or order value from which a client is served as a `boss`. */
  bossFromDealValue: z.number().nonnegative().optional(),
  /** The class of clients who write on behalf of an organization (B2B). */
  b2b: ServiceLevelId.optional(),
  /** Visits from which a known regular of a small business is `family`. */
  familyFromVisits: z.number().int().min(1).max(1000).optional(),
});

/** A segment of clients with its own standards (seed 003): who is in it and what they are promised. */
export const Segment = z.strictObject({
  id: Id,
  name: LocText,
  /** Priority level, 1 is served first. */
  priority: z.number().int().min(1).max(4),
  /** Clients in the top `topRevenuePercent` % by revenue belong here (Pareto: 20). */
  topRevenuePercent: z.number().min(0).max(100).optional(),
  /** VIP lists: exact emails, phones (E.164) and email domains. */
  emails: z.array(z.string().trim().toLowerCase().email('must be an email address')).max(10_000).optional(),
  phones: z.array(z.string().regex(/^\+\d{8,15}$/, 'must be a phone in E.164, e.g. +79035550142')).max(10_000).optional(),
  domains: z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'must be a domain such as example.com')).max(1000).optional(),
  /** Client or ticket tags that put a client here. */
  tags: z.array(Text(100)).max(100).optional(),
  /** Target time to the first reply, in minutes. */
  firstReplyMinutes: z.number().int().min(1).max(100_000).optional(),
  /** Service level clients of this segment get. */
  serviceLevel: ServiceLevelId.optional(),
});
export type Segment = z.infer<typeof Segment>;

/** At most four priority levels: more hurts peak-hour quality (seed 003). */
export const MAX_PRIORITY_LEVELS = 4;

export const ClassifierTuning = z.strictObject({
  /** Score of the `unknown` answer: the evidence a type needs to win. */
  unknownScore: z.number().min(0).max(50).optional(),
  /** Softmax temperature: higher spreads probability across types. */
  temperature: z.number().min(0.05).max(20).optional(),
});

export const StrategyPack = z
  .strictObject({
  schemaVersion: z.literal(PACK_SCHEMA_VERSION, { error: `must be ${PACK_SCHEMA_VERSION}; this Tipazh reads packs of schema version ${PACK_SCHEMA_VERSION}` }),
  id: Id,
  name: LocText,
  version: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'must be a semantic version such as 1.2.0'),
  author: Text(200),
  description: LocText.optional(),
  languages: z.array(Lang).min(1).max(2),
  /** The team's company service strategy (seed 002). */
  companyStrategy: CompanyStrategyId.optional(),
  types: z.partialRecord(ClientTypeId, TypeSection).optional(),
  serviceLevels: z.partialRecord(ServiceLevelId, Described).optional(),
  lifecycle: z
    .strictObject({
      stages: z.partialRecord(LifecycleStageId, Described).optional(),
      thresholds: LifecycleThresholds.optional(),
    })
    .optional(),
  companyStrategies: z.partialRecord(CompanyStrategyId, CompanyStrategySection).optional(),
  serviceLevelRules: ServiceLevelRules.optional(),
  segments: z
    .array(Segment)
    .max(20)
    .superRefine((segments, ctx) => {
      const levels = new Set(segments.map((s) => s.priority));
      if (levels.size > MAX_PRIORITY_LEVELS) ctx.addIssue({ code: 'custom', message: `defines ${levels.size} priority levels; at most ${MAX_PRIORITY_LEVELS} are allowed (more hurts peak-hour quality)` });
      const seen = new Set<string>();
      segments.forEach((s, i) => {
        if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate segment id "${s.id}"` });
        seen.add(s.id);
      });
    })
    .optional(),
  classifier: ClassifierTuning.optional(),
  /** Labelled conversations to check the pack on, in the `npm run eval` line format. */
  examples: z.array(LabelledCase).max(5000).optional(),
})
  .superRefine((pack, ctx) => {
    // Phrase ids are unique across the whole pack, so a team pack can override one by id.
    const seen = new Set<string>();
    for (const [type, section] of Object.entries(pack.types ?? {})) {
      section?.phrases?.forEach((p, i) => {
        if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['types', type, 'phrases', i, 'id'], message: `duplicate phrase id "${p.id}"` });
        seen.add(p.id);
      });
    }
  });
export type StrategyPack = z.infer<typeof StrategyPack>;
export type StrategyPackInput = z.input<typeof StrategyPack>;
