import { computed, effect, signal } from '@preact/signals';
import { analyze } from '../../core/analysis';
import { inputFromSnapshot } from '../../core/classifier/input';
import { buildLearned, clientStems } from '../../core/classifier/learner';
import type { EffectivePack } from '../../core/pack/merge';
import type { TabState } from '../../core/protocol';
import type { CorrectionRecord } from '../../core/store/db';
import type { ClientTypeId } from '../../core/taxonomy';
import { lang } from '../i18n';
import type { DossierView, PanelTransport } from './transport';

/** The panel's state as signals, fed by a transport. `dispose()` stops every subscription. */
export function createPanelModel(transport: PanelTransport, now: () => number = Date.now) {
  const loaded = signal(false);
  const tab = signal<TabState | null>(null);
  const dossier = signal<DossierView>({ linked: [], notes: [] });
  const corrections = signal<CorrectionRecord[]>([]);
  const effective = signal<EffectivePack | null>(null);
  const pack = computed(() => effective.value?.pack ?? null);
  const clientKey = computed(() => (tab.value?.state === 'client' ? tab.value.clientKey : undefined));
  const snapshot = computed(() => (tab.value?.state === 'client' ? tab.value.snapshot : undefined));
  const learned = computed(() => buildLearned(corrections.value));
  const analysis = computed(() => {
    const s = snapshot.value;
    const p = pack.value;
    if (!s || !p) return undefined;
    // The same person's override from another helpdesk counts when this record has none.
    const d = dossier.value;
    const inherited = d.linked.map((r) => r.typeOverride).filter((o) => !!o).sort((a, b) => b!.at - a!.at)[0];
    const client = d.client && !d.client.typeOverride && inherited ? { ...d.client, typeOverride: inherited } : d.client;
    return analyze(s, client, p, learned.value, now());
  });

  const stops = [
    transport.watchTab((s) => {
      tab.value = s;
      loaded.value = true;
    }),
    transport.watchCorrections((c) => (corrections.value = c)),
    transport.watchPack((p) => (effective.value = p)),
    effect(() => {
      const key = clientKey.value;
      if (!key) {
        dossier.value = { linked: [], notes: [] };
        return;
      }
      return transport.watchDossier(key, (d) => (dossier.value = d));
    }),
  ];
  void transport.loadLang().then((l) => (lang.value = l));

  return {
    loaded,
    tab,
    dossier,
    effective,
    pack,
    clientKey,
    snapshot,
    analysis,
    async addNote(text: string) {
      const key = clientKey.value;
      if (key) await transport.addNote(key, text);
    },
    /** The agent sets the client's type: shown at once, learned by the local model. */
    async overrideType(to: ClientTypeId, reason?: string) {
      const key = clientKey.value;
      const s = snapshot.value;
      const a = analysis.value;
      if (!key || !s || !a) return;
      await transport.addCorrection({ clientKey: key, from: a.shownType, to, reason, stems: clientStems(inputFromSnapshot(s)) });
    },
    splitRecord: (key: string) => transport.splitRecord(key),
    async undoOverride() {
      const id = analysis.value?.overridden?.correctionId;
      if (id) await transport.undoCorrection(id);
    },
    copy: (text: string) => transport.copyText(text),
    /** Inserts a phrase into the reply box; where there is none, copies it instead. */
    async insertPhrase(text: string): Promise<'inserted' | 'copied' | 'failed'> {
      const r = await transport.insertText(text);
      if (r.ok) return 'inserted';
      try {
        await transport.copyText(text);
        return 'copied';
      } catch {
        return 'failed';
      }
    },
    async setLang(l: typeof lang.value) {
      lang.value = l;
      await transport.saveLang(l);
    },
    dispose() {
      for (const stop of stops) stop();
    },
  };
}
export type PanelModel = ReturnType<typeof createPanelModel>;
