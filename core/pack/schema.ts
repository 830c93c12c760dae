import { z } from '../schema/zod';
import { phraseProblems } from '../phrases';
import { SignalId } from '../classifier/signal-ids';
import { LabelledCase } from '../eval/labelled';
import { TeamSyncSection } from './team-sync-section';
import { ClientTypeId, CompanyStrategyId, Lang, LifecycleStageId, ServiceLevelId } from '../taxonomy';

/*
 * A strategy pack: everything a team knows about serving each type of client, as data.
 * Objects are strict: an unknown key is refused with its path, so a typo never silently does nothing.
 * Every section is optional: a team pack may override only a few parts of the default pack.
 */

export const PACK_SCHEMA_VERSION = 1;

/**
 * A check that names its problem: `custom.<issue>` in core/schema/issue-words-*.ts words it in the UI language
 * (and in English for files checked from the command line).
 */
const named = <T>(test: (v: T) => boolean, issue: string) => z.refine<T>(test, { params: { issue } });

const Text = (max = 2000) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
/** Text in both languages; a partial pack may give just one. */
export const LocText = z
  .strictObject({ en: z.optional(Text()), ru: z.optional(Text()) })
  .check(named((v: { en?: string; ru?: string }) => v.en !== undefined || v.ru !== undefined, 'loc-text-empty'));
export type LocText = z.infer<typeof LocText>;

const Id = z.string().check(named((s: string) => /^[a-z0-9][a-z0-9-]{0,63}$/.test(s), 'id-format'));
const Weight = z.number().check(z.minimum(-10), z.maximum(10));
/** An integer between `min` and `max`. */
const IntIn = (min: number, max: number) => z.number().check(z.int(), z.minimum(min), z.maximum(max));

/**
 * An object keyed by known ids (types, service levels, stages, strategies, signals): any other key is refused
 * with the object's path. zod's record skips an own `__proto__` key (one `JSON.parse` makes) without a word, as
 * it cannot be copied onto the result, so that key is refused here before the record reads the object.
 */
function ById<K extends z.ZodMiniType<string, string>, V extends z.ZodMiniType>(keys: K, value: V) {
  const record = z.partialRecord(keys, value);
  const noProtoKey = z.superRefine<unknown>((v, ctx) => {
    if (v !== null && typeof v === 'object' && Object.hasOwn(v, '__proto__'))
      ctx.addIssue({ code: 'unrecognized_keys', keys: ['__proto__'], input: v as Record<string, unknown> });
  });
  return z.pipe(z.custom<z.input<typeof record>>().check(noProtoKey), record);
}

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
  text: Text(1000).check(
    z.superRefine((text, ctx) => {
      for (const params of phraseProblems(text)) ctx.addIssue({ code: 'custom', params, input: text });
    }),
  ),
});
export type Phrase = z.infer<typeof Phrase>;

export const TypeSection = z.strictObject({
  name: z.optional(LocText),
  summary: z.optional(LocText),
  /** What this client expects from the company. */
  expects: z.optional(LocText),
  /** The service strategy, as steps. */
  strategy: z.optional(z.array(LocText).check(z.maxLength(20))),
  /** What the agent must not do or give, when to stop, when to escalate. */
  boundaries: z.optional(z.array(LocText).check(z.maxLength(20))),
  phrases: z.optional(z.array(Phrase).check(z.maxLength(100))),
  cues: z.optional(z.array(Cue).check(z.maxLength(1000))),
  /** Weight of each behaviour or history signal for this type. */
  signals: z.optional(ById(SignalId, Weight)),
  /** A starting score before any evidence (default 0). */
  prior: z.optional(Weight),
});
export type TypeSection = z.infer<typeof TypeSection>;

/** What applies to every client, whatever the type: shown when the type is not clear yet. */
export const GeneralSection = z.strictObject({
  /** How to serve a client whose type does not show yet, as steps. */
  strategy: z.optional(z.array(LocText).check(z.maxLength(20))),
  boundaries: z.optional(z.array(LocText).check(z.maxLength(20))),
  /** Greeting, clarifying question, summary, closing: phrases for any client. */
  phrases: z.optional(z.array(Phrase).check(z.maxLength(100))),
});
export type GeneralSection = z.infer<typeof GeneralSection>;

export const Described = z.strictObject({
  name: z.optional(LocText),
  meaning: z.optional(LocText),
  /** The service task for clients here. */
  task: z.optional(LocText),
});
export type Described = z.infer<typeof Described>;

/** How generous the team is allowed to be; tunes advice and the draft check. */
export const Goodwill = z.enum(['none', 'token', 'moderate', 'generous']);
export type Goodwill = z.infer<typeof Goodwill>;

export const CompanyStrategySection = z.strictObject({
  name: z.optional(LocText),
  summary: z.optional(LocText),
  goodwill: z.optional(Goodwill),
  /** Extra advice per client type under this company strategy. */
  advice: z.optional(ById(ClientTypeId, LocText)),
});
export type CompanyStrategySection = z.infer<typeof CompanyStrategySection>;

export const LifecycleThresholds = z.strictObject({
  /** Contacts (tickets) from which a client is `regular`. */
  regularFromContacts: z.optional(IntIn(1, 1000)),
  /** Days without contact after which a client is `former`. */
  formerAfterDays: z.optional(IntIn(1, 3650)),
  /** Good ratings after a complaint that make a client an `adherent`. */
  adherentFromGoodRatings: z.optional(IntIn(1, 1000)),
});

