import { computed, effect, signal } from '@preact/signals';
import { analyze, verdictOf } from '../../core/analysis';
import { inputFromSnapshot } from '../../core/classifier/input';
import { classify } from '../../core/classifier/classify';
import { clientStems, type LearnedModel } from '../../core/classifier/learner';
import { caseInput } from '../../core/eval/case-input';
import type { TypeModel } from '../../core/classifier/type-model';
import { checkDraft } from '../../core/draft-check';
import type { EffectivePack } from '../../core/pack/merge';
import type { TabState } from '../../core/messages/page-report';
import type { DossierChange } from '../../core/store/apply-edit';
import type { CorrectionRecord } from '../../core/store/db';
import { EMPTY_DOSSIER, sameVerdict, visitIdOf, type ClientSummary, type DossierView, type LockState } from '../../core/store/dossier-view';
import type { Lang, SourceId, TypeVerdict } from '../../core/taxonomy';
import { replyLanguage } from '../../core/reply-language';
import { packForHelpdesk } from '../../core/helpdesk-words';
import { vipFactsOf, vipOf } from '../../core/vip';
import { helpdesk as helpdeskWords, lang } from '../i18n';
import type { PanelTransport } from './transport';
import { helpdeskName } from './vip-words';

/** What the panel shows: the followed tab's client, the client list, or a dossier opened from the list. */
export type PanelView = { kind: 'tab' } | { kind: 'clients' } | { kind: 'dossier'; key: string };

