import { BUILTIN_PACK_ID, builtinIdTaken, checkPackValue, MAX_PACK_BYTES, packSizeIssue, type PackCheck } from '../pack/parse';
import { z } from '../schema/zod';
import { Lang } from '../taxonomy';
import { reindexedV8 } from '../store/search-words-v8';
import { AuditRecord, ClientRecord, CorrectionRecord, InstalledPack, MetaRecord, NoteRecord, PersonRecord, VisitRecord } from '../store/db';

export const BACKUP_FORMAT = 'tipazh-backup';
/**
 * Version 2 ends with the digest of its content (digest.ts), and a file of version 2 or later without one is
 * refused. Version 1 files had none: they still restore, with a warning that they cannot be checked.
 */
export const BACKUP_VERSION = 2;
/** The first version whose files carry their digest. */
export const DIGEST_SINCE = 2;

/**
 * A team pack in a backup (installed, or a pending update), checked as a pack file import checks it: the size
 * limit, then `checkPackValue` (schema version, schema, plain text only); and, as the options page refuses it,
 * not with the built-in pack's id. Whatever an import refuses, a restore refuses.
 */
function checkTeamPack(raw: unknown): PackCheck {
  const size = JSON.stringify(raw)?.length ?? 0;
  if (size > MAX_PACK_BYTES) return { ok: false, issues: [packSizeIssue(size)] };
  const r = checkPackValue(raw);
  return r.ok && r.pack.id === BUILTIN_PACK_ID ? { ok: false, issues: [builtinIdTaken(r.pack.id)] } : r;
}

/** A team pack in a backup, each problem at its path and naming the pack. */
const TeamPack = z.pipe(
  z.unknown(),
  z.transform((raw, ctx) => {
    const r = checkTeamPack(raw);
    if (r.ok) return r.pack;
    const id = (raw as { id?: unknown } | null)?.id;
    const pack = typeof id === 'string' ? ` (pack "${id.slice(0, 64)}")` : '';
    for (const i of r.issues) ctx.issues.push({ code: 'custom', path: [...i.path], message: `${i.message}${pack}`, input: raw });
    return z.NEVER;
  }),
);

/** An installed pack from a file: keyed by the id of the pack it holds. */
const BackupPack = z.extend(InstalledPack, { pack: TeamPack, pending: z.optional(TeamPack) }).check(
  z.superRefine((p, ctx) => {
    if (p.pack.id !== p.id) ctx.addIssue({ code: 'custom', path: ['id'], message: `the pack it holds is "${p.pack.id}", not "${p.id}"`, input: p.id });
  }),
);

/**
 * A dossier in a backup: its visits and notes are listed apart, in `data.visits` and `data.notes` (the file
 * format predates dossiers holding them), and its identity keys and search words are left out (the restore
 * derives them). A dossier from a Tipazh before schema version 9 has no `helpdeskTags`: they are read back from
 * the search words it has (search-words-v8.ts), which then go.
 */
export const BackupClient = z.pipe(
  z.extend(z.omit(ClientRecord, { visits: true, notes: true, ids: true, searchTokens: true, helpdeskTags: true }), {
    searchTokens: z.optional(z.array(z.string())),
    helpdeskTags: z.optional(ClientRecord.shape.helpdeskTags.def.innerType),
  }),
  z.transform((c) => {
    const { searchTokens: _, ...rest } = reindexedV8(c);
    return rest;
  }),
);
export type BackupClient = z.infer<typeof BackupClient>;

/** A stored dossier as a backup lists it (and as a restore compares it). */
export const backupClientOf = ({ visits: _, notes: __, ids: ___, searchTokens: ____, ...c }: ClientRecord): BackupClient => c;

/** One record of each table, as a backup lists it. */
export const BACKUP_RECORDS = {
  clients: BackupClient,
  visits: VisitRecord,
  notes: NoteRecord,
  corrections: CorrectionRecord,
  persons: PersonRecord,
  packs: BackupPack,
  audit: AuditRecord,
  meta: MetaRecord,
};

/** The file around its records: each table a list (`meta` may be missing: older files had none). */
const envelope = <T extends Record<keyof typeof BACKUP_RECORDS, z.ZodMiniType>>(records: T) =>
  z.object({
    format: z.literal(BACKUP_FORMAT, { error: 'is not a Tipazh backup' }),
    version: z
      .number()
      .check(z.int(), z.minimum(1), z.maximum(BACKUP_VERSION, { error: `is from a newer Tipazh; this one reads backups up to version ${BACKUP_VERSION}` })),
    exportedAt: z.number(),
    data: z.object({
      clients: z.array(records.clients as T['clients']),
      visits: z.array(records.visits as T['visits']),
      notes: z.array(records.notes as T['notes']),
      corrections: z.array(records.corrections as T['corrections']),
      persons: z.array(records.persons as T['persons']),
      packs: z.array(records.packs as T['packs']),
      audit: z.array(records.audit as T['audit']),
      meta: z._default(z.array(records.meta as T['meta']), []),
    }),
    /** Browser-side settings (the UI language), applied by the page that restores. */
    settings: z._default(z.strictObject({ lang: z.optional(Lang) }), {}),
  });

/** One file with everything Tipazh keeps: dossiers, visits, notes, corrections (the learned model), packs, settings. */
export const Backup = envelope(BACKUP_RECORDS);
/** The same file with its records not yet checked: a restore checks them a slice at a time (see read-backup.ts). */
export const BackupEnvelope = envelope(
  Object.fromEntries(Object.keys(BACKUP_RECORDS).map((t) => [t, z.unknown()])) as Record<keyof typeof BACKUP_RECORDS, z.ZodMiniUnknown>,
);
export type Backup = z.infer<typeof Backup>;
export type BackupTable = keyof Backup['data'];
export const BACKUP_TABLES: BackupTable[] = ['clients', 'visits', 'notes', 'corrections', 'persons', 'packs', 'audit', 'meta'];
/** The tables of the database a backup reads and writes: visits live in their dossiers, and so do notes but those waiting for theirs. */
export const STORED_TABLES = BACKUP_TABLES.filter((t) => t !== 'visits');
/** The field each table's records are keyed by: a restore merges records with the same key. */
export const BACKUP_KEYS: Record<BackupTable, string> = {
  clients: 'key',
  visits: 'id',
  notes: 'id',
  corrections: 'id',
  persons: 'id',
  packs: 'id',
  audit: 'id',
  meta: 'key',
};