/** How the service-level class is chosen when the agent has not set one. */
export const ServiceLevelRules = z.strictObject({
  /** The usual class of this business's clients (seed 000): e.g. `phantom` for an online shop. */
  default: z.optional(ServiceLevelId),
  /** Client, organization or ticket tags that put a client on the VIP list (`lion-king`). */
  vipTags: z.optional(z.array(Text(100)).check(z.maxLength(100))),
  /** A deal or order value from which a client is served as a `boss`. */
  bossFromDealValue: z.optional(z.number().check(z.nonnegative())),
  /** The class of clients who write on behalf of an organization (B2B). */
  b2b: z.optional(ServiceLevelId),
  /** Visits from which a known regular of a small business is `family`. */
  familyFromVisits: z.optional(IntIn(1, 1000)),
});

/** A segment of clients with its own standards (seed 003): who is in it and what they are promised. */
export const Segment = z.strictObject({
  id: Id,
  name: LocText,
  /** Priority level, 1 is served first. */
  priority: IntIn(1, 4),
  /** Clients in the top `topRevenuePercent` % by revenue belong here (Pareto: 20). */
  topRevenuePercent: z.optional(z.number().check(z.minimum(0), z.maximum(100))),
  /** VIP lists: exact emails, phones (E.164) and email domains. */
  emails: z.optional(z.array(z.string().check(z.trim(), z.toLowerCase(), z.email())).check(z.maxLength(10_000))),
  phones: z.optional(z.array(z.string().check(named((s: string) => /^\+\d{8,15}$/.test(s), 'phone'))).check(z.maxLength(10_000))),
  domains: z.optional(
    z
      .array(
        z.string().check(
          z.trim(),
          z.toLowerCase(),
          named((s: string) => /^[a-z0-9.-]+\.[a-z]{2,}$/.test(s), 'domain'),
        ),
      )
      .check(z.maxLength(1000)),
  ),
  /** Client or ticket tags that put a client here. */
  tags: z.optional(z.array(Text(100)).check(z.maxLength(100))),
  /** Target time to the first reply, in minutes. */
  firstReplyMinutes: z.optional(IntIn(1, 100_000)),
  /** Service level clients of this segment get. */
  serviceLevel: z.optional(ServiceLevelId),
});
export type Segment = z.infer<typeof Segment>;

/** At most four priority levels: more hurts peak-hour quality (seed 003). */
export const MAX_PRIORITY_LEVELS = 4;

export const ClassifierTuning = z.strictObject({
  /** Score of the `unknown` answer: the evidence a type needs to win. */
  unknownScore: z.optional(z.number().check(z.minimum(0), z.maximum(50))),
  /** Softmax temperature: higher spreads probability across types. */
  temperature: z.optional(z.number().check(z.minimum(0.05), z.maximum(20))),
});

export const StrategyPack = z
  .strictObject({
    schemaVersion: z.custom<typeof PACK_SCHEMA_VERSION>((v) => v === PACK_SCHEMA_VERSION, {
      params: { issue: 'schema-version', version: PACK_SCHEMA_VERSION },
    }),
    id: Id,
    name: LocText,
    version: z.string().check(named((s: string) => /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(s), 'semver')),
    author: Text(200),
    description: z.optional(LocText),
    languages: z.array(Lang).check(z.minLength(1), z.maxLength(2)),
    /** The team's company service strategy (seed 002). */
    companyStrategy: z.optional(CompanyStrategyId),
    types: z.optional(ById(ClientTypeId, TypeSection)),
    general: z.optional(GeneralSection),
    serviceLevels: z.optional(ById(ServiceLevelId, Described)),
    lifecycle: z.optional(
      z.strictObject({
        stages: z.optional(ById(LifecycleStageId, Described)),
        thresholds: z.optional(LifecycleThresholds),
      }),
    ),
    companyStrategies: z.optional(ById(CompanyStrategyId, CompanyStrategySection)),
    serviceLevelRules: z.optional(ServiceLevelRules),
    segments: z.optional(
      z.array(Segment).check(
        z.maxLength(20),
        z.superRefine((segments, ctx) => {
          const levels = new Set(segments.map((s) => s.priority));
          if (levels.size > MAX_PRIORITY_LEVELS)
            ctx.addIssue({ code: 'custom', params: { issue: 'priority-levels', n: levels.size, max: MAX_PRIORITY_LEVELS } });
          const seen = new Set<string>();
          segments.forEach((s, i) => {
            if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], params: { issue: 'duplicate-segment-id', id: s.id } });
            seen.add(s.id);
          });
        }),
      ),
    ),
    classifier: z.optional(ClassifierTuning),
    /** Writing confirmed verdicts back to the helpdesk as tags (core/team-sync/settings.ts). */
    teamSync: z.optional(TeamSyncSection),
    /** Labelled conversations to check the pack on, in the `npm run eval` line format. */
    examples: z.optional(z.array(LabelledCase).check(z.maxLength(5000))),
  })
  .check(
    z.superRefine((pack, ctx) => {
      // Phrase ids are unique across the whole pack, so a team pack can override one by id.
      const seen = new Set<string>();
      pack.general?.phrases?.forEach((p, i) => {
        if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['general', 'phrases', i, 'id'], params: { issue: 'duplicate-phrase-id', id: p.id } });
        seen.add(p.id);
      });
      for (const [type, section] of Object.entries(pack.types ?? {})) {
        section?.phrases?.forEach((p, i) => {
          if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['types', type, 'phrases', i, 'id'], params: { issue: 'duplicate-phrase-id', id: p.id } });
          seen.add(p.id);
        });
      }
    }),
  );
export type StrategyPack = z.infer<typeof StrategyPack>;
export type StrategyPackInput = z.input<typeof StrategyPack>;
