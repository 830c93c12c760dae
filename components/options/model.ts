import { batch, computed, signal } from '@preact/signals';
import { editorOpeners } from './editor-openers';
import { hostAccess } from './host-access';
import { lang } from './i18n';
import { errorText, lifetime } from './lifetime';
import { nameOf, optionsState } from './options-state';
import { packExport } from './pack-export';
import { packFetcher } from './pack-fetch';
import { packImport } from './pack-import';
import { packUpdates } from './pack-updates';
import type { OptionsTransport } from './transport';

export type { Busy, Notice, NoticeAction, ReplaceOffer, UpdateStatus, View } from './options-state';
export { DAY_MS } from './pack-updates';

export interface OptionsModelOptions {
  /** How long to wait for an answer to the browser's permission prompt (headless Chromium never answers). */
  permissionTimeoutMs?: number;
  fetchTimeoutMs?: number;
}

/**
 * The options page's state as signals, fed by a transport, composed of small parts: the shared state
 * (options-state), host access, pack downloads, imports, URL updates, exports and the editor's openers.
 * Everything they hold while the page lives (timers, listeners, the packs' subscription) ends with `dispose()`.
 */
export function createOptionsModel(transport: OptionsTransport, opts: OptionsModelOptions = {}) {
  const life = lifetime();
  const s = optionsState();
  const access = hostAccess(transport, life, s.busy, opts.permissionTimeoutMs ?? 20_000);
  const fetchPackBytes = packFetcher(transport, life, s.busy, opts.fetchTimeoutMs ?? 30_000);
  const openers = editorOpeners({ builtin: s.builtin, packs: s.packs, view: s.view, notice: s.notice, transport });
  const imports = packImport(s, transport, access, fetchPackBytes, (draft, source) => openers.fixRefused(draft, source));
  const updates = packUpdates(s, transport, access, fetchPackBytes, life);

  // --- loading: the built-in pack and the installed ones; then, once, the daily update check ----------
  const packsSeen = signal(false);
  const loaded = computed(() => s.builtin.value !== null && packsSeen.value);
  let autoChecked = false;
  const start = () => {
    if (autoChecked || !loaded.value) return;
    autoChecked = true;
    void updates.autoCheck();
  };
  life.onEnd(
    transport.watchPacks(
      (list) => {
        batch(() => {
          s.packs.value = list;
          packsSeen.value = true;
        });
        // "Check for update" then knows at the click whether it must ask the browser for access.
        for (const p of list) if (p.source.kind === 'url') access.prime(p.source.url);
        start();
      },
      (e) => (s.loadError.value = errorText(e)),
    ),
  );
  transport
    .loadBuiltin()
    .then((p) => {
      s.builtin.value = p;
      start();
    })
    .catch((e: unknown) => (s.loadError.value = errorText(e)));
  void transport.loadLang().then(
    (l) => (lang.value = l),
    () => {},
  ); // the browser language stays
  life.onEnd(() => {
    if (s.view.value.kind === 'check') s.view.value.check.cancel();
  });

  // --- list actions -------------------------------------------------------------------------------
  const act = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (e) {
      s.say('error', 'options.action.failed', {}, errorText(e));
    }
  };

  return {
    loaded,
    loadError: s.loadError,
    builtin: s.builtin,
    packs: s.packs,
    effective: s.effective,
    busy: s.busy,
    notice: s.notice,
    replaceOffer: s.replaceOffer,
    updates: s.updates,
    view: s.view,
    primeAccess: access.prime,
    ...imports,
    ...updates,
    ...packExport(s, transport),
    setEnabled: (id: string, enabled: boolean) => act(() => transport.setEnabled(id, enabled)),
    move: (id: string, direction: 1 | -1) => act(() => transport.move(id, direction)),
    async remove(id: string) {
      const rec = s.packs.value.find((p) => p.id === id);
      await act(() => transport.remove(id));
      if (rec) s.say('ok', 'options.list.removed', { name: nameOf(rec.pack) });
    },
    ...openers,
    back() {
      const v = s.view.value;
      s.view.value = v.kind === 'check' ? v.back : { kind: 'list' };
    },
    dismissNotice: () => void (s.notice.value = null),
    async setLang(l: typeof lang.value) {
      lang.value = l;
      await transport.saveLang(l);
    },
    dispose: () => life.end(),
  };
}
export type OptionsModel = ReturnType<typeof createOptionsModel>;
