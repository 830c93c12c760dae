import type { EffectivePack } from '../../pack/merge';
import type { DossierChange } from '../apply-edit';
import type { NewCorrection } from '../corrections';
import type { CorrectionRecord, VisitVerdict } from '../db';
import type { ClientSummary, DossierView, LockState, Unsubscribe } from '../dossier-view';

/*
 * The dossier store as the side panel sees it. The background serves it over a port (store-server.ts); the
 * panel talks to it through client.ts, so the panel never opens the database itself. Type imports only:
 * this module is part of the panel's bundle.
 */

export interface StoreService {
  /** The client's dossier, live: every write anywhere (another panel, the background) shows at once. */
  watchDossier(clientKey: string, cb: (d: DossierView) => void): Unsubscribe;
  watchLock(cb: (s: LockState) => void): Unsubscribe;
  watchCorrections(cb: (c: CorrectionRecord[]) => void): Unsubscribe;
  /** The effective strategy pack: the built-in one with the enabled installed packs layered over it. */
  watchPack(cb: (p: EffectivePack) => void): Unsubscribe;
  /** Opens the lock for this panel; wrong passphrases are refused. Any VIP note still in plain text is sealed. */
  unlockNotes(passphrase: string): Promise<void>;
  setUpNotesLock(passphrase: string): Promise<void>;
  lockNotes(): Promise<void>;
  /** Deletes every trace of the person; with `neverAgain`, their records and email go on the never-record list. */
  forget(clientKey: string, neverAgain: boolean): Promise<void>;
  addNote(clientKey: string, text: string): Promise<void>;
  addCorrection(c: NewCorrection, who: string): Promise<void>;
  undoCorrection(id: string, who: string): Promise<void>;
  edit(change: DossierChange, who: string): Promise<void>;
  searchClients(query: string): Promise<ClientSummary[]>;
  /** Gets searching ready (the background builds its in-memory index when it has none); resolves when it is. */
  prepareSearch(): Promise<void>;
  /** Keeps what the panel showed for a visit in the dossier's history (see recordVerdict in dossiers.ts). */
  recordVerdict(clientKey: string, visitId: string, verdict: VisitVerdict): Promise<void>;
  splitRecord(clientKey: string): Promise<void>;
  /** Team sync refused writes for this client's helpdesk account (no rights): try that account again. */
  retryTeamSync(clientKey: string): Promise<void>;
}

export type StoreMethod = keyof StoreService;
export type WatchMethod = Extract<StoreMethod, `watch${string}`>;
export type CallMethod = Exclude<StoreMethod, WatchMethod>;

/** The port between a panel and the background, whatever carries it (runtime port, or memory in tests). */
export interface WirePort {
  post(message: unknown): void;
  onMessage(cb: (message: unknown) => void): void;
  onDisconnect(cb: () => void): void;
  disconnect(): void;
}

/** Panel → background. */
export type StoreRequest =
  | { t: 'call'; id: number; method: CallMethod; args: unknown[] }
  | { t: 'watch'; id: number; method: WatchMethod; args: unknown[] }
  | { t: 'unwatch'; id: number }
  | { t: 'ping' };

/** An error as it crosses the port: its name survives, so storage errors are still told apart. */
export interface WireError {
  name: string;
  message: string;
}

/** Background → panel: a call's answer, or a watched value. */
export type StoreReply =
  | { t: 'done'; id: number; value?: unknown }
  | { t: 'failed'; id: number; error: WireError }
  | { t: 'value'; id: number; value: unknown };

export const STORE_PORT = 'tipazh-store';

export function toWireError(e: unknown): WireError {
  const inner = (e as { inner?: { name?: unknown } } | undefined)?.inner?.name;
  const name =
    typeof inner === 'string' ? inner : e instanceof Error || typeof (e as { name?: unknown })?.name === 'string' ? String((e as Error).name) : 'Error';
  return { name, message: e instanceof Error ? e.message : String(e) };
}

export function fromWireError(w: WireError): Error {
  const e = new Error(w.message);
  e.name = w.name;
  return e;
}

/** The shape of a browser runtime port, described here so that core/ needs no browser types. */
export interface RuntimePortLike {
  postMessage(message: unknown): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
  disconnect(): void;
}

export const wirePort = (port: RuntimePortLike): WirePort => ({
  post: (m) => port.postMessage(m),
  onMessage: (cb) => port.onMessage.addListener((m) => cb(m)),
  onDisconnect: (cb) => port.onDisconnect.addListener(() => cb()),
  disconnect: () => port.disconnect(),
});
