import { liveQuery } from 'dexie';
import { applyEdit, type DossierChange } from './apply-edit';
import { activeCorrections, addCorrection, undoCorrection, type NewCorrection } from './corrections';
import type { AuditRecord, ClientRecord, CorrectionRecord, InstalledPack, NoteRecord, TipazhDb, VisitRecord } from './db';
import { addNote } from './dossiers';
import { listPacks } from './packs';
import { personView, splitFromPerson } from './persons';
import { searchClients } from './search';
import { unlock } from '../crypto/lock';
import { forgetPerson } from './forget';
import { addToNeverRecord } from './never-record';
import { addSealedNote, getLock, isLockedClient, openNotes, sealAllVipNotes, sealClientNotes, setUpLock, updateSealedNote } from './sealed-notes';

export type Unsubscribe = () => void;

/** A client's dossier with everything linked to the same person. */
export interface DossierView {
  client?: ClientRecord;
  /** The same person's records in other helpdesks (or accounts), linked by email or phone. */
  linked: ClientRecord[];
  /** Notes on every linked record, pinned first, newest first; `locked` when sealed and the lock is closed. */
  notes: (NoteRecord & { locked?: boolean })[];
  /** Visits of every linked record, oldest first. */
  visits: VisitRecord[];
  /** Changes to this dossier, newest first. */
  audit: AuditRecord[];
  /** Share of clients with more revenue than this one (0 = the top); undefined without revenue. */
  revenueRank?: number;
}

/** Whether VIP notes are locked with a passphrase, and whether this panel has opened the lock. */
export interface LockState {
  enabled: boolean;
  unlocked: boolean;
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
  /** The notes key, in memory only, while the agent has the lock open in this panel. */
  let key: CryptoKey | undefined;
  const lockChanged = new Set<() => void>();
  const notifyLock = () => lockChanged.forEach((f) => f());
  return {
    watchDossier(clientKey: string, cb: (d: DossierView) => void): Unsubscribe {
      let last: DossierView | undefined;
      let seq = 0;
      // Sealed notes are opened outside liveQuery (which may only await the database).
      const emit = () => {
        const view = last;
        if (!view) return;
        const my = ++seq;
        void openNotes(view.notes, key).then((notes) => my === seq && cb({ ...view, notes }));
      };
      const stop = watch(
        async () => {
          const view = await personView(db, clientKey);
          const client = view.records.find((r) => r.key === clientKey);
          const revenue = client?.revenue;
          const revenueRank = revenue
            ? (await db.clients.where('revenue').above(revenue).count()) / Math.max(1, await db.clients.where('revenue').above(0).count())
            : undefined;
          return {
            revenueRank,
            client,
            linked: view.records.filter((r) => r.key !== clientKey),
            notes: view.notes,
            visits: view.visits,
            audit: view.audit,
          };
        },
        (v) => {
          last = v;
          emit();
        },
        'dossier',
      );
      lockChanged.add(emit);
      return () => {
        stop();
        lockChanged.delete(emit);
      };
    },
    watchLock(cb: (s: LockState) => void): Unsubscribe {
      let enabled = false;
      const send = () => cb({ enabled, unlocked: !!key });
      const stop = watch(() => getLock(db), (lock) => ((enabled = !!lock), send()), 'lock');
      lockChanged.add(send);
      return () => {
        stop();
        lockChanged.delete(send);
      };
    },
    /** Opens the lock for this panel; wrong passphrases are refused. Any VIP note still in plain text is sealed. */
    async unlockNotes(passphrase: string): Promise<void> {
      const lock = await getLock(db);
      if (!lock) throw new Error('no lock is set up');
      const k = await unlock(lock, passphrase);
      if (!k) throw new Error('wrong passphrase');
      key = k;
      await sealAllVipNotes(db, k);
      notifyLock();
    },
    async setUpNotesLock(passphrase: string): Promise<void> {
      key = await setUpLock(db, passphrase);
      notifyLock();
    },
    lockNotes() {
      key = undefined;
      notifyLock();
    },
    /** Deletes every trace of the person; with `neverAgain`, their records and email go on the never-record list. */
    async forget(clientKey: string, neverAgain: boolean) {
      const client = await db.clients.get(clientKey);
      const keys = await forgetPerson(db, clientKey);
      if (neverAgain) for (const k of keys) await addToNeverRecord(db, k, k === clientKey ? client?.email : undefined);
    },
    watchCorrections: (cb: (c: CorrectionRecord[]) => void) => watch(() => activeCorrections(db), cb, 'corrections'),
    watchInstalledPacks: (cb: (p: InstalledPack[]) => void) => watch(() => listPacks(db), cb, 'packs'),
    async addNote(clientKey: string, text: string) {
      if ((await getLock(db)) && isLockedClient(await db.clients.get(clientKey))) {
        if (!key) throw new Error('unlock the notes first: this VIP client’s notes are encrypted');
        await addSealedNote(db, key, clientKey, text);
      } else await addNote(db, clientKey, text);
    },
    addCorrection: async (c: NewCorrection, who: string) => void (await addCorrection(db, c, Date.now(), who)),
    undoCorrection: (id: string, who: string) => undoCorrection(db, id, Date.now(), who),
    async edit(change: DossierChange, who: string) {
      if (change.kind === 'note-text' && (await db.notes.get(change.id))?.sealed) {
        if (!key) throw new Error('unlock the notes first');
        return updateSealedNote(db, key, change.id, change.text, who);
      }
      await applyEdit(db, change, who);
      if (change.kind === 'vip' && change.vip && key) await sealClientNotes(db, key, change.key);
    },
    searchClients: (query: string) => searchClients(db, query),
    splitRecord: (clientKey: string) => splitFromPerson(db, clientKey),
  };
}
export type StoreAccess = ReturnType<typeof storeAccess>;
