import { formatIssues } from '../schema/format-issues';
import type { ClientRecord, InstalledPack, NoteRecord, PersonRecord, TipazhDb, VisitRecord } from '../store/db';
import { linkPerson } from '../store/persons';
import { searchTokensOf } from '../store/search';
import { Backup, BACKUP_KEYS, BACKUP_TABLES, type BackupTable } from './format';
import { mergePersons, restorePersons } from './restore-persons';

export const MAX_BACKUP_BYTES = 1_500_000_000;

export type BackupParse = { ok: true; backup: Backup } | { ok: false; error: string };

/** Reads a backup file; says where it is broken (character position or record path), never throws. */
export function parseBackup(text: string): BackupParse {
  if (text.length > MAX_BACKUP_BYTES) return { ok: false, error: 'the file is too large to be a Tipazh backup' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const truncated = /end of (JSON )?input|Unterminated/i.test(msg);
    return { ok: false, error: truncated ? `the file ends early (truncated at character ${text.length}): ${msg}` : `not valid JSON: ${msg}` };
  }
  const r = Backup.safeParse(raw);
  return r.success ? { ok: true, backup: r.data } : { ok: false, error: formatIssues(r.error) };
}

/** A record where this browser has a newer, different copy than the backup: restoring would overwrite it. */
export interface Conflict {
  table: BackupTable;
  id: string;
  label: string;
}

export interface RestorePlan {
  add: Record<BackupTable, number>;
  update: Record<BackupTable, number>;
  conflicts: Conflict[];
}

const zero = () => Object.fromEntries(BACKUP_TABLES.map((t) => [t, 0])) as Record<BackupTable, number>;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const keyOf = BACKUP_KEYS;

