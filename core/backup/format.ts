import { StrategyPack } from '../pack/schema';
import { z } from '../schema/zod';
import { AuditRecord, ClientRecord, CorrectionRecord, InstalledPack, MetaRecord, NoteRecord, PersonRecord, VisitRecord } from '../store/db';

export const BACKUP_FORMAT = 'tipazh-backup';
export const BACKUP_VERSION = 1;

/** An installed pack from a file: the pack itself (and any pending update) must pass the full pack schema. */
const BackupPack = z.extend(InstalledPack, { pack: StrategyPack, pending: z.optional(StrategyPack) });

/**
 * A dossier in a backup: its visits and notes are listed apart, in `data.visits` and `data.notes` (the file
 * format predates dossiers holding them), and its identity keys are left out (the restore derives them from
 * email and phone).
 */
export const BackupClient = z.omit(ClientRecord, { visits: true, notes: true, ids: true });
export type BackupClient = z.infer<typeof BackupClient>;

/** A stored dossier as a backup lists it (and as a restore compares it). */
export const backupClientOf = ({ visits: _, notes: __, ids: ___, ...c }: ClientRecord): BackupClient => c;

/** One file with everything Tipazh keeps: dossiers, visits, notes, corrections (the learned model), packs, settings. */
export const Backup = z.object({
  format: z.literal(BACKUP_FORMAT, { error: 'is not a Tipazh backup' }),
  version: z.number().check(z.int(), z.minimum(1), z.maximum(BACKUP_VERSION, { error: `is from a newer Tipazh; this one reads backups up to version ${BACKUP_VERSION}` })),
  exportedAt: z.number(),
  data: z.object({
    clients: z.array(BackupClient),
    visits: z.array(VisitRecord),
    notes: z.array(NoteRecord),
    corrections: z.array(CorrectionRecord),
    persons: z.array(PersonRecord),
    packs: z.array(BackupPack),
    audit: z.array(AuditRecord),
    meta: z._default(z.array(MetaRecord), []),
  }),
  /** Browser-side settings (language…), applied by the page that restores. */
  settings: z._default(z.record(z.string(), z.unknown()), {}),
});
export type Backup = z.infer<typeof Backup>;
export type BackupTable = keyof Backup['data'];
export const BACKUP_TABLES: BackupTable[] = ['clients', 'visits', 'notes', 'corrections', 'persons', 'packs', 'audit', 'meta'];
/** The tables of the database a backup reads and writes: visits live in their dossiers, and so do notes but those waiting for theirs. */
export const STORED_TABLES = BACKUP_TABLES.filter((t) => t !== 'visits');
/** The field each table's records are keyed by: a restore merges records with the same key. */
export const BACKUP_KEYS: Record<BackupTable, string> = { clients: 'key', visits: 'id', notes: 'id', corrections: 'id', persons: 'id', packs: 'id', audit: 'id', meta: 'key' };
