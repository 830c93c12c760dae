import type { ClientRecord, NoteRecord, PersonRecord, TipazhDb, VisitRecord } from '../store/db';
import { visitsOf } from '../store/visits';
import { notesOf } from '../store/notes';
import { Backup, backupClientOf, BACKUP_KEYS, BACKUP_TABLES, STORED_TABLES, type BackupTable } from './format';
import { clientNamer, conflictOf, stamp, type Conflict, type ConflictClient } from './restore-conflicts';
import { mergeIncomingPersons, type LocalIdentities } from './restore-persons';
import { pacer, type PaceOptions } from './pace';
import { dossierParts, writeQueue, type DossierParts } from './restore-writes';

export type { Conflict } from './restore-conflicts';

export interface RestorePlan {
  add: Record<BackupTable, number>;
  update: Record<BackupTable, number>;
  conflicts: Conflict[];
}

const zero = () => Object.fromEntries(BACKUP_TABLES.map((t) => [t, 0])) as Record<BackupTable, number>;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const keyOf = BACKUP_KEYS;
/** How many records are compared (or queued for writing) between two progress reports. */
const CHUNK = 2000;

type Decision = 'add' | 'take' | 'keep' | 'merge' | 'conflict';

/** What to do with one backup record given the local one. Append-only tables merge; the rest keep the newer copy. */
function decide(table: KeyedTable, local: Record<string, unknown> | undefined, incoming: Record<string, unknown>): Decision {
  if (!local) return 'add';
  if (same(local, incoming)) return 'keep';
  if (table === 'corrections' || table === 'audit') return 'merge';
  const l = stamp(table, local);
  const b = stamp(table, incoming);
  if (l !== undefined && b !== undefined && b > l) return 'take';
  if (l !== undefined && b !== undefined && b === l && table === 'visits') return 'keep';
  return 'conflict';
}

/** Counts one decision in the plan; a conflict names the record (see restore-conflicts.ts). */
function tally(
  plan: RestorePlan,
  table: BackupTable,
  d: Decision,
  row: Record<string, unknown>,
  local: Record<string, unknown> | undefined,
  clientByKey: (key: string) => ConflictClient,
) {
  if (d === 'add') plan.add[table]++;
  else if (d === 'take' || d === 'merge') plan.update[table]++;
  else if (d === 'conflict') plan.conflicts.push(conflictOf(table, String(row[keyOf[table]]), local!, row, clientByKey));
}

type Row = Record<string, unknown>;
/** Persons merge by the records they hold, not by id: see restore-persons.ts. */
type KeyedTable = Exclude<BackupTable, 'persons'>;
const KEYED_TABLES = BACKUP_TABLES.filter((t): t is KeyedTable => t !== 'persons');
/** The tables read record by record: visits and notes come with their dossiers. */
const READ_TABLES = KEYED_TABLES.filter((t) => t !== 'visits' && t !== 'notes');

/**
 * The one read pass of a plan or a restore: the local copy of every backup record, by identity. Each
 * table's keys are read in one go, then only the records this profile holds are read, in one bulk read.
 * Persons are read whole: they merge by the records they hold. A dossier's visits and notes are decided one
 * by one, as the backup lists them, and the dossier itself without them; so are the notes waiting for a
 * dossier (the `notes` table, read whole: it holds only those). `others` are the profile's dossiers the
 * backup has notes for but does not list.
 */
async function readLocals(db: TipazhDb, backup: Backup) {
  const locals = { visits: new Map(), notes: new Map() } as Record<KeyedTable, Map<string, Row>>;
  for (const table of READ_TABLES) {
    const held = new Set((await db.table(table).toCollection().primaryKeys()) as string[]);
    const keys = (backup.data[table] as Row[]).map((r) => r[keyOf[table]] as string).filter((k) => held.has(k));
    const found = keys.length ? ((await db.table(table).bulkGet(keys)) as (Row | undefined)[]) : [];
    locals[table] = new Map(keys.flatMap((k, i) => (found[i] ? [[k, found[i]] as const] : [])));
  }
  const listed = new Set(backup.data.clients.map((c) => c.key));
  const otherKeys = [...new Set(backup.data.notes.map((n) => n.clientKey).filter((k) => !listed.has(k)))];
  const others = (await db.clients.bulkGet(otherKeys)).filter((c): c is ClientRecord => !!c);
  const waiting = await db.notes.toArray();
  for (const n of waiting) locals.notes.set(n.id, n);
  for (const c of [...(locals.clients.values() as MapIterator<ClientRecord>), ...others]) {
    for (const v of visitsOf(c)) locals.visits.set(v.id, v);
    for (const n of notesOf(c)) locals.notes.set(n.id, n);
    if (listed.has(c.key)) locals.clients.set(c.key, backupClientOf(c));
  }
  const localPersons = await db.persons.toArray();
  const persons = mergeIncomingPersons(localPersons, backup.data.persons, await localIdentities(db));
  return { locals, others, waiting, persons, localPersons: new Set(localPersons.map((p) => p.id)) };
}

