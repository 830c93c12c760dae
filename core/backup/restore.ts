import { formatIssues } from '../schema/format-issues';
import type { ClientRecord, InstalledPack, NoteRecord, PersonRecord, TipazhDb } from '../store/db';
import { linkPerson } from '../store/persons';
import { searchTokensOf } from '../store/search';
import { Backup, BACKUP_KEYS, BACKUP_TABLES, type BackupTable } from './format';

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

async function localOf(db: TipazhDb, table: BackupTable, rows: Record<string, unknown>[]) {
  const keys = rows.map((r) => r[keyOf[table]] as string);
  const found = await db.table(table).bulkGet(keys);
  return new Map(keys.map((k, i) => [k, found[i] as Record<string, unknown> | undefined]));
}

/** A dry run: what a restore would add, update, and where it would overwrite newer local data. */
export async function planRestore(db: TipazhDb, backup: Backup): Promise<RestorePlan> {
  const plan: RestorePlan = { add: zero(), update: zero(), conflicts: [] };
  await db.transaction('r', BACKUP_TABLES.map((t) => db.table(t)), async () => {
    for (const table of BACKUP_TABLES) {
      const rows = backup.data[table] as Record<string, unknown>[];
      const local = await localOf(db, table, rows);
      for (const row of rows) {
        const d = decide(table, local.get(row[keyOf[table]] as string), row);
        if (d === 'add') plan.add[table]++;
        else if (d === 'take' || d === 'merge') plan.update[table]++;
        else if (d === 'conflict') plan.conflicts.push({ table, id: String(row[keyOf[table]]), label: labelOf(table, row) });
      }
    }
  });
  return plan;
}

const union = (a: readonly string[] = [], b: readonly string[] = []) => [...new Set([...a, ...b])];

function mergeRecord(table: BackupTable, local: Record<string, unknown>, incoming: Record<string, unknown>): Record<string, unknown> {
  if (table === 'persons') {
    const l = local as PersonRecord;
    const b = incoming as PersonRecord;
    return { ...l, emails: union(l.emails, b.emails), phones: union(l.phones, b.phones), clientKeys: union(l.clientKeys, b.clientKeys), blocked: union(l.blocked, b.blocked) };
  }
  if (table === 'corrections') {
    const undoneAt = Math.max(Number(local.undoneAt ?? 0), Number(incoming.undoneAt ?? 0));
    return { ...local, ...(undoneAt ? { undoneAt } : {}) };
  }
  return local;
}

/**
 * Backup persons join the local person that holds any of their records (their links merge), so one
 * record never belongs to two persons; the others are added. Done in memory, then written in bulk.
 */
async function restorePersons(db: TipazhDb, incoming: PersonRecord[]): Promise<{ added: number; merged: number }> {
  const byId = new Map((await db.persons.toArray()).map((p) => [p.id, p]));
  const holderOf = new Map<string, string>();
  for (const p of byId.values()) for (const k of p.clientKeys) holderOf.set(k, p.id);
  const deleted = new Set<string>();
  let added = 0;
  let merged = 0;
  for (const p of incoming) {
    const holders = [...new Set([...(byId.has(p.id) ? [p.id] : []), ...p.clientKeys.map((k) => holderOf.get(k)).filter((id): id is string => !!id)])];
    if (!holders.length) {
      byId.set(p.id, p);
      for (const k of p.clientKeys) holderOf.set(k, p.id);
      added++;
      continue;
    }
    const [targetId, ...others] = holders as [string, ...string[]];
    let target = mergeRecord('persons', byId.get(targetId)!, p) as PersonRecord;
    for (const id of others) {
      target = mergeRecord('persons', target, byId.get(id)!) as PersonRecord;
      byId.delete(id);
      deleted.add(id);
    }
    byId.set(targetId, target);
    for (const k of target.clientKeys) holderOf.set(k, targetId);
    merged++;
  }
  if (deleted.size) await db.persons.bulkDelete([...deleted]);
  await db.persons.bulkPut([...byId.values()]);
  return { added, merged };
}

/**
 * Restores a backup into this profile in ONE transaction: all of it lands, or nothing does.
 * Records are merged by identity (never duplicated); where this browser has a newer copy, `conflicts`
 * says whether to keep it (the default) or take the backup's. Dossiers keep their earliest first-seen.
 */
export async function applyRestore(
  db: TipazhDb,
  backup: Backup,
  opts: { conflicts?: 'keep-local' | 'take-backup'; onProgress?: (done: number, total: number) => void } = {},
): Promise<RestorePlan> {
  const plan: RestorePlan = { add: zero(), update: zero(), conflicts: [] };
  const total = BACKUP_TABLES.reduce((n, t) => n + backup.data[t].length, 0);
  let done = 0;
  const touchedClients = new Set<string>();
  await db.transaction('rw', BACKUP_TABLES.map((t) => db.table(t)), async () => {
    for (const table of BACKUP_TABLES) {
      const rows = backup.data[table] as Record<string, unknown>[];
      if (table === 'persons') {
        const { added, merged } = await restorePersons(db, rows as PersonRecord[]);
        plan.add.persons += added;
        plan.update.persons += merged;
        done += rows.length;
        opts.onProgress?.(done, total);
        continue;
      }
      for (let i = 0; i < rows.length; i += 2000) {
        const chunk = rows.slice(i, i + 2000);
        const local = await localOf(db, table, chunk);
        const writes: Record<string, unknown>[] = [];
        for (const row of chunk) {
          const id = row[keyOf[table]] as string;
          const current = local.get(id);
          const d = decide(table, current, row);
          if (d === 'add') {
            plan.add[table]++;
            writes.push(row);
          } else if (d === 'take') {
            plan.update[table]++;
            writes.push(table === 'clients' ? { ...row, firstSeen: Math.min(Number(current!.firstSeen), Number(row.firstSeen)) } : row);
          } else if (d === 'merge') {
            plan.update[table]++;
            writes.push(mergeRecord(table, current!, row));
          } else if (d === 'conflict') {
            plan.conflicts.push({ table, id, label: labelOf(table, row) });
            if (opts.conflicts === 'take-backup') writes.push(row);
          }
          if (table === 'clients' && d !== 'keep') touchedClients.add(id);
        }
        if (writes.length) await db.table(table).bulkPut(writes);
        done += chunk.length;
        opts.onProgress?.(done, total);
      }
    }
    // Visit counts and person links follow from the merged data, computed in bulk from the indexes.
    if (touchedClients.size) {
      const visitsPer = new Map<string, number>();
      for (const k of (await db.visits.orderBy('clientKey').keys()) as string[]) visitsPer.set(k, (visitsPer.get(k) ?? 0) + 1);
      const linked = new Set((await db.persons.orderBy('clientKeys').keys()) as string[]);
      const keys = [...touchedClients];
      for (let i = 0; i < keys.length; i += 2000) {
        const clients = (await db.clients.bulkGet(keys.slice(i, i + 2000))).filter((c): c is ClientRecord => !!c);
        const next = clients.map((c) => ({ ...c, visitCount: Math.max(visitsPer.get(c.key) ?? 0, c.visitCount), searchTokens: c.searchTokens.length ? c.searchTokens : searchTokensOf(c) }));
        await db.clients.bulkPut(next);
        for (const c of next) if (!linked.has(c.key)) await linkPerson(db, c);
      }
    }
  });
  return plan;
}
