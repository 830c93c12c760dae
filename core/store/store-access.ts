import { liveQuery } from 'dexie';
import { applyEdit, type DossierChange } from './apply-edit';
import { activeCorrections, addCorrection, undoCorrection, type NewCorrection } from './corrections';
import type { AuditRecord, ClientRecord, CorrectionRecord, InstalledPack, NoteRecord, TipazhDb, VisitRecord } from './db';
import { addNote } from './dossiers';
import { listPacks } from './packs';
import { personView, splitFromPerson } from './persons';
import { searchClients } from './search';

export type Unsubscribe = () => void;

/** A client's dossier with everything linked to the same person. */
export interface DossierView {
  client?: ClientRecord;
  /** The same person's records in other helpdesks (or accounts), linked by email or phone. */
  linked: ClientRecord[];
  /** Notes on every linked record, pinned first, newest first. */
  notes: NoteRecord[];
  /** Visits of every linked record, oldest first. */
  visits: VisitRecord[];
  /** Changes to this dossier, newest first. */
  audit: AuditRecord[];
}

export const EMPTY_DOSSIER: DossierView = { linked: [], notes: [], visits: [], audit: [] };

function watch<T>(query: () => Promise<T>, cb: (v: T) => void, what: string): Unsubscribe {
  const sub = liveQuery(query).subscribe({ next: cb, error: (e: unknown) => console.warn(`[Tipazh] ${what}`, e) });
  return () => sub.unsubscribe();
}

/**
 * What the side panel reads and writes in the dossier database, live: every write anywhere (another panel,
 * the background) shows at once. Shared by the extension's transport and the component tests.
 */
export function storeAccess(db: TipazhDb) {
  return {
    watchDossier(clientKey: string, cb: (d: DossierView) => void): Unsubscribe {
      return watch(
        async () => {
          const view = await personView(db, clientKey);
          return {
            client: view.records.find((r) => r.key === clientKey),
            linked: view.records.filter((r) => r.key !== clientKey),
            notes: view.notes,
            visits: view.visits,
            audit: view.audit,
          };
        },
        cb,
        'dossier',
      );
    },
    watchCorrections: (cb: (c: CorrectionRecord[]) => void) => watch(() => activeCorrections(db), cb, 'corrections'),
    watchInstalledPacks: (cb: (p: InstalledPack[]) => void) => watch(() => listPacks(db), cb, 'packs'),
    addNote: async (clientKey: string, text: string) => void (await addNote(db, clientKey, text)),
    addCorrection: async (c: NewCorrection, who: string) => void (await addCorrection(db, c, Date.now(), who)),
    undoCorrection: (id: string, who: string) => undoCorrection(db, id, Date.now(), who),
    edit: (change: DossierChange, who: string) => applyEdit(db, change, who),
    searchClients: (query: string) => searchClients(db, query),
    splitRecord: (clientKey: string) => splitFromPerson(db, clientKey),
  };
}
export type StoreAccess = ReturnType<typeof storeAccess>;