/** Counts the persons a restore stores (`writes`): new ones, and the profile's own that change. */
const tallyPersons = (plan: RestorePlan, writes: readonly PersonRecord[], localPersons: ReadonlySet<string>) => {
  for (const p of writes) plan[localPersons.has(p.id) ? 'update' : 'add'].persons++;
};

/** The profile's dossiers by identity key, read from the `clients.ids` index alone (two key walks, no records). */
async function localIdentities(db: TipazhDb): Promise<LocalIdentities> {
  const index = db.clients.orderBy('ids');
  const [ids, keys] = await Promise.all([index.keys(), index.primaryKeys()]);
  const out: LocalIdentities = new Map();
  ids.forEach((id, i) => {
    const list = out.get(id as string);
    if (list) list.push(keys[i] as string);
    else out.set(id as string, [keys[i] as string]);
  });
  return out;
}

/**
 * A dry run: what a restore would add, update, and where it would overwrite newer local data. The local
 * copies are read in one transaction; the comparison then reports rows compared of all rows, pausing now and
 * then (see pace.ts) so that the page showing it stays responsive.
 */
export async function planRestore(db: TipazhDb, backup: Backup, onProgress?: (done: number, total: number) => void, pace?: PaceOptions): Promise<RestorePlan> {
  const plan: RestorePlan = { add: zero(), update: zero(), conflicts: [] };
  const { locals, others, persons, localPersons } = await db.transaction(
    'r',
    STORED_TABLES.map((t) => db.table(t)),
    () => readLocals(db, backup),
  );
  const clientByKey = clientNamer([...(locals.clients.values() as MapIterator<ClientRecord>), ...others], backup);
  for (const c of backup.data.clients) persons.link(c);
  tallyPersons(plan, persons.changes().writes, localPersons);
  const total = KEYED_TABLES.reduce((n, t) => n + backup.data[t].length, 0);
  const paced = pacer(pace);
  let done = 0;
  for (const table of KEYED_TABLES) {
    const rows = backup.data[table] as Row[];
    for (let at = 0; at < rows.length; at += CHUNK) {
      for (const row of rows.slice(at, at + CHUNK)) {
        const local = locals[table].get(row[keyOf[table]] as string);
        tally(plan, table, decide(table, local, row), row, local, clientByKey);
      }
      onProgress?.((done += Math.min(CHUNK, rows.length - at)), total);
      await paced();
    }
  }
  return plan;
}

/** Append-only records merge: a correction undone on either side stays undone; an audit entry is kept as it is. */
function mergeRecord(table: KeyedTable, local: Row, incoming: Row): Row {
  if (table === 'corrections') {
    const undoneAt = Math.max(Number(local.undoneAt ?? 0), Number(incoming.undoneAt ?? 0));
    return { ...local, ...(undoneAt ? { undoneAt } : {}) };
  }
  return local;
}

/** The record a restore stores for one backup row given its decision; none when the local copy stays as it is. */
function chosen(table: KeyedTable, d: Decision, local: Row | undefined, row: Row, conflicts?: 'keep-local' | 'take-backup') {
  if (d === 'add') return row;
  if (d === 'take') return table === 'clients' ? { ...row, firstSeen: Math.min(Number(local!.firstSeen), Number(row.firstSeen)) } : row;
  if (d === 'merge') return mergeRecord(table, local!, row);
  if (d === 'conflict' && conflicts === 'take-backup') return row;
  return undefined;
}

/** Visits and notes are decided first: they are written inside their dossiers. */
const IN_DOSSIERS: KeyedTable[] = ['visits', 'notes'];
/** The tables written apart from the dossiers and persons. */
const APART = KEYED_TABLES.filter((t) => !IN_DOSSIERS.includes(t) && t !== 'clients');