/** The panel's state as signals, fed by a transport. `dispose()` stops every subscription. */
export function createPanelModel(transport: PanelTransport, now: () => number = Date.now) {
  const loaded = signal(false);
  const view = signal<PanelView>({ kind: 'tab' });
  const tab = signal<TabState | null>(null);
  const dossier = signal<DossierView>(EMPTY_DOSSIER);
  const corrections = signal<CorrectionRecord[]>([]);
  const effective = signal<EffectivePack | null>(null);
  const draft = signal('');
  const searchQuery = signal('');
  const searchResults = signal<ClientSummary[]>([]);
  /** A search is on its way (the first one waits while the background builds its index). */
  const searching = signal(false);
  const lock = signal<LockState>({ enabled: false, unlocked: false });
  const snapshot = computed(() => (view.value.kind === 'tab' && tab.value?.state === 'client' ? tab.value.snapshot : undefined));
  /** The helpdesk in front of the agent: the tab's client's (or its page's), or that of the dossier opened from the list. */
  const helpdesk = computed<SourceId | undefined>(() =>
    view.value.kind === 'tab' ? (snapshot.value?.source ?? tab.value?.source) : dossier.value.client?.source,
  );
  /** The helpdesk's name as the agent knows it (Kommo on kommo.com). */
  const helpdeskLabel = computed(() => (helpdesk.value ? helpdeskName(helpdesk.value, view.value.kind === 'tab' ? tab.value?.url : undefined) : undefined));
  /** The effective pack as the panel shows it: its texts say "ticket" or "lead" as the helpdesk does (helpdesk-words.ts). */
  const pack = computed(() => (effective.value ? packForHelpdesk(effective.value.pack, helpdesk.value) : null));
  /** The dossier in view: the tab's client, or the one opened from the list. */
  const clientKey = computed(() => {
    const v = view.value;
    if (v.kind === 'dossier') return v.key;
    return v.kind === 'tab' && tab.value?.state === 'client' ? tab.value.clientKey : undefined;
  });
  const typeModel = signal<TypeModel | null>(null);
  /** The model could not be read (a broken install): the panel says so instead of waiting forever. */
  const modelError = signal<string | null>(null);
  /** The team packs' labelled examples as the local model learns them (the shipped model's scores computed once per pack). */
  const packExamples = computed(() => {
    const m = typeModel.value;
    const e = effective.value;
    if (!m || !e) return [];
    return e.examples.map((x) => {
      const input = caseInput(x);
      return { to: x.label!, stems: clientStems(input), scores: classify(input, { model: m, pack: e.pack }).modelLogits };
    });
  });
  /**
   * What the team's examples and this agent's corrections taught, rebuilt from them (so an undo is exact), off
   * the main thread; until the first answer, the shipped model alone.
   */
  const learned = signal<LearnedModel | undefined>(undefined);
  let learnSeq = 0;
  const analysis = computed(() => {
    const s = snapshot.value;
    const p = pack.value;
    const m = typeModel.value;
    if (!s || !p || !m) return undefined;
    // The same person's override from another helpdesk counts when this record has none.
    const d = dossier.value;
    const inherited = d.linked
      .map((r) => r.typeOverride)
      .filter((o) => !!o)
      .sort((a, b) => b!.at - a!.at)[0];
    const client = d.client && !d.client.typeOverride && inherited ? { ...d.client, typeOverride: inherited } : d.client;
    return analyze(s, client, { model: m, pack: p, learned: learned.value }, now(), d.revenueRank);
  });
  /** Why the client in view is VIP, or null: one state (`vipOf`) for the star, its words and the notes lock. */
  const vip = computed(() => {
    const a = analysis.value;
    if (a) return a.vip;
    const c = dossier.value.client;
    return c ? vipOf(vipFactsOf(c), effective.value?.pack) : null;
  });
  /** The language to reply in: the agent's choice for this client, else the client's own, else the panel's. */
  const replyLang = computed(() => {
    const s = snapshot.value;
    return s ? replyLanguage(inputFromSnapshot(s), dossier.value.client?.replyLang, lang.value) : { lang: lang.value, source: 'ui' as const };
  });
  const draftWarnings = computed(() => {
    const a = analysis.value;
    const p = pack.value;
    return a && p ? checkDraft(draft.value, a.shownType, p) : [];
  });
  /** Who makes a change, for the audit trail: the agent's name when the helpdesk gave it. */
  const who = () => snapshot.value?.agent?.name ?? 'you';

  let searchSeq = 0;
  let draftFor: string | undefined;
  const stops = [
    transport.watchTab((s) => {
      tab.value = s;
      loaded.value = true;
    }),
    transport.watchCorrections((c) => (corrections.value = c)),
    effect(() => {
      const examples = [...packExamples.value, ...corrections.value.map((c) => ({ to: c.to, stems: c.stems, scores: c.scores }))];
      const my = ++learnSeq;
      transport.learn(examples).then(
        (m) => my === learnSeq && (learned.value = m),
        (e: unknown) => console.warn('[Tipazh] local learning', e),
      );
    }),
    transport.watchLock((l) => (lock.value = l)),
    // UI strings follow the helpdesk too ("lead" on amoCRM): t() reads it.
    effect(() => void (helpdeskWords.value = helpdesk.value)),
    transport.watchPack((p) => (effective.value = p)),
    // A draft belongs to the client it was written for: when the tab moves on to another client, checking it
    // against the new client's type would be wrong. A reload of the same client, or a look at the client list, keeps it.
    effect(() => {
      const key = tab.value?.state === 'client' ? tab.value.clientKey : undefined;
      if (!key || key === draftFor) return;
      if (draftFor !== undefined) draft.value = '';
      draftFor = key;
    }),
    // The dossier's history is what the agent was told: what the panel shows for the tab's client goes into
    // today's visit (once the background has recorded the visit, and again if the answer changes).
    effect(() => {
      const a = analysis.value;
      const t = tab.value;
      if (!a || t?.state !== 'client' || !t.snapshot) return;
      const id = visitIdOf(t.snapshot, t.updatedAt);
      const visit = dossier.value.visits.find((v) => v.id === id);
      const verdict = verdictOf(a);
      if (visit && !sameVerdict(visit, verdict))
        transport.recordVerdict(visit.clientKey, id, verdict).catch((e: unknown) => console.warn('[Tipazh] visit history', e));
    }),
    effect(() => {
      const key = clientKey.value;
      if (!key) {
        dossier.value = EMPTY_DOSSIER;
        return;
      }
      return transport.watchDossier(key, (d) => (dossier.value = d));
    }),
  ];
  void transport.loadLang().then((l) => (lang.value = l));
  transport.loadTypeModel().then(
    (m) => (typeModel.value = m),
    (e: unknown) => {
      console.warn('[Tipazh] type model', e);
      modelError.value = e instanceof Error ? e.message : String(e);
    },
  );

  return {
    loaded,
    view,
    tab,
    dossier,
    effective,
    pack,
    clientKey,
    snapshot,
    helpdesk,
    helpdeskName: helpdeskLabel,
    analysis,
    vip,
    modelError,
    draft,
    draftWarnings,
    searchQuery,
    searchResults,
    searching,
    async addNote(text: string) {
      const key = clientKey.value;
      if (key) await transport.addNote(key, text);
    },
    edit: (change: DossierChange) => transport.edit(change, who()),
    replyLang,
    /** Replies to this client in `l` from now on; undefined follows the conversation again. */
    async setReplyLang(l: Lang | undefined) {
      const key = clientKey.value;
      if (key) await transport.edit({ kind: 'reply-lang', key, lang: l }, who());
    },
    /** The agent sets the client's type: shown at once, learned by the local model. */
    async overrideType(to: TypeVerdict, reason?: string) {
      const key = clientKey.value;
      const s = snapshot.value;
      const a = analysis.value;
      if (!key || !s || !a) return;
      const scores = a.classification.modelLogits;
      await transport.addCorrection({ clientKey: key, from: a.shownType, to, reason, stems: clientStems(inputFromSnapshot(s)), scores }, who());
    },
    splitRecord: (key: string) => transport.splitRecord(key),
    lock,
    unlockNotes: (passphrase: string) => transport.unlockNotes(passphrase),
    setUpNotesLock: (passphrase: string) => transport.setUpNotesLock(passphrase),
    lockNotes: () => transport.lockNotes(),
    /** What the agent typed and has not saved, per client and input. */
    drafts: transport.drafts,
    /** Deletes every trace of the client in view (their unsaved text too; optionally never to record them again) and goes back. */
    async forget(neverAgain: boolean) {
      const key = clientKey.value;
      if (!key) return;
      const keys = [key, ...dossier.value.linked.map((r) => r.key)];
      await transport.forget(key, neverAgain);
      await transport.drafts.forget(keys);
      view.value = view.value.kind === 'dossier' ? { kind: 'clients' } : view.value;
    },
    /** The agent confirms the type shown is right (undefined: takes that back); team sync writes only what is confirmed. */
    async confirmType(type: TypeVerdict | undefined) {
      const key = clientKey.value;
      if (key) await transport.edit({ kind: 'type-confirm', key, type }, who());
    },
    /** Tries again a helpdesk account that refused team sync's writes (an admin changed its settings). */
    async retryTeamSync() {
      const key = clientKey.value;
      if (key) await transport.retryTeamSync(key);
    },
    async undoOverride() {
      const id = analysis.value?.overridden?.correctionId;
      if (id) await transport.undoCorrection(id, who());
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
    /** Puts what the agent has written in the helpdesk's reply box into the draft check; false when there is none. */
    async readReplyIntoDraft(): Promise<'read' | 'empty' | 'none'> {
      const r = await transport.readReply();
      if (!r.ok) return 'none';
      if (!r.text.trim()) return 'empty';
      draft.value = r.text;
      return 'read';
    },
    /** Searches dossiers as the agent types; a slower older answer never replaces a newer one. */
    async search(query: string) {
      searchQuery.value = query;
      const my = ++searchSeq;
      searching.value = true;
      try {
        const results = await transport.searchClients(query);
        if (my === searchSeq) searchResults.value = results;
      } finally {
        if (my === searchSeq) searching.value = false;
      }
    },
    show(next: PanelView) {
      view.value = next;
      if (next.kind !== 'clients') return;
      // The background builds its search index now, while the agent starts typing.
      transport.prepareSearch().catch((e: unknown) => console.warn('[Tipazh] could not prepare the search', e));
      void this.search(searchQuery.value);
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
