import { batch, computed, signal } from '@preact/signals';
import { diffPacks, type PackChange } from '../../core/pack/diff';
import { formatPack } from '../../core/pack/format';
import { MAX_PACK_BYTES, packTooLarge, type PackRefusal } from '../../core/pack/parse';
import type { LocText, StrategyPack } from '../../core/pack/schema';
import type { InstalledPack } from '../../core/store/db';
import type { Issue } from '../../core/schema/issue-text';
import { effectiveOf, PERSONAL_PACK_ID } from '../../core/store/packs';
import { lang, type MessageKey } from './i18n';
import { awaitAccess, type AccessOutcome } from './await-access';
import type { Check } from './check';
import type { Editor } from './editor';
import { editorOpeners } from './editor-openers';
import { readPack } from './pack-guard';
import { PackFetchError, type OptionsTransport, type PackSource } from './transport';

/** A button a notice offers (e.g. "Open in the editor to fix"). */
export interface NoticeAction {
  key: MessageKey;
  testId: string;
  run(): void;
}

/**
 * A message for the user, kept as a key so it follows a language switch; `detail` is shown as is (e.g. an HTTP
 * status), `issues` (a refused pack's problems at their JSON paths) in the UI language.
 */
export interface Notice {
  tone: 'ok' | 'error' | 'info';
  key: MessageKey;
  /** Pack names stay `{en, ru}` so the message follows a language switch. */
  vars?: Record<string, string | number | LocText>;
  detail?: string;
  issues?: readonly Issue[];
  action?: NoticeAction;
}

/** Work in progress that the page shows with a progress indicator; some of it can be cancelled. */
export interface Busy {
  key: MessageKey;
  vars?: Notice['vars'];
  cancel?: () => void;
}

/** An import of a pack whose id is installed already: waits for "replace version X with Y?". */
export interface ReplaceOffer {
  pack: StrategyPack;
  source: PackSource;
  existing: InstalledPack;
  changes: PackChange[];
}

export type UpdateStatus =
  | { kind: 'checking' }
  | { kind: 'same' }
  | { kind: 'older' }
  | { kind: 'error'; key: MessageKey; vars?: Record<string, string | number>; detail?: string; issues?: readonly Issue[] };

export type View = { kind: 'list' } | { kind: 'editor'; editor: Editor } | { kind: 'check'; check: Check; back: View };

