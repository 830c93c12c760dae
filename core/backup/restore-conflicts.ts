import type { LocText } from '../pack/schema';
import type { ClientRecord, InstalledPack, NoteRecord } from '../store/db';
import type { Backup, BackupTable } from './format';

/*
 * A record where this browser has a newer (or a different, undated) copy than the backup: restoring would
 * overwrite it, so the page asks first. It names what the agent knows the record by — the client (name, e-mail,
 * phone), a note's first words, a visit's day, a pack's name and versions, a setting — and when each copy last
 * changed, never just its key.
 */

/** The client a record belongs to, as the page names them. */
export interface ConflictClient {
  key: string;
  name?: string;
  email?: string;
  phone?: string;
}

export type ConflictSubject =
  | { kind: 'client'; client: ConflictClient }
  | { kind: 'visit'; client: ConflictClient; day: string }
  | { kind: 'note'; client: ConflictClient; excerpt: string }
  | { kind: 'pack'; name: LocText; here: string; file: string }
  | { kind: 'setting'; key: string };

export interface Conflict {
  table: BackupTable;
  id: string;
  subject: ConflictSubject;
  /** When this browser's copy and the file's last changed (ms), where the record has a time. */
  here?: number;
  file?: number;
}

type Row = Record<string, unknown>;

/** When a record last changed, for the tables where "newer" means something. */
export function stamp(table: BackupTable, r: Row): number | undefined {
  switch (table) {
    case 'clients':
      return (r as ClientRecord).updatedAt ?? (r as ClientRecord).lastSeen;
    case 'notes':
      return (r as NoteRecord).updatedAt;
    case 'packs':
      return (r as InstalledPack).updatedAt;
    case 'visits':
      return r.at as number;
    default:
      return undefined;
  }
}

type Named = Pick<ClientRecord, 'key' | 'name' | 'email' | 'phone'>;
const clientOf = (c: Named): ConflictClient => ({
  key: c.key,
  ...(c.name ? { name: c.name } : {}),
  ...(c.email ? { email: c.email } : {}),
  ...(c.phone ? { phone: c.phone } : {}),
});

/**
 * Names the client of a record by its key: this browser's dossier first (`local`, the profile's dossiers a
 * restore reads), else the backup's. The backup's are indexed only when a visit or note conflict needs them.
 */
export function clientNamer(local: Iterable<Named>, backup: Backup): (key: string) => ConflictClient {
  const here = new Map<string, Named>();
  for (const c of local) here.set(c.key, c);
  let inFile: Map<string, Named> | undefined;
  return (key) => {
    const c = here.get(key) ?? (inFile ??= new Map(backup.data.clients.map((b) => [b.key, b]))).get(key);
    return c ? clientOf(c) : { key };
  };
}

/** The conflict of one backup record (`file`) with this browser's copy (`here`). */
export function conflictOf(table: BackupTable, id: string, here: Row, file: Row, clientByKey: (key: string) => ConflictClient): Conflict {
  const times = {
    ...(stamp(table, here) !== undefined ? { here: stamp(table, here) } : {}),
    ...(stamp(table, file) !== undefined ? { file: stamp(table, file) } : {}),
  };
  return { table, id, subject: subjectOf(table, here, file, clientByKey), ...times };
}

function subjectOf(table: BackupTable, here: Row, file: Row, clientByKey: (key: string) => ConflictClient): ConflictSubject {
  switch (table) {
    case 'clients':
      return { kind: 'client', client: clientOf(here as Named) };
    case 'visits':
      return { kind: 'visit', client: clientByKey(String(here.clientKey)), day: String(here.day) };
    case 'notes':
      return { kind: 'note', client: clientByKey(String(here.clientKey)), excerpt: String(here.text ?? '').slice(0, 60) };
    case 'packs': {
      const pack = (here as InstalledPack).pack;
      return { kind: 'pack', name: pack.name, here: pack.version, file: (file as InstalledPack).pack.version };
    }
    default:
      return { kind: 'setting', key: String(here.key ?? here.id) };
  }
}