/** What a restore stores for one table's backup rows, given the local copies (updated as it goes, so a repeated key sees the one before). */
function tableWrites(
  table: KeyedTable,
  rows: Row[],
  local: Map<string, Row>,
  plan: RestorePlan,
  dossiers: DossierParts,
  clientByKey: (key: string) => ConflictClient,
  conflicts?: 'keep-local' | 'take-backup',
): Row[] {
  const writes: Row[] = [];
  for (const row of rows) {
    const id = row[keyOf[table]] as string;
    const current = local.get(id);
    const d = decide(table, current, row);
    tally(plan, table, d, row, current, clientByKey);
    const next = chosen(table, d, current, row, conflicts);
    if (table === 'visits') {
      if (next) dossiers.addVisit(next as VisitRecord);
    } else if (table === 'notes') {
      if (next) dossiers.addNote(next as NoteRecord);
    } else if (table === 'clients') {
      // A dossier kept as it is is still written when the backup adds to its visits or notes.
      const stored = dossiers.settle((next ?? current) as ClientRecord, !!next);
      if (stored) writes.push(stored);
    } else if (next) writes.push(next);
    if (next) local.set(id, next);
  }
  return writes;
}

/**
 * Restores a backup into this profile in ONE transaction: all of it lands, or nothing does.
 * Records are merged by identity (never duplicated); where this browser has a newer copy, `conflicts`
 * says whether to keep it (the default) or take the backup's. Dossiers keep their earliest first-seen.
 * One read pass finds the local copies; everything is decided in memory; then every record is written
 * once (visits inside their dossiers), in chunks queued back to back, with progress (in backup records) as each chunk lands.
 */
export async function applyRestore(
  db: TipazhDb,
  backup: Backup,
  opts: { conflicts?: 'keep-local' | 'take-backup'; onProgress?: (done: number, total: number) => void } = {},
): Promise<RestorePlan> {
  const plan: RestorePlan = { add: zero(), update: zero(), conflicts: [] };
  await db.transaction(
    'rw',
    STORED_TABLES.map((t) => db.table(t)),
    async () => {
      const { locals, others, waiting, persons, localPersons } = await readLocals(db, backup);
      const dossiers = dossierParts({
        visits: locals.visits.values() as MapIterator<VisitRecord>,
        notes: locals.notes.values() as MapIterator<NoteRecord>,
        waiting,
      });
      const clientByKey = clientNamer([...(locals.clients.values() as MapIterator<ClientRecord>), ...others], backup);
      const decide = (table: KeyedTable, rows: Row[]) => tableWrites(table, rows, locals[table], plan, dossiers, clientByKey, opts.conflicts);
      // Progress counts the backup's records as the writes holding them land, and the persons a restore adds
      // (`total` is known before the first write lands: nothing below waits until then).
      let total = 0;
      let done = 0;
      const queue = writeQueue(db, CHUNK, (n) => opts.onProgress?.((done += n), total));
      for (const table of IN_DOSSIERS) decide(table, backup.data[table] as Row[]);
      for (const table of APART) queue.put(table, decide(table, backup.data[table] as Row[]), backup.data[table].length);
      // Dossiers are decided a chunk at a time, each queued at once: the database stores one while the next is
      // decided. Their visits and notes count in their progress.
      const clients = backup.data.clients as Row[];
      const inside = backup.data.visits.length + backup.data.notes.length;
      const share = (i: number) => (clients.length ? Math.round((inside * Math.min(i, clients.length)) / clients.length) : 0);
      for (let i = 0; i < clients.length; i += CHUNK) {
        const chunk = clients.slice(i, i + CHUNK);
        queue.put('clients', decide('clients', chunk), chunk.length + share(i + CHUNK) - share(i));
      }
      // The profile's dossiers the backup adds notes to without listing them; notes whose dossier is in neither
      // wait for it in the `notes` table.
      queue.put(
        'clients',
        others.flatMap((c) => dossiers.settle(c, false) ?? []),
        0,
      );
      const notesTable = dossiers.notesTable();
      queue.put('notes', notesTable.put, inside - share(clients.length));
      queue.delete('notes', notesTable.moved);
      // Every backup dossier, as now stored, belongs to a person: a backup without persons gets them here.
      for (const c of locals.clients.values()) persons.link(c as ClientRecord);
      const { writes, deleted } = persons.changes();
      tallyPersons(plan, writes, localPersons);
      const personRows = Math.max(backup.data.persons.length, writes.length);
      total = BACKUP_TABLES.reduce((n, t) => n + backup.data[t].length, 0) - backup.data.persons.length + personRows;
      queue.delete('persons', deleted);
      queue.put('persons', writes, personRows);
      await queue.done();
    },
  );
  return plan;
}