export interface OptionsModelOptions {
  /** How long to wait for an answer to the browser's permission prompt (headless Chromium never answers). */
  permissionTimeoutMs?: number;
  fetchTimeoutMs?: number;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

const hostOf = (url: string) => new URL(url).hostname;
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The options page's state as signals, fed by a transport. `dispose()` stops every subscription and timer. */
export function createOptionsModel(transport: OptionsTransport, opts: OptionsModelOptions = {}) {
  const permissionTimeoutMs = opts.permissionTimeoutMs ?? 20_000;
  const fetchTimeoutMs = opts.fetchTimeoutMs ?? 30_000;
  const life = new AbortController();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const later = (fn: () => void, ms: number) => {
    const id = setTimeout(() => (timers.delete(id), fn()), ms);
    timers.add(id);
    return () => (clearTimeout(id), timers.delete(id));
  };

  const loadError = signal<string | null>(null);
  const builtin = signal<StrategyPack | null>(null);
  /** Installed packs, bottom layer first. */
  const packs = signal<InstalledPack[]>([]);
  const busy = signal<Busy | null>(null);
  const notice = signal<Notice | null>(null);
  const replaceOffer = signal<ReplaceOffer | null>(null);
  const updates = signal<Record<string, UpdateStatus>>({});
  const view = signal<View>({ kind: 'list' });
  /** Hosts we know the extension may read, so a click does not ask the browser again. */
  const access = new Map<string, boolean>();

  const effective = computed(() => (builtin.value ? effectiveOf(builtin.value, packs.value) : null));
  const say = (tone: Notice['tone'], key: MessageKey, vars?: Notice['vars'], detail?: string) => void (notice.value = { tone, key, vars, detail });
  /**
   * A pack file refused: its problems in the UI language; one whose JSON parsed as an object can be opened in the
   * editor to fix; one that is not JSON cannot, and the notice says where it breaks.
   */
  const refuse = (r: PackRefusal, source: PackSource) => {
    const draft = r.draft;
    const notJson = r.issues.some((i) => i.params?.issue === 'json' || i.params?.issue === 'json-engine');
    notice.value = {
      tone: 'error',
      key: notJson ? 'options.import.notJson' : draft ? 'options.import.fixable' : 'options.import.invalid',
      issues: r.issues,
      action: draft ? { key: 'options.import.openToFix', testId: 'notice-fix', run: () => openers.fixRefused(draft, source) } : undefined,
    };
  };
  const setUpdate = (id: string, s: UpdateStatus | undefined) => {
    const next = { ...updates.value };
    if (s) next[id] = s;
    else delete next[id];
    updates.value = next;
  };
  const nameOf = (p: { name: LocText; id: string }): LocText => (p.name.en || p.name.ru ? p.name : { en: p.id });

  // --- loading -------------------------------------------------------------------------------------
  const packsSeen = signal(false);
  const loaded = computed(() => builtin.value !== null && packsSeen.value);
  let autoChecked = false;
  const start = () => {
    if (autoChecked || !loaded.value) return;
    autoChecked = true;
    void autoCheck();
  };
  const stop = transport.watchPacks(
    (list) => {
      batch(() => {
        packs.value = list;
        packsSeen.value = true;
      });
      // "Check for update" then knows at the click whether it must ask the browser for access.
      for (const p of list) if (p.source.kind === 'url') primeAccess(p.source.url);
      start();
    },
    (e) => (loadError.value = errorText(e)),
  );
  transport
    .loadBuiltin()
    .then((p) => {
      builtin.value = p;
      start();
    })
    .catch((e: unknown) => (loadError.value = errorText(e)));
  void transport.loadLang().then(
    (l) => (lang.value = l),
    () => {},
  ); // the browser language stays

  // --- host access ---------------------------------------------------------------------------------
  /** Looks up (ahead of a click) whether the extension may read a host, so the click can skip the prompt. */
  function primeAccess(url: string) {
    let host: string;
    try {
      const u = new URL(url);
      if (u.protocol !== 'https:') return;
      host = u.hostname;
    } catch {
      return;
    }
    if (access.get(host)) return;
    void transport.hasHostAccess(host).then(
      (ok) => access.set(host, ok),
      () => {},
    );
  }

  /**
   * Access to `host`, asked for at this moment. Call synchronously from a click handler: the browser
   * accepts the request only during a user gesture. Never hangs: a prompt with no answer times out.
   */
  function ensureAccess(host: string): Promise<AccessOutcome> {
    if (access.get(host)) return Promise.resolve('granted');
    // Cancelled by the agent, or when the page goes away (which also clears the timer).
    const ask = new AbortController();
    const onLifeEnd = () => ask.abort();
    life.signal.addEventListener('abort', onLifeEnd);
    const outcome = awaitAccess(() => transport.requestHostAccess(host).then((ok) => (access.set(host, ok), ok)), permissionTimeoutMs, ask.signal);
    busy.value = { key: 'options.busy.permission', vars: { host }, cancel: () => ask.abort() };
    return outcome.finally(() => life.signal.removeEventListener('abort', onLifeEnd));
  }

  const ACCESS_MESSAGES = {
    denied: 'options.access.denied',
    timeout: 'options.access.timeout',
    cancelled: 'options.access.cancelled',
    error: 'options.access.error',
  } as const satisfies Record<string, MessageKey>;

  // --- fetching ------------------------------------------------------------------------------------
  async function fetchPackBytes(url: string, cancelKey: MessageKey, vars: Busy['vars'], quiet = false): Promise<Uint8Array> {
    const ctl = new AbortController();
    const stopTimer = later(() => ctl.abort(new PackFetchError('timeout')), fetchTimeoutMs);
    const onLifeAbort = () => ctl.abort();
    life.signal.addEventListener('abort', onLifeAbort);
    if (!quiet) busy.value = { key: cancelKey, vars, cancel: () => ctl.abort(new PackFetchError('aborted')) };
    try {
      return await transport.fetchBytes(url, { maxBytes: MAX_PACK_BYTES, signal: ctl.signal });
    } catch (e) {
      if (ctl.signal.aborted && ctl.signal.reason instanceof PackFetchError) throw ctl.signal.reason;
      throw e instanceof PackFetchError ? e : new PackFetchError('network', errorText(e));
    } finally {
      stopTimer();
      life.signal.removeEventListener('abort', onLifeAbort);
    }
  }

  const FETCH_MESSAGES = {
    http: 'options.fetch.http',
    'too-big': 'options.fetch.tooBig',
    network: 'options.fetch.network',
    'not-https': 'options.fetch.notHttps',
    timeout: 'options.fetch.timeout',
    aborted: 'options.fetch.aborted',
  } as const satisfies Record<PackFetchError['reason'], MessageKey>;

  // --- import --------------------------------------------------------------------------------------
  /** Validates and installs a pack file's bytes; an installed id waits for "replace?". Nothing is written on error. */
  async function installBytes(bytes: Uint8Array, source: PackSource) {
    const base = builtin.value;
    if (!base) return;
    busy.value = { key: 'options.busy.installing' };
    const r = readPack(bytes, base.id);
    if (!r.ok) return refuse(r, source);
    const pack = r.pack;
    const src: PackSource = pack.id === PERSONAL_PACK_ID ? { kind: 'personal' } : source;
    const outcome = await transport.install(pack, src);
    if (outcome.status === 'exists') {
      replaceOffer.value = { pack, source: src, existing: outcome.existing, changes: diffPacks(outcome.existing.pack, pack) };
      return say('info', 'options.import.confirmReplace', { name: nameOf(pack), from: outcome.existing.pack.version, to: pack.version });
    }
    if (src.kind === 'url') await transport.offerUpdate(pack.id, pack).catch(() => {});
    say('ok', 'options.import.installed', { name: nameOf(pack), version: pack.version });
  }

  async function guarded(work: () => Promise<void>) {
    try {
      await work();
    } catch (e) {
      if (e instanceof PackFetchError) say('error', FETCH_MESSAGES[e.reason], { detail: e.detail }, e.detail || undefined);
      else say('error', 'options.import.failed', {}, errorText(e));
    } finally {
      busy.value = null;
    }
  }

  function importFile(file: File): Promise<void> {
    if (busy.value) return Promise.resolve();
    replaceOffer.value = null;
    notice.value = null;
    return guarded(async () => {
      busy.value = { key: 'options.busy.reading', vars: { name: file.name } };
      // Checked before the file is read: a huge file is never loaded.
      if (file.size > MAX_PACK_BYTES) return void (notice.value = { tone: 'error', key: 'options.import.invalid', issues: [packTooLarge(file.size)] });
      await installBytes(new Uint8Array(await file.arrayBuffer()), { kind: 'file', name: file.name });
    });
  }

  /** Imports a pack from an https URL. Call synchronously from the click handler (see `ensureAccess`). */
  function importUrl(raw: string): Promise<void> {
    if (busy.value) return Promise.resolve();
    replaceOffer.value = null;
    notice.value = null;
    let url: URL;
    try {
      url = new URL(raw.trim());
    } catch {
      say('error', 'options.url.invalid');
      return Promise.resolve();
    }
    if (url.protocol !== 'https:') {
      say('error', 'options.url.notHttps');
      return Promise.resolve();
    }
    const href = url.href;
    busy.value = { key: 'options.busy.fetching', vars: { url: href } };
    const granted = ensureAccess(url.hostname);
    return guarded(async () => {
      const a = await granted;
      if (a !== 'granted') return say('error', ACCESS_MESSAGES[a], { host: url.hostname, seconds: Math.round(permissionTimeoutMs / 1000) });
      await installBytes(await fetchPackBytes(href, 'options.busy.fetching', { url: href }), { kind: 'url', url: href });
    });
  }

  async function acceptReplace() {
    const offer = replaceOffer.value;
    if (!offer || busy.value) return;
    await guarded(async () => {
      busy.value = { key: 'options.busy.installing' };
      await transport.install(offer.pack, offer.source, { replace: true });
      if (offer.source.kind === 'url') await transport.offerUpdate(offer.pack.id, offer.pack).catch(() => {});
      replaceOffer.value = null;
      say('ok', 'options.import.replaced', { name: nameOf(offer.pack), from: offer.existing.pack.version, to: offer.pack.version });
    });
  }

  function cancelReplace() {
    const offer = replaceOffer.value;
    replaceOffer.value = null;
    if (offer) say('info', 'options.import.kept', { name: nameOf(offer.existing.pack), version: offer.existing.pack.version });
  }

  // --- updates of URL packs ------------------------------------------------------------------------
  async function fetchUpdate(rec: InstalledPack, quiet: boolean, dismissed: Record<string, string> = {}) {
    if (rec.source.kind !== 'url') return;
    const base = builtin.value!;
    setUpdate(rec.id, { kind: 'checking' });
    try {
      const r = readPack(await fetchPackBytes(rec.source.url, 'options.busy.checking', { name: nameOf(rec.pack) }, quiet), base.id);
      if (!r.ok) return setUpdate(rec.id, { kind: 'error', key: 'options.update.invalid', issues: r.issues });
      if (r.pack.id !== rec.id) return setUpdate(rec.id, { kind: 'error', key: 'options.update.otherPack', vars: { id: r.pack.id } });
      const result = await transport.offerUpdate(rec.id, r.pack);
      // The daily check does not bring back a version the user dismissed; "Check for update" does.
      if (result === 'newer' && dismissed[rec.id] === r.pack.version) await transport.dismissUpdate(rec.id, r.pack.version);
      setUpdate(rec.id, result === 'newer' ? undefined : { kind: result });
    } catch (e) {
      if (e instanceof PackFetchError)
        setUpdate(rec.id, { kind: 'error', key: FETCH_MESSAGES[e.reason], vars: { detail: e.detail }, detail: e.detail || undefined });
      else setUpdate(rec.id, { kind: 'error', key: 'options.update.failed', detail: errorText(e) });
    }
  }

  /** "Check for update" on a URL pack. Call synchronously from the click handler. */
  function checkUpdate(id: string): Promise<void> {
    const rec = packs.value.find((p) => p.id === id);
    if (!rec || rec.source.kind !== 'url' || busy.value) return Promise.resolve();
    const host = hostOf(rec.source.url);
    const granted = ensureAccess(host);
    return (async () => {
      try {
        const a = await granted;
        if (a !== 'granted') return setUpdate(id, { kind: 'error', key: ACCESS_MESSAGES[a], vars: { host, seconds: Math.round(permissionTimeoutMs / 1000) } });
        await fetchUpdate(rec, false);
      } finally {
        busy.value = null;
      }
    })();
  }

  /** When the page opens: URL packs not checked for a day are checked, quietly, where access was granted. */
  async function autoCheck() {
    const now = transport.now();
    const due = packs.value.filter((p) => p.source.kind === 'url' && !p.pending && (p.lastCheckedAt === undefined || now - p.lastCheckedAt >= DAY_MS));
    if (!due.length) return;
    const dismissed = await transport.dismissedUpdates().catch(() => ({}));
    for (const rec of due) {
      if (life.signal.aborted || rec.source.kind !== 'url') return;
      const host = hostOf(rec.source.url);
      if (!(await transport.hasHostAccess(host).catch(() => false))) continue;
      access.set(host, true);
      await fetchUpdate(rec, true, dismissed);
    }
  }

  async function acceptUpdate(id: string) {
    const rec = packs.value.find((p) => p.id === id);
    if (!rec?.pending) return;
    await transport.acceptUpdate(id);
    setUpdate(id, undefined);
    say('ok', 'options.update.applied', { name: nameOf(rec.pending), version: rec.pending.version });
  }

  async function dismissUpdate(id: string) {
    const rec = packs.value.find((p) => p.id === id);
    if (!rec?.pending) return;
    await transport.dismissUpdate(id, rec.pending.version);
    setUpdate(id, undefined);
    say('info', 'options.update.dismissed', { name: nameOf(rec.pack), version: rec.pending.version });
  }

  // --- list actions --------------------------------------------------------------------------------
  const act = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (e) {
      say('error', 'options.action.failed', {}, errorText(e));
    }
  };

