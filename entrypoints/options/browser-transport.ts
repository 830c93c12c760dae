import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { checkPack, type PackCheck } from '../../core/pack/check';
import { TipazhDb } from '../../core/store/db';
import { acceptUpdate, installPack, listPacks, movePack, offerUpdate, removePack, setPackEnabled, dismissUpdate } from '../../core/store/packs';
import { Lang } from '../../core/taxonomy';
import { watchTeamSyncOverview } from '../../core/team-sync/overview';
import { retryAccount, setTeamSyncChoice } from '../../core/team-sync/queue';
import { TEAM_SYNC_RUN } from '../../core/messages/team-write';
import { langFromLocale } from '../../components/i18n';
import { PackFetchError, type OptionsTransport } from '../../components/options/transport';
import { loadBundledPack } from '../background/bundled-pack';
import { loadBundledModel } from '../../components/bundled-model';
import type { CheckMessage, CheckRequest } from './check-worker';

const LANG_KEY = 'settings.lang';
const DISMISSED_KEY = 'options.dismissedUpdates';

const hostPattern = (host: string) => `https://${host}/*`;

/** Tells the background that waiting team sync writes may go now (it would otherwise try at the next page or alarm). */
const wakeTeamSync = () => void browser.runtime.sendMessage(TEAM_SYNC_RUN).catch((e: unknown) => console.warn('[Tipazh] team sync', e));

/** Reads a response body's bytes, stopping as soon as it passes `maxBytes` (a hostile URL may serve gigabytes). */
async function readLimited(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (declared > maxBytes) throw new PackFetchError('too-big', `${Math.round(declared / 1000)} KB`);
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new PackFetchError('too-big', `> ${Math.round(maxBytes / 1000)} KB`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}

/** Runs the check in a worker; where workers are missing, on the page after one frame. */
function runInWorker(request: CheckRequest, onProgress: (done: number, total: number) => void, signal: AbortSignal): Promise<PackCheck> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./check-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return loadBundledModel().then((model) => checkPack(model, request.pack, request.examples, onProgress));
  }
  return new Promise<PackCheck>((resolve, reject) => {
    const stop = () => {
      worker.terminate();
      signal.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      stop();
      reject(new Error('cancelled'));
    };
    signal.addEventListener('abort', onAbort);
    worker.onmessage = (e: MessageEvent<CheckMessage>) => {
      const m = e.data;
      if (m.kind === 'progress') return onProgress(m.done, m.total);
      stop();
      if (m.kind === 'done') resolve(m.result);
      else reject(new Error(m.message));
    };
    worker.onerror = (e) => {
      stop();
      reject(new Error(e.message || 'the check worker failed'));
    };
    worker.postMessage(request);
  });
}

/** The real transport: Dexie for packs and team sync (live), browser.* for permissions, storage and language. */
export function createBrowserTransport(): OptionsTransport {
  const db = new TipazhDb();
  return {
    watchPacks(cb, onError) {
      const sub = liveQuery(() => listPacks(db)).subscribe({ next: cb, error: onError });
      return () => sub.unsubscribe();
    },
    loadBuiltin: () => loadBundledPack(),
    install: (pack, source, opts) => installPack(db, pack, source, opts),
    setEnabled: (id, enabled) => setPackEnabled(db, id, enabled),
    move: (id, direction) => movePack(db, id, direction),
    remove: (id) => removePack(db, id),
    offerUpdate: (id, fetched) => offerUpdate(db, id, fetched),
    acceptUpdate: (id) => acceptUpdate(db, id),
    async dismissUpdate(id, version) {
      await dismissUpdate(db, id);
      const all = (await browser.storage.local.get(DISMISSED_KEY))[DISMISSED_KEY] as Record<string, string> | undefined;
      await browser.storage.local.set({ [DISMISSED_KEY]: { ...all, [id]: version } });
    },
    async dismissedUpdates() {
      const all = (await browser.storage.local.get(DISMISSED_KEY))[DISMISSED_KEY];
      return all && typeof all === 'object' ? (all as Record<string, string>) : {};
    },
    hasHostAccess: (host) => browser.permissions.contains({ origins: [hostPattern(host)] }),
    // No await before this call: the browser only shows the prompt during the user's click.
    requestHostAccess: (host) => browser.permissions.request({ origins: [hostPattern(host)] }),
    async fetchBytes(url, { maxBytes, signal }) {
      let res: Response;
      try {
        res = await fetch(url, { signal, credentials: 'omit', cache: 'no-store', redirect: 'follow' });
      } catch (e) {
        if (signal.aborted) throw signal.reason instanceof PackFetchError ? signal.reason : new PackFetchError('aborted');
        throw new PackFetchError('network', e instanceof Error ? e.message : String(e));
      }
      // A redirect may not leave https.
      if (res.url && !res.url.startsWith('https:')) throw new PackFetchError('not-https', res.url);
      if (!res.ok) throw new PackFetchError('http', `${res.status} ${res.statusText}`.trim());
      return readLimited(res, maxBytes);
    },
    download(fileName, text) {
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    runCheck: (pack, examples, onProgress, signal) => runInWorker({ pack, examples }, onProgress, signal),
    watchTeamSync: (cb, onError) => watchTeamSyncOverview(db, cb, onError),
    async setTeamSyncChoice(enabled) {
      await setTeamSyncChoice(db, enabled);
      wakeTeamSync();
    },
    async retryTeamSync(account) {
      await retryAccount(db, account);
      wakeTeamSync();
    },
    async loadLang() {
      const saved = Lang.safeParse((await browser.storage.local.get(LANG_KEY))[LANG_KEY]);
      return saved.success ? saved.data : langFromLocale(browser.i18n.getUILanguage());
    },
    async saveLang(lang) {
      await browser.storage.local.set({ [LANG_KEY]: lang });
    },
    now: () => Date.now(),
  };
}
