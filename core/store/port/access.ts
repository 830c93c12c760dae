import { liveQuery } from 'dexie';
import type { DossierView, Unsubscribe } from '../dossier-view';
import { applyEdit, type DossierChange } from '../apply-edit';
import { activeCorrections, addCorrection, undoCorrection } from '../corrections';
import type { ClientRecord, TipazhDb } from '../db';
import type { StrategyPack } from '../../pack/schema';
import type { StoreService } from './service';
import { addNote, recordVerdict } from '../dossiers';
import { currentPack, effectiveOf, listPacks } from '../packs';
import { personView, splitFromPerson } from '../persons';
import { searchClients } from '../search';
import type { LiveSearchIndex } from '../live-search-index';
import { unlock } from '../../crypto/lock';
import { forgetPerson } from '../forget';
import { addToNeverRecord } from '../never-record';
import { addSealedNote, getLock, openNotes, sealAllVipNotes, sealClientNotes, setUpLock, updateSealedNote, type IsVip } from '../sealed-notes';
import { vipFactsOf, vipOf } from '../../vip';
import { getTeamSyncChoice } from '../../team-sync/queue';

/** What the store tells team sync (core/team-sync/runner.ts): a client's confirmed verdicts changed; an account may be tried again. */
export interface TeamSyncHooks {
  changed(key: string, who: string): Promise<void>;
  retry(account: string): Promise<void>;
}
/** Dossier changes that can change what team sync writes: the confirmed type, the VIP mark and what makes one. */
const TEAM_CHANGES = new Set<DossierChange['kind']>(['type-confirm', 'vip', 'tag-add', 'tag-remove', 'service-level']);

function watch<T>(query: () => Promise<T>, cb: (v: T) => void, what: string): Unsubscribe {
  const sub = liveQuery(query).subscribe({ next: cb, error: (e: unknown) => console.warn(`[Tipazh] ${what}`, e) });
  return () => sub.unsubscribe();
}

/**
 * What the side panel reads and writes in the dossier database, live: every write anywhere (another panel,
 * the background) shows at once. The background serves one per connected panel (store-server.ts), so the
 * notes key lives and dies with that panel's connection. `search`, shared by all panels, is the in-memory
 * search index.
 */
export function storeAccess(db: TipazhDb, builtinPack: () => Promise<StrategyPack>, search: LiveSearchIndex, team?: TeamSyncHooks): StoreService {
  /** Team sync queues what the agent's change asks it to write (nothing when it is off). */
  const teamChanged = (key: string, who: string) => team?.changed(key, who).catch((e: unknown) => console.warn('[Tipazh] team sync', e));
  /** The notes key, in memory only, while the agent has the lock open in this panel. */
  let key: CryptoKey | undefined;
  const lockChanged = new Set<() => void>();
  const notifyLock = () => lockChanged.forEach((f) => f());
  /** Who is VIP now (the lock seals their notes): `vipOf` with the effective pack, as the panel shows it. */
  const vipTest = async (): Promise<IsVip> => {
    const pack = await currentPack(db, builtinPack);
    return (c: ClientRecord) => !!vipOf(vipFactsOf(c), pack);
  };
  return {
    watchDossier(clientKey, cb) {
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
          const [teamSync, teamChoice] = await Promise.all([db.teamSync.get(clientKey), getTeamSyncChoice(db)]);
          return {
            revenueRank,
            teamSync,
            teamChoice,
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
    watchLock(cb) {
      let enabled = false;
      const send = () => cb({ enabled, unlocked: !!key });
      const stop = watch(
        () => getLock(db),
        (lock) => ((enabled = !!lock), send()),
        'lock',
      );
      lockChanged.add(send);
      return () => {
        stop();
        lockChanged.delete(send);
      };
    },
    async unlockNotes(passphrase) {
      const lock = await getLock(db);
      if (!lock) throw new Error('no lock is set up');
      const k = await unlock(lock, passphrase);
      if (!k) throw new Error('wrong passphrase');
      key = k;
      // Open at once; the sweep for notes left in plain text (a client made VIP while locked) follows.
      notifyLock();
      await sealAllVipNotes(db, k, await vipTest());
    },
    async setUpNotesLock(passphrase) {
      key = await setUpLock(db, passphrase, undefined, await vipTest());
      notifyLock();
    },
    async lockNotes() {
      key = undefined;
      notifyLock();
    },
    async forget(clientKey, neverAgain) {
      const client = await db.clients.get(clientKey);
      const keys = await forgetPerson(db, clientKey);
      if (neverAgain) for (const k of keys) await addToNeverRecord(db, k, k === clientKey ? client?.email : undefined);
    },
    watchCorrections: (cb) => watch(() => activeCorrections(db), cb, 'corrections'),
    watchPack(cb) {
      // The built-in pack is read once, outside liveQuery (which may only await the database).
      let stop: Unsubscribe | undefined;
      let live = true;
      builtinPack()
        .then((builtin) => {
          if (live)
            stop = watch(
              () => listPacks(db),
              (installed) => cb(effectiveOf(builtin, installed)),
              'packs',
            );
        })
        .catch((e: unknown) => console.error('[Tipazh] the built-in pack', e));
      return () => {
        live = false;
        stop?.();
      };
    },
    async addNote(clientKey, text) {
      const client = await db.clients.get(clientKey);
      if ((await getLock(db)) && client && (await vipTest())(client)) {
        if (!key) throw new Error('unlock the notes first: this VIP client’s notes are encrypted');
        await addSealedNote(db, key, clientKey, text);
      } else await addNote(db, clientKey, text);
    },
    async addCorrection(c, who) {
      await addCorrection(db, c, Date.now(), who);
      await teamChanged(c.clientKey, who);
    },
    async undoCorrection(id, who) {
      const key = (await db.corrections.get(id))?.clientKey;
      await undoCorrection(db, id, Date.now(), who);
      if (key) await teamChanged(key, who);
    },
    async retryTeamSync(clientKey) {
      const record = await db.teamSync.get(clientKey);
      if (record) await team?.retry(record.account);
    },
    async edit(change, who) {
      if (change.kind === 'note-text' && (await db.clients.get(change.key))?.notes.find((n) => n.id === change.id)?.sealed) {
        if (!key) throw new Error('unlock the notes first');
        return updateSealedNote(db, key, change.key, change.id, change.text, who, change.since);
      }
      await applyEdit(db, change, who);
      if (TEAM_CHANGES.has(change.kind)) await teamChanged(change.key, who);
      // A client who became VIP by this edit (the mark, a tag, Lion King) has their notes sealed while the lock is open.
      if (key && (change.kind === 'vip' || change.kind === 'tag-add' || change.kind === 'service-level')) {
        const client = await db.clients.get(change.key);
        if (client && (await vipTest())(client)) await sealClientNotes(db, key, change.key);
      }
    },
    searchClients: async (query) => searchClients(await search.get(), query),
    prepareSearch: async () => void (await search.get()),
    splitRecord: (clientKey) => splitFromPerson(db, clientKey),
    recordVerdict: (clientKey, visitId, verdict) => recordVerdict(db, clientKey, visitId, verdict),
  };
}