  function exportPack(id: string) {
    const pack = id === builtin.value?.id ? builtin.value : packs.value.find((p) => p.id === id)?.pack;
    if (!pack) return;
    try {
      transport.download(`${pack.id}-${pack.version}.json`, formatPack(pack));
    } catch (e) {
      say('error', 'options.action.failed', {}, errorText(e));
    }
  }

  /** The layered result, as one pack: what the panel uses right now. */
  function exportEffective() {
    const eff = effective.value;
    if (!eff) return;
    const names = eff.layers.map((id) => eff.names[id]);
    const pack: StrategyPack = {
      ...eff.pack,
      id: 'effective',
      name: {
        en: `Effective pack: ${names.map((n) => n?.en ?? n?.ru).join(' + ')}`.slice(0, 2000),
        ru: `Итоговый пакет: ${names.map((n) => n?.ru ?? n?.en).join(' + ')}`.slice(0, 2000),
      },
    };
    try {
      const day = new Date(transport.now()).toISOString().slice(0, 10);
      transport.download(`tipazh-effective-${day}.json`, formatPack(pack));
    } catch (e) {
      say('error', 'options.action.failed', {}, errorText(e));
    }
  }

  // --- editor and check ---------------------------------------------------------------------------
  const openers = editorOpeners({ builtin, packs, view, notice, transport });

