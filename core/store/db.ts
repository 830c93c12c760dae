import Dexie, { type EntityTable } from 'dexie';
import { declareVersions } from './schema-versions';
import { z } from '../schema/zod';
import type { StrategyPack } from '../pack/schema';
import { LOCK_KEY, LockRecord, Sealed } from '../crypto/lock';
import { NEVER_RECORD_KEY, NeverRecord } from '../privacy';
import { ClientProfile } from '../schema/profile';
import type { TeamSyncRecord } from '../team-sync/record';
import { TEAM_SYNC_KEY, TeamSyncChoice } from '../team-sync/choice';
import { Lang, LifecycleStageId, ServiceLevelId, SourceId, TypeVerdict } from '../taxonomy';

/**
 * One visit: the agent had this client's ticket open on this day. Re-opening it the same day updates it.
 * The dossier keeps its visits (`ClientRecord.visits`): one record to write, not one per visit.
 */
export const Visit = z.object({
  id: z.string(),
  ticketId: z.optional(z.string()),
  day: z.string(),
  firstAt: z.number(),
  at: z.number(),
  messageCount: z.number().check(z.int(), z.nonnegative()),
  /** What the panel said of the client on this visit. */
  type: z.optional(TypeVerdict),
  confidence: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
  stage: z.optional(LifecycleStageId),
  level: z.optional(ServiceLevelId),
});
export type Visit = z.infer<typeof Visit>;

/** A visit with the dossier it belongs to: as backups list visits and the panel receives them. */
export const VisitRecord = z.extend(Visit, { clientKey: z.string() });
export type VisitRecord = z.infer<typeof VisitRecord>;

const NoteFields = z.object({
  id: z.string(),
  /** The note; empty when it is sealed. */
  text: z.string().check(z.trim(), z.maxLength(20_000)),
  sealed: z.optional(Sealed),
  pinned: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
const hasText = z.refine<{ text: string; sealed?: unknown }>((n) => (n.sealed ? n.text === '' : n.text.length > 0), {
  message: 'a note needs text (or, when sealed, no plain text at all)',
  path: ['text'],
});

/**
 * A private note the agent keeps on a client; on a VIP client with the lock on, `sealed` holds it encrypted.
 * The dossier keeps its notes (`ClientRecord.notes`), as it keeps its visits: one record to write.
 */
export const Note = NoteFields.check(hasText);
export type Note = z.infer<typeof Note>;

/**
 * A note with the dossier it belongs to: as backups list notes and the panel receives them. The `notes` table
 * holds only notes whose dossier is not in this profile (from a backup); they join it when it appears.
 */
export const NoteRecord = z.extend(NoteFields, { clientKey: z.string() }).check(hasText);
export type NoteRecord = z.infer<typeof NoteRecord>;

/** How many tags a dossier keeps, and how long one may be. */
export const MAX_TAGS = 200;
export const Tag = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));

/** One dossier: a client of one helpdesk account. Keyed by `clientKeyOf`. */
export const ClientRecord = z.object({
  key: z.string().check(z.minLength(1)),
  source: SourceId,
  account: z.string(),
  externalId: z.string(),
  name: z.string(),
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
  organization: z.optional(z.string()),
  firstSeen: z.number(),
  lastSeen: z.number(),
  /** The largest deal or order value seen for this client: their revenue, for the Pareto segment. */
  revenue: z.optional(z.number().check(z.nonnegative())),
  /** When the dossier last changed (a visit or an edit): a restore keeps the newer copy. */
  updatedAt: z.optional(z.number()),
  /** When the client was last seen before the current visit: the gap that makes a `former` client. */
  previousSeen: z.optional(z.number()),
  visitCount: z.number().check(z.int(), z.nonnegative()),
  /** The dossier's visits, oldest first. */
  visits: z._default(z.array(Visit), []),
  /** The agent's notes on this client, in the order they were written. */
  notes: z._default(z.array(Note), []),
  lastTicketId: z.optional(z.string()),
  lastSubject: z.optional(z.string()),
  /** What the dossier is found by when another record of the same person turns up (`identityKeysOf`: `e:` email, `p:` phone). */
  ids: z._default(z.array(z.string()), []),
  /** The words the client list finds the dossier by (`searchTokensOf`); derived from the other fields. */
  searchTokens: z._default(z.array(z.string()), []),
  tags: z._default(z.array(Tag).check(z.maxLength(MAX_TAGS)), []),
  vip: z._default(z.boolean(), false),
  /** The language the agent chose to reply to this client in (else the conversation's own is used). */
  replyLang: z.optional(Lang),
  profile: z._default(ClientProfile, { prefilled: [] }),
  serviceLevelOverride: z.optional(z.object({ level: ServiceLevelId, reason: z.optional(z.string().check(z.maxLength(1000))), at: z.number() })),
  /** The type the agent set by hand, which the panel shows instead of the classifier's answer. */
  typeOverride: z.optional(z.object({ type: TypeVerdict, reason: z.optional(z.string().check(z.maxLength(1000))), at: z.number(), correctionId: z.string() })),
  /**
   * The helpdesk's tags for the client and the last ticket or lead read (`helpdeskTagsAfter`): a `vip` one makes
   * a VIP. Last, as version 9 added it to stored dossiers (a restore compares records as JSON, in key order).
   */
  helpdeskTags: z._default(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(500)), []),
  /** The classifier's type the agent confirmed as right (an override is a confirmation too): what team sync may write. */
  typeConfirmed: z.optional(z.object({ type: TypeVerdict, at: z.number() })),
});
export type ClientRecord = z.infer<typeof ClientRecord>;

