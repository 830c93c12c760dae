import { computed, effect, signal } from '@preact/signals';
import type { TabState } from '../../core/protocol';
import { lang } from '../i18n';
import type { DossierView, PanelTransport } from './transport';

/** The panel's state as signals, fed by a transport. `dispose()` stops every subscription. */
export function createPanelModel(transport: PanelTransport) {
  const loaded = signal(false);
  const tab = signal<TabState | null>(null);
  const dossier = signal<DossierView>({ notes: [] });
  const clientKey = computed(() => (tab.value?.state === 'client' ? tab.value.clientKey : undefined));

  const stopTab = transport.watchTab((s) => {
    tab.value = s;
    loaded.value = true;
  });
  const stopDossier = effect(() => {
    const key = clientKey.value;
    if (!key) {
      dossier.value = { notes: [] };
      return;
    }
    return transport.watchDossier(key, (d) => (dossier.value = d));
  });
  void transport.loadLang().then((l) => (lang.value = l));

  return {
    loaded,
    tab,
    dossier,
    clientKey,
    async addNote(text: string) {
      const key = clientKey.value;
      if (key) await transport.addNote(key, text);
    },
    async setLang(l: typeof lang.value) {
      lang.value = l;
      await transport.saveLang(l);
    },
    dispose() {
      stopTab();
      stopDossier();
    },
  };
}
export type PanelModel = ReturnType<typeof createPanelModel>;