  return {
    loaded,
    loadError,
    builtin,
    packs,
    effective,
    busy,
    notice,
    replaceOffer,
    updates,
    view,
    primeAccess,
    importFile,
    importUrl,
    acceptReplace,
    cancelReplace,
    checkUpdate,
    autoCheck,
    acceptUpdate,
    dismissUpdate,
    exportPack,
    exportEffective,
    setEnabled: (id: string, enabled: boolean) => act(() => transport.setEnabled(id, enabled)),
    move: (id: string, direction: 1 | -1) => act(() => transport.move(id, direction)),
    async remove(id: string) {
      const rec = packs.value.find((p) => p.id === id);
      await act(() => transport.remove(id));
      if (rec) say('ok', 'options.list.removed', { name: nameOf(rec.pack) });
    },
    ...openers,
    back() {
      const v = view.value;
      view.value = v.kind === 'check' ? v.back : { kind: 'list' };
    },
    dismissNotice: () => void (notice.value = null),
    async setLang(l: typeof lang.value) {
      lang.value = l;
      await transport.saveLang(l);
    },
    dispose() {
      life.abort();
      for (const id of timers) clearTimeout(id);
      timers.clear();
      stop();
      if (view.value.kind === 'check') view.value.check.cancel();
    },
  };
}
export type OptionsModel = ReturnType<typeof createOptionsModel>;