/** When a record last changed, for the tables where "newer" means something. */
function stamp(table: BackupTable, r: Record<string, unknown>): number | undefined {
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

type Decision = 'add' | 'take' | 'keep' | 'merge' | 'conflict';

/** What to do with one backup record given the local one. Append-only tables merge; the rest keep the newer copy. */
function decide(table: BackupTable, local: Record<string, unknown> | undefined, incoming: Record<string, unknown>): Decision {
  if (!local) return 'add';
  if (same(local, incoming)) return 'keep';
  if (table === 'persons' || table === 'corrections' || table === 'audit') return 'merge';
  const l = stamp(table, local);
  const b = stamp(table, incoming);
  if (l !== undefined && b !== undefined && b > l) return 'take';
  if (l !== undefined && b !== undefined && b === l && table === 'visits') return 'keep';
  return 'conflict';
}

const labelOf = (table: BackupTable, r: Record<string, unknown>) =>
  table === 'clients' ? String((r as ClientRecord).name || r.key) : table === 'notes' ? String((r as NoteRecord).text).slice(0, 60) : table === 'packs' ? String(r.id) : String(r[keyOf[table]]);

/** Counts one decision in the plan. */
function tally(plan: RestorePlan, table: BackupTable, d: Decision, row: Record<string, unknown>) {
  if (d === 'add') plan.add[table]++;
  else if (d === 'take' || d === 'merge') plan.update[table]++;
  else if (d === 'conflict') plan.conflicts.push({ table, id: String(row[keyOf[table]]), label: labelOf(table, row) });
}

/** The keys one table holds: a single read, so the records this profile lacks are never looked up one by one. */
const heldKeys = async (db: TipazhDb, table: BackupTable) => new Set((await db.table(table).toCollection().primaryKeys()) as string[]);

/** The local copies of `rows`, by identity: one bulk read of just the keys the profile holds. */
async function localOf(db: TipazhDb, table: BackupTable, rows: Record<string, unknown>[], held: ReadonlySet<string>) {
  const keys = rows.map((r) => r[keyOf[table]] as string).filter((k) => held.has(k));
  const found = keys.length ? await db.table(table).bulkGet(keys) : [];
  return new Map(keys.map((k, i) => [k, found[i] as Record<string, unknown> | undefined]));
}

/** A dry run: what a restore would add, update, and where it would overwrite newer local data. */
export async function planRestore(db: TipazhDb, backup: Backup): Promise<RestorePlan> {
  const plan: RestorePlan = { add: zero(), update: zero(), conflicts: [] };
  await db.transaction('r', BACKUP_TABLES.map((t) => db.table(t)), async () => {
    for (const table of BACKUP_TABLES) {
      const rows = backup.data[table] as Record<string, unknown>[];
      const local = await localOf(db, table, rows, await heldKeys(db, table));
      for (const row of rows) {
        tally(plan, table, decide(table, local.get(row[keyOf[table]] as string), row), row);
      }
    }
  });
  return plan;
}

function mergeRecord(table: BackupTable, local: Record<string, unknown>, incoming: Record<string, unknown>): Record<string, unknown> {
  if (table === 'persons') return mergePersons(local as PersonRecord, incoming as PersonRecord);
  if (table === 'corrections') {
    const undoneAt = Math.max(Number(local.undoneAt ?? 0), Number(incoming.undoneAt ?? 0));
    return { ...local, ...(undoneAt ? { undoneAt } : {}) };
  }
  return local;
}

/** The record a restore stores for one backup row given its decision; none when the local copy stays as it is. */
function chosen(table: BackupTable, d: Decision, local: Record<string, unknown> | undefined, row: Record<string, unknown>, conflicts?: 'keep-local' | 'take-backup') {
  if (d === 'add') return row;
  if (d === 'take') return table === 'clients' ? { ...row, firstSeen: Math.min(Number(local!.firstSeen), Number(row.firstSeen)) } : row;
  if (d === 'merge') return mergeRecord(table, local!, row);
  if (d === 'conflict' && conflicts === 'take-backup') return row;
  return undefined;
}

/** Visits per dossier: read once before the restore, then kept exact as it adds or replaces visits. */
async function visitCounter(db: TipazhDb) {
  const n = new Map<string, number>();
  const bump = (k: string, by: number) => n.set(k, (n.get(k) ?? 0) + by);
  for (const k of (await db.visits.orderBy('clientKey').keys()) as string[]) bump(k, 1);
  return {
    wrote(old: VisitRecord | undefined, next: VisitRecord) {
      if (old) bump(old.clientKey, -1);
      bump(next.clientKey, 1);
    },
    of: (k: string) => n.get(k) ?? 0,
  };
}

/** A dossier as the restore stores it: its visit count from the merged visits, its search words present. */
const settle = (c: ClientRecord, visits: { of(k: string): number }): ClientRecord => ({
  ...c,
  visitCount: Math.max(visits.of(c.key), c.visitCount),
  searchTokens: c.searchTokens.length ? c.searchTokens : searchTokensOf(c),
});

/** The order a restore writes in: dossiers last, so their visit counts and person links follow from the merged visits and persons. */
const WRITE_ORDER: BackupTable[] = [...BACKUP_TABLES.filter((t) => t !== 'clients'), 'clients'];
const CHUNK = 2000;

/**
 * Restores a backup into this profile in ONE transaction: all of it lands, or nothing does.
 * Records are merged by identity (never duplicated); where this browser has a newer copy, `conflicts`
 * says whether to keep it (the default) or take the backup's. Dossiers keep their earliest first-seen.
 * Each table's keys are read once and only the records this profile holds are looked up; every record
 * is written once, in chunks, with progress after each.
 */
export async function applyRestore(
  db: TipazhDb,
  backup: Backup,
  opts: { conflicts?: 'keep-local' | 'take-backup'; onProgress?: (done: number, total: number) => void } = {},
): Promise<RestorePlan> {
  const plan: RestorePlan = { add: zero(), update: zero(), conflicts: [] };
  const total = BACKUP_TABLES.reduce((n, t) => n + backup.data[t].length, 0);
  let done = 0;
  const progress = (n: number) => opts.onProgress?.((done += n), total);
  await db.transaction('rw', BACKUP_TABLES.map((t) => db.table(t)), async () => {
    const visits = await visitCounter(db);
    let linked = new Set<string>();
    for (const table of WRITE_ORDER) {
      const rows = backup.data[table] as Record<string, unknown>[];
      if (table === 'persons') {
        let reported = 0;
        const r = await restorePersons(db, rows as PersonRecord[], CHUNK, (n) => {
          progress(n - reported);
          reported = n;
        });
        plan.add.persons += r.added;
        plan.update.persons += r.merged;
        linked = r.linked;
        continue;
      }
      const held = await heldKeys(db, table);
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        const local = await localOf(db, table, chunk, held);
        const writes: Record<string, unknown>[] = [];
        for (const row of chunk) {
          const current = local.get(row[keyOf[table]] as string);
          const d = decide(table, current, row);
          tally(plan, table, d, row);
          const next = chosen(table, d, current, row, opts.conflicts);
          // A dossier kept as it is (a conflict) is still settled: the backup's visits may add to its count.
          if (table === 'clients') {
            if (d !== 'keep') writes.push(settle((next ?? current) as ClientRecord, visits));
          } else if (next) {
            writes.push(next);
            if (table === 'visits') visits.wrote(current as VisitRecord | undefined, next as VisitRecord);
          }
        }
        if (writes.length) await db.table(table).bulkPut(writes);
        for (const w of writes) held.add(w[keyOf[table]] as string);
        if (table === 'clients') for (const c of writes as ClientRecord[]) if (!linked.has(c.key)) await linkPerson(db, c);
        progress(chunk.length);
      }
    }
  });
  return plan;
}
