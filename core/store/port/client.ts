import type { Unsubscribe } from '../dossier-view';
import { fromWireError, type CallMethod, type StoreReply, type StoreRequest, type StoreService, type WatchMethod, type WirePort } from './service';

export interface StoreClientOptions {
  /** Pings the background this often while connected (a Chrome service worker sleeps after 30 s of silence). */
  keepAliveMs?: number;
  /** Waits this long before reconnecting after the background went away. */
  retryMs?: number;
}

export const BACKGROUND_GONE = 'Tipazh’s background stopped before answering. Check the dossier and try again.';

type Watch = { method: WatchMethod; args: unknown[]; cb: (value: never) => void };

/**
 * The panel's side of the store port. Calls become requests; watches stay subscribed across a background
 * restart (they are sent again on the new port, and the values simply keep coming).
 */
export function storeClient(connect: () => WirePort, opts: StoreClientOptions = {}): StoreService & { close(): void } {
  const { keepAliveMs = 20_000, retryMs = 100 } = opts;
  let nextId = 1;
  let port: WirePort | undefined;
  let closed = false;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const watches = new Map<number, Watch>();

  const onReply = (message: unknown) => {
    const r = message as StoreReply;
    if (typeof r !== 'object' || r === null || typeof r.id !== 'number') return;
    if (r.t === 'value') return void watches.get(r.id)?.cb(r.value as never);
    const p = pending.get(r.id);
    pending.delete(r.id);
    if (r.t === 'done') p?.resolve(r.value);
    else if (r.t === 'failed' && typeof r.error?.message === 'string') {
      const error = fromWireError(r.error);
      if (p) p.reject(error);
      else console.warn('[Tipazh] a dossier subscription was refused', error);
    }
  };

  const portNow = (): WirePort => {
    if (closed) throw new Error('the panel is closed');
    if (port) return port;
    const p = connect();
    port = p;
    p.onMessage(onReply);
    p.onDisconnect(() => {
      if (port !== p) return;
      port = undefined;
      for (const q of pending.values()) q.reject(new Error(BACKGROUND_GONE));
      pending.clear();
      if (!closed && watches.size) setTimeout(resubscribe, retryMs);
    });
    return p;
  };
  const send = (request: StoreRequest) => portNow().post(request);
  function resubscribe() {
    if (closed || port) return;
    try {
      for (const [id, w] of watches) send({ t: 'watch', id, method: w.method, args: w.args });
    } catch (e) {
      console.warn('[Tipazh] could not reach the background', e);
    }
  }
  const keepAlive = setInterval(() => port?.post({ t: 'ping' } satisfies StoreRequest), keepAliveMs);

  function watch<M extends WatchMethod>(method: M, args: unknown[], cb: Watch['cb']): Unsubscribe {
    const id = nextId++;
    watches.set(id, { method, args, cb });
    try {
      send({ t: 'watch', id, method, args });
    } catch (e) {
      console.warn('[Tipazh] could not reach the background', e);
    }
    return () => {
      watches.delete(id);
      if (port && !closed) port.post({ t: 'unwatch', id } satisfies StoreRequest);
    };
  }
  function call<M extends CallMethod>(method: M, ...args: Parameters<StoreService[M]>): ReturnType<StoreService[M]> {
    return new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      try {
        send({ t: 'call', id, method, args });
      } catch (e) {
        pending.delete(id);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    }) as ReturnType<StoreService[M]>;
  }

  return {
    watchDossier: (clientKey, cb) => watch('watchDossier', [clientKey], cb),
    watchLock: (cb) => watch('watchLock', [], cb),
    watchCorrections: (cb) => watch('watchCorrections', [], cb),
    watchPack: (cb) => watch('watchPack', [], cb),
    unlockNotes: (passphrase) => call('unlockNotes', passphrase),
    setUpNotesLock: (passphrase) => call('setUpNotesLock', passphrase),
    lockNotes: () => call('lockNotes'),
    forget: (clientKey, neverAgain) => call('forget', clientKey, neverAgain),
    addNote: (clientKey, text) => call('addNote', clientKey, text),
    addCorrection: (c, who) => call('addCorrection', c, who),
    undoCorrection: (id, who) => call('undoCorrection', id, who),
    edit: (change, who) => call('edit', change, who),
    searchClients: (query) => call('searchClients', query),
    prepareSearch: () => call('prepareSearch'),
    splitRecord: (clientKey) => call('splitRecord', clientKey),
    recordVerdict: (clientKey, visitId, verdict) => call('recordVerdict', clientKey, visitId, verdict),
    retryTeamSync: (clientKey) => call('retryTeamSync', clientKey),
    close() {
      closed = true;
      clearInterval(keepAlive);
      watches.clear();
      port?.disconnect();
      port = undefined;
    },
  };
}
