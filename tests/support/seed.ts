import type { Page } from '@playwright/test';
import type { BackupTable } from '../../core/backup/format';
import { ClientRecord, DB_NAME, NoteRecord, VisitRecord } from '../../core/store/db';
import { dayOf } from '../../core/store/dossier-view';
import { searchTokensOf } from '../../core/store/search';
import type { LifecycleStageId, ServiceLevelId, TypeVerdict } from '../../core/taxonomy';
import { putInIndexedDb } from './idb-put';

/**
 * Seeding the extension's dossier database (IndexedDB `tipazh`, Dexie tables = object stores of the same
 * names) from an extension page, for tests that need more history than the demo tickets give.
 *
 * Records are built and validated in Node with the store's own zod schemas (and `searchTokensOf`, exactly as
 * the store builds the search index), then written in chunks through `page.evaluate`. Raw IndexedDB writes
 * bypass Dexie's change notifications, so reload the panel page afterwards to see them.
 */

/** Any table of the dossier database (object stores have the tables' names). */
type Store = BackupTable;
const DAY = 86_400_000;

/**
 * Writes records into one object store of the extension's database. `page` must be an extension page
 * (the side panel) that has already opened the database, so the schema exists.
 */
export async function putRecords(page: Page, store: Store, records: readonly unknown[], chunkSize = 2000): Promise<void> {
  for (let i = 0; i < records.length; i += chunkSize) {
    const chunk = records.slice(i, i + chunkSize);
    await page.evaluate(putInIndexedDb, { dbName: DB_NAME, store, records: chunk as unknown[] });
  }
}

/**
 * Counts the records of one store, straight from IndexedDB. Visits and notes are counted inside their dossiers
 * (notes also in the `notes` table, which keeps those waiting for their dossier).
 */
export function countRecords(page: Page, store: Store): Promise<number> {
  return page.evaluate(
    ({ dbName, store }) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const inDossiers = store === 'visits' || store === 'notes';
          const tx = db.transaction(inDossiers ? ['clients', ...(store === 'notes' ? ['notes'] : [])] : [store], 'readonly');
          const table = tx.objectStore(inDossiers && store === 'visits' ? 'clients' : store).count();
          const dossiers = inDossiers ? tx.objectStore('clients').getAll() : undefined;
          tx.oncomplete = () => {
            db.close();
            const inside = ((dossiers?.result ?? []) as Record<string, unknown[]>[]).reduce((n, c) => n + c[store]!.length, 0);
            resolve(inside + (store === 'visits' ? 0 : table.result));
          };
          tx.onerror = () => (db.close(), reject(tx.error));
        };
      }),
    { dbName: DB_NAME, store },
  );
}

/** Every record of one store, straight from IndexedDB (a test reads what was stored, not what a page shows). */
export function allRecords<T = Record<string, unknown>>(page: Page, store: Store): Promise<T[]> {
  return page.evaluate(
    ({ dbName, store }) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction([store], 'readonly').objectStore(store).getAll();
          all.onsuccess = () => (db.close(), resolve(all.result as T[]));
          all.onerror = () => (db.close(), reject(all.error));
        };
      }),
    { dbName: DB_NAME, store },
  );
}

/** A dossier as the store keeps it: validated by `ClientRecord`, search tokens built by `searchTokensOf`. */
export function clientRecord(fields: Partial<ClientRecord> & Pick<ClientRecord, 'key' | 'name'>, now = Date.now()): ClientRecord {
  const [source, account, externalId] = fields.key.split(':');
  const record = ClientRecord.parse({
    source: source === 'amocrm' ? 'amocrm' : 'zendesk',
    account: account ?? 'acme',
    externalId: externalId ?? fields.key,
    firstSeen: now - 30 * DAY,
    lastSeen: now,
    visitCount: 1,
    ...fields,
  });
  return { ...record, searchTokens: searchTokensOf(record) };
}