/** What the panel said of the client on a visit. */
export const VisitVerdict = z.object({
  type: TypeVerdict,
  confidence: z.number().check(z.minimum(0), z.maximum(1)),
  stage: LifecycleStageId,
  level: ServiceLevelId,
});
export type VisitVerdict = z.infer<typeof VisitVerdict>;

/** One change to a dossier: who, when, what, old → new. */
export const AuditRecord = z.object({
  id: z.string(),
  clientKey: z.string(),
  at: z.number(),
  who: z.string().check(z.maxLength(200)),
  field: z.string().check(z.maxLength(100)),
  from: z.optional(z.string().check(z.maxLength(20_000))),
  to: z.optional(z.string().check(z.maxLength(20_000))),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

/** An agent's correction of the classifier: teaches the local model, can be undone. */
export const CorrectionRecord = z.object({
  id: z.string(),
  clientKey: z.string(),
  from: TypeVerdict,
  /** The agent's answer; `unknown` says "not enough evidence to tell", which the model learns too. */
  to: TypeVerdict,
  reason: z.optional(z.string().check(z.trim(), z.maxLength(1000))),
  at: z.number(),
  /** The client's words (stems) at the time, so the model learns and unlearns exactly this. */
  stems: z.array(z.string()).check(z.maxLength(5000)),
  /** The shipped model's calibrated log-odds for this client at the time (one per answer), so learning adds only what it got wrong. */
  scores: z.optional(z.array(z.number().check(z.refine(Number.isFinite))).check(z.length(8))),
  undoneAt: z.optional(z.number()),
});
export type CorrectionRecord = z.infer<typeof CorrectionRecord>;

/**
 * One real person behind several helpdesk records, linked by the same email or phone. Only persons that link
 * records or keep one split off are stored (`isStoredPerson`): a record alone is a person of its own.
 */
export const PersonRecord = z.object({
  id: z.string(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  clientKeys: z.array(z.string()).check(z.minLength(1)),
  /** Records the agent split off: never merged with this person again. */
  blocked: z._default(z.array(z.string()), []),
});
export type PersonRecord = z.infer<typeof PersonRecord>;

/** A strategy pack the team lead or agent installed, with where it came from. */
export const InstalledPack = z.object({
  id: z.string(),
  /** Checked with the full pack schema where it comes in (import, URL update, backup restore), not on every write. */
  pack: z.custom<StrategyPack>((v) => typeof v === 'object' && v !== null),
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('file'), name: z.string() }),
    z.object({ kind: z.literal('url'), url: z.string().check(z.refine((s) => URL.canParse(s), { params: { issue: 'url' } })) }),
    z.object({ kind: z.literal('personal') }),
  ]),
  enabled: z.boolean(),
  /** Layer order: higher layers override lower ones; the built-in pack is always at the bottom. */
  order: z.number(),
  installedAt: z.number(),
  updatedAt: z.number(),
  lastCheckedAt: z.optional(z.number()),
  /** A newer version fetched from the pack's URL, waiting for the agent to accept it. */
  pending: z.optional(z.custom<StrategyPack>((v) => typeof v === 'object' && v !== null)),
});
export type InstalledPack = z.infer<typeof InstalledPack>;

/**
 * A setting kept with the dossiers (and in backups), typed by its key with the schema where the setting is
 * defined: the never-record list (privacy.ts), the notes lock (crypto/lock.ts). A key this Tipazh does not
 * know, or a value not of its key's type, is refused where it comes in (a backup), with its path: a list that
 * would read back as empty must never be taken in.
 */
export const MetaRecord = z.discriminatedUnion('key', [
  z.object({ key: z.literal(NEVER_RECORD_KEY), value: NeverRecord }),
  z.object({ key: z.literal(LOCK_KEY), value: LockRecord }),
  z.object({ key: z.literal(TEAM_SYNC_KEY), value: TeamSyncChoice }),
]);
export type MetaRecord = z.infer<typeof MetaRecord>;

export const DB_NAME = 'tipazh';

/** The dossier database. It lives in the extension's origin only; content scripts never open it. */
export class TipazhDb extends Dexie {
  clients!: EntityTable<ClientRecord, 'key'>;
  /** Only notes waiting for their dossier: a dossier keeps its own (`ClientRecord.notes`). */
  notes!: EntityTable<NoteRecord, 'id'>;
  corrections!: EntityTable<CorrectionRecord, 'id'>;
  persons!: EntityTable<PersonRecord, 'id'>;
  packs!: EntityTable<InstalledPack, 'id'>;
  audit!: EntityTable<AuditRecord, 'id'>;
  meta!: EntityTable<MetaRecord, 'key'>;
  /** Team sync's queue of tag writes to the helpdesk, one record per client. */
  teamSync!: EntityTable<TeamSyncRecord, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    declareVersions(this);
  }
}