const FIRST = [
  'Anna',
  'Boris',
  'Clara',
  'Dmitry',
  'Elena',
  'Felix',
  'Galina',
  'Hugo',
  'Irina',
  'Jonas',
  'Ksenia',
  'Leon',
  'Maria',
  'Nikolai',
  'Olga',
  'Pavel',
  'Quinn',
  'Rosa',
  'Sergei',
  'Tamara',
  'Ulrich',
  'Vera',
  'Walter',
  'Xenia',
  'Yuri',
  'Zara',
  'Алексей',
  'Борис',
  'Вера',
  'Григорий',
  'Дарья',
  'Евгений',
  'Жанна',
  'Захар',
  'Инна',
  'Кирилл',
  'Лариса',
  'Максим',
  'Нина',
  'Олег',
  'Полина',
  'Роман',
  'Светлана',
  'Тимур',
  'Ульяна',
  'Фёдор',
  'Харитон',
  'Царина',
  'Чеслав',
  'Эмма',
];
const LAST = [
  'Abbott',
  'Baker',
  'Carver',
  'Dawson',
  'Ellis',
  'Fisher',
  'Garner',
  'Holt',
  'Irving',
  'Jensen',
  'Keller',
  'Lowell',
  'Mercer',
  'Norris',
  'Osborne',
  'Porter',
  'Quincy',
  'Rowe',
  'Sutton',
  'Thorne',
  'Underwood',
  'Vance',
  'Whitlock',
  'Yates',
  'Zimmer',
  'Абрамов',
  'Белов',
  'Васильев',
  'Громов',
  'Данилов',
  'Ершов',
  'Жуков',
  'Зайцев',
  'Ильин',
  'Козлов',
  'Лебедев',
  'Морозов',
  'Новиков',
  'Орлов',
  'Павлов',
  'Романов',
  'Соколов',
  'Титов',
  'Уваров',
  'Фомин',
  'Харитонов',
  'Цветков',
  'Чернов',
  'Шубин',
  'Яковлев',
];
const TAGS = ['wholesale', 'b2b', 'loyalty', 'refund', 'delivery', 'промо', 'опт', 'жалоба'];

/**
 * `n` distinct generated dossiers (up to 2,500 distinct names; beyond that names repeat with other emails and
 * phones). Every first name and every surname is shared by many clients, so a two-word query has to narrow.
 */
export function generateClients(n: number, now = Date.now()): ClientRecord[] {
  const out: ClientRecord[] = [];
  for (let i = 0; i < n; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    out.push(
      clientRecord(
        {
          key: `zendesk:seed:${100000 + i}`,
          name: `${first} ${last}`,
          email: `client${i}@seed${i % 37}.example`,
          phone: `+7 900 ${String(i).padStart(7, '0')}`,
          tags: i % 5 === 0 ? [TAGS[i % TAGS.length]!] : [],
          lastSubject: `Order ${50000 + i}`,
          visitCount: 1 + (i % 4),
        },
        now - (i % 200) * 3_600_000,
      ),
    );
  }
  return out;
}

/** Writes `clients` in chunks (each `evaluate` carries a few thousand records). */
export const seedClients = (page: Page, clients: readonly ClientRecord[], chunkSize = 2000) => putRecords(page, 'clients', clients, chunkSize);

export interface SeedVisit {
  /** Days before `now`. */
  daysAgo: number;
  ticketId: string;
  type?: TypeVerdict;
  confidence?: number;
  stage?: LifecycleStageId;
  level?: ServiceLevelId;
}

/** Visit records keyed as the store keys them: one per (client, ticket, UTC day). A dossier keeps them without its key (`storedVisit`). */
export function visitRecords(clientKey: string, visits: readonly SeedVisit[], now = Date.now()): VisitRecord[] {
  return visits.map((v) => {
    const at = now - v.daysAgo * DAY;
    return VisitRecord.parse({
      id: `${clientKey}|${v.ticketId}|${dayOf(at)}`,
      clientKey,
      ticketId: v.ticketId,
      day: dayOf(at),
      firstAt: at,
      at,
      messageCount: 3,
      type: v.type,
      confidence: v.confidence,
      stage: v.stage,
      level: v.level,
    });
  });
}

/** A note as the store keeps it. */
export function noteRecord(clientKey: string, text: string, opts: { pinned?: boolean; at?: number } = {}): NoteRecord {
  const at = opts.at ?? Date.now();
  return NoteRecord.parse({ id: `seed-note-${clientKey}-${at}-${text.length}`, clientKey, text, pinned: opts.pinned ?? false, createdAt: at, updatedAt: at });
}
