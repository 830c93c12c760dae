// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lang } from '../../../components/i18n';
import { createPanelModel } from '../../../components/panel/model';
import { PanelApp } from '../../../components/panel/PanelApp';
import type { TabState } from '../../../core/messages/page-report';
import type { ClientSnapshotInput } from '../../../core/schema/snapshot';
import { visitIdOf } from '../../../core/store/dossier-view';
import { recordVisit } from '../../../core/store/dossiers';
import { fakeTransport } from '../../doubles/fake-transport';
import { memoryArea } from '../../doubles/memory-area';
import { makeSnapshot, storedNotes, storedVisit, storedVisits } from '../helpers';
import { readDefaultPack } from '../../../core/pack/node-default';

afterEach(() => {
  cleanup();
  lang.value = 'en';
});

const KEY = 'zendesk:acme:7';
const extortion = makeSnapshot({
  client: { externalId: '7', name: '<img src=x onerror=alert(1)> Виктория', email: 'v@example.ru', organization: 'ООО Ветер' },
  conversation: [
    { author: 'client', text: 'У меня 120 тысяч подписчиков. Жду компенсацию и скидку 50%, иначе напишу пост про ваш сервис.', public: true },
    { author: 'agent', text: 'Проверяем ваш заказ.', public: true },
  ],
  agent: { name: 'Анна Смирнова' },
});
const clientTab = (snapshot = extortion): TabState => ({
  tabId: 1,
  state: 'client',
  url: 'https://acme.zendesk.com/agent/tickets/1',
  clientKey: KEY,
  snapshot,
  updatedAt: 1,
});

async function mount(opts: Parameters<typeof fakeTransport>[0] = { tab: clientTab() }) {
  const fake = fakeTransport(opts);
  const model = createPanelModel(fake.transport);
  render(<PanelApp model={model} />);
  await fake.ready;
  if (opts.tab?.state === 'client') await screen.findByTestId('client-type');
  return { ...fake, model };
}

describe('PanelApp: the tab view', () => {
  it('shows "no client" when the tab has none', async () => {
    await mount({ tab: null });
    expect((await screen.findByTestId('no-client')).textContent).toMatch(/No client on this tab/);
  });

  it('shows the client, type with quoted evidence, top boundary, advice and phrases; page text stays text', async () => {
    await mount();
    expect(screen.getByTestId('client-name').textContent).toBe('<img src=x onerror=alert(1)> Виктория');
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByTestId('client-type').dataset.type).toBe('extortionist');
    // Calibrated, in words and rounded: never 100 %.
    expect(screen.getByTestId('type-confidence').textContent).toMatch(/^(Very likely|Likely|Possibly|Unsure) · (\d+|>99)%$/);
    expect(screen.getByTestId('type-confidence').textContent).not.toMatch(/100/);
    expect(screen.getByTestId('top-boundary').textContent?.length).toBeGreaterThan(10);
    const marks = [...screen.getByTestId('type-evidence').querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks.some((m) => /компенсац|подписчик|скидк/i.test(m ?? ''))).toBe(true);
    expect(screen.getByTestId('strategy').children.length).toBeGreaterThan(2);
    // The boundaries card gives the others: the top one is on the type card, and is not repeated.
    const listed = [...screen.getByTestId('boundaries').children].map((li) => li.textContent);
    expect(listed.length).toBeGreaterThan(1);
    expect(listed.some((b) => screen.getByTestId('top-boundary').textContent!.includes(b!))).toBe(false);
    expect(screen.getByTestId('boundaries-top-note').textContent).toMatch(/at the top/);
    const phrases = screen.getAllByTestId('phrase');
    expect(phrases.length).toBeGreaterThanOrEqual(6);
    expect(phrases.filter((p) => !p.hidden)).toHaveLength(3);
    expect(screen.getByTestId('service-level').dataset.level).toBe('passer-by');
    await waitFor(() => expect(screen.getByTestId('visit-count').textContent).toBe('1'));
  });

  it('inserts a phrase by click and by keys 1–9, and copies on request', async () => {
    const { state } = await mount();
    fireEvent.click(screen.getAllByTestId('phrase-insert')[0]!);
    await waitFor(() => expect(state.inserted).toHaveLength(1));
    expect(state.inserted[0]).not.toMatch(/\{\{/);
    expect(screen.getByTestId('phrase-status').textContent).toMatch(/Inserted/);
    // Key 5 names a phrase that is hidden: nothing happens until the list is opened.
    fireEvent.keyDown(window, { key: '5' });
    fireEvent.keyDown(window, { key: '2' });
    await waitFor(() => expect(state.inserted).toHaveLength(2));
    expect(state.inserted[1]).toBe(screen.getAllByTestId('phrase')[1]!.querySelector('.phrase__text')!.textContent);
    fireEvent.click(screen.getByTestId('phrases-more'));
    fireEvent.keyDown(window, { key: '5' });
    await waitFor(() => expect(state.inserted).toHaveLength(3));
    expect(state.inserted[2]).toBe(screen.getAllByTestId('phrase')[4]!.querySelector('.phrase__text')!.textContent);
    expect(screen.getByTestId('phrase-status').closest('[hidden]')).toBeNull();
    fireEvent.click(screen.getAllByTestId('phrase-copy')[0]!);
    await waitFor(() => expect(state.copied).toHaveLength(1));
  });

  it("offers phrases in the client's language, whatever the panel's, with a per-client switch that is kept", async () => {
    const { db, state } = await mount();
    // An English panel, a Russian client: Russian phrases, and the card says why.
    expect(screen.getByTestId('reply-lang').dataset.lang).toBe('ru');
    expect(screen.getByTestId('reply-lang').dataset.source).toBe('conversation');
    expect(screen.getByTestId('reply-lang').textContent).toMatch(/In Russian \(as the client writes\)/);
    expect(screen.getAllByTestId('phrase')[0]!.textContent).toMatch(/[а-яё]/i);
    fireEvent.click(screen.getByTestId('reply-lang-switch'));
    await waitFor(() => expect(screen.getByTestId('reply-lang').dataset.lang).toBe('en'));
    expect(screen.getByTestId('reply-lang').dataset.source).toBe('agent');
    expect((await db.clients.get(KEY))?.replyLang).toBe('en');
    fireEvent.keyDown(window, { key: '1' });
    await waitFor(() => expect(state.inserted).toHaveLength(1));
    expect(state.inserted[0]).toMatch(/^Hello .*[a-z]{3}/);
    // The panel in Russian does not change the reply language; "follow the conversation" does.
    lang.value = 'ru';
    await waitFor(() => expect(screen.getByTestId('reply-lang').dataset.lang).toBe('en'));
    fireEvent.click(screen.getByTestId('reply-lang-auto'));
    await waitFor(() => expect(screen.getByTestId('reply-lang').dataset.lang).toBe('ru'));
    expect((await db.clients.get(KEY))?.replyLang).toBeUndefined();
  });

  it('gives an unclear client no dead ends: phrases, boundaries and steps for any client, and what to look for', async () => {
    const plain = makeSnapshot({
      client: { externalId: '8', name: 'Daniel Brooks', email: 'd@example.com' },
      conversation: [{ author: 'client', text: 'How do I reset my password?', public: true }],
    });
    await mount({ tab: { ...clientTab(plain), clientKey: 'zendesk:acme:8' } });
    expect(screen.getByTestId('client-type').dataset.type).toBe('unknown');
    expect(screen.getByTestId('type-confidence').textContent).toBe('Too little to tell');
    const phrases = screen.getAllByTestId('phrase');
    expect(phrases.length).toBeGreaterThanOrEqual(4);
    expect(phrases[0]!.textContent).toMatch(/^1Daniel, thank you for writing/);
    expect(screen.getByTestId('boundaries').children.length).toBeGreaterThanOrEqual(2);
    expect(screen.getByTestId('strategy').children.length).toBeGreaterThanOrEqual(2);
    expect(screen.getByTestId('company-advice').textContent!.length).toBeGreaterThan(20);
    expect(screen.getByTestId('look-for').querySelectorAll('dt')).toHaveLength(7);
  });

  it('tells the agent to personalise phrases for a VIP (Lion King) client', async () => {
    const { model } = await mount();
    expect(screen.queryByTestId('phrases-personal')).toBeNull();
    await model.edit({ kind: 'vip', key: KEY, vip: true });
    await waitFor(() => expect(screen.getByTestId('service-level').dataset.level).toBe('lion-king'));
    expect(screen.getByTestId('phrases-personal').textContent).toMatch(/starting point/);
  });

  it('copies instead, and says so, when the page has no reply box', async () => {
    const { state } = await mount({ tab: clientTab(), composer: false });
    fireEvent.keyDown(window, { key: '1' });
    await waitFor(() => expect(state.copied).toHaveLength(1));
    expect(screen.getByTestId('phrase-status').textContent).toMatch(/No reply box/);
  });

  it('lets the agent override the type with a reason, and undo', async () => {
    const { db } = await mount();
    fireEvent.change(screen.getByTestId('override-type'), { target: { value: 'tester' } });
    fireEvent.input(screen.getByTestId('override-reason'), { target: { value: 'gave a detailed report' } });
    fireEvent.click(screen.getByTestId('override-save'));
    await waitFor(() => expect(screen.getByTestId('client-type').dataset.type).toBe('tester'));
    const [c] = await db.corrections.toArray();
    expect(c).toMatchObject({ from: 'extortionist', to: 'tester', reason: 'gave a detailed report' });
    expect(c!.stems.length).toBeGreaterThan(3);
    expect(screen.getByTestId('type-confidence').textContent).toBe('Set by you');
    // Undo is on the type card itself, with what the model says.
    expect(screen.getByTestId('type-undo').parentElement!.textContent).toMatch(/The model says: \S+ \((\d+|>99|<1)%\) Undo/);
    fireEvent.click(screen.getByTestId('type-undo'));
    await waitFor(() => expect(screen.getByTestId('client-type').dataset.type).toBe('extortionist'));
  });

  it('lets the agent say "not enough to tell", which the local model learns', async () => {
    const { db } = await mount();
    fireEvent.change(screen.getByTestId('override-type'), { target: { value: 'unknown' } });
    fireEvent.click(screen.getByTestId('override-save'));
    await waitFor(() => expect(screen.getByTestId('client-type').dataset.type).toBe('unknown'));
    const [c] = await db.corrections.toArray();
    expect(c).toMatchObject({ from: 'extortionist', to: 'unknown' });
    expect(c!.scores).toHaveLength(8);
    // What the model learned: its own answer for this client now leans to "not enough to tell".
    await waitFor(() => expect(screen.getByTestId('type-evidence').querySelector('[data-kind="learned"]')).not.toBeNull());
  });

  it('learns from a team pack’s labelled examples as from corrections', async () => {
    const team = {
      ...readDefaultPack(),
      id: 'team',
      name: { en: 'Team' },
      version: '1.0.0',
      examples: [
        {
          id: 'ex-1',
          label: 'tester' as const,
          messages: extortion.conversation.filter((m) => m.author === 'client').map((m) => ({ author: 'client' as const, text: m.text })),
        },
      ],
    };
    await mount({ tab: clientTab(), packs: [team] });
    await waitFor(() => expect(screen.getByTestId('client-type').dataset.type).toBe('tester'));
    expect(screen.getByTestId('type-evidence').querySelector('[data-kind="learned"]')).not.toBeNull();
  });

  it('keeps what it showed in today’s visit, and the agent’s override once it is made', async () => {
    const now = Date.now();
    const { db, model } = await mount({ tab: { ...clientTab(), updatedAt: now } });
    const visitId = visitIdOf(extortion, now);
    await waitFor(async () => expect(await storedVisit(db, visitId)).toMatchObject({ type: 'extortionist', stage: model.analysis.value!.lifecycle.stage }));
    expect((await storedVisit(db, visitId))!.confidence).toBeCloseTo(model.analysis.value!.classification.confidence, 6);
    await model.overrideType('tester', 'gave a detailed report');
    await waitFor(async () => expect(await storedVisit(db, visitId)).toMatchObject({ type: 'tester', confidence: 1 }));
    expect(await storedVisits(db)).toHaveLength(1);
  });

  it('overrides the service level with a reason, shown in the audit trail with who and old → new', async () => {
    await mount();
    fireEvent.change(await screen.findByTestId('level-override'), { target: { value: 'boss' } });
    fireEvent.input(screen.getByTestId('level-reason'), { target: { value: 'yearly contract' } });
    fireEvent.click(screen.getByTestId('level-save'));
    await waitFor(() => expect(screen.getByTestId('service-level').dataset.level).toBe('boss'));
    const entry = await screen.findByTestId('audit-entry');
    expect(entry.dataset.field).toBe('serviceLevel');
    expect(entry.textContent).toMatch(/Анна Смирнова/);
    // Names, not ids: the field and the level as the agent knows them.
    expect(entry.textContent).toMatch(/Service level: ∅ → Boss \(yearly contract\)/);
  });

  it('checks a draft: flags a conflicting reply and passes a good one', async () => {
    await mount();
    fireEvent.input(screen.getByTestId('draft-input'), { target: { value: 'Виктория, дарим вам скидку 30% на следующий заказ!' } });
    const warnings = await screen.findByTestId('draft-warnings');
    expect(warnings.querySelector('li')?.dataset.rule).toBe('perk-too-big');
    fireEvent.input(screen.getByTestId('draft-input'), { target: { value: 'Виктория, заказ приедет завтра до 14:00.' } });
    expect((await screen.findByTestId('draft-ok')).textContent).toMatch(/Nothing in this reply/);
  });

  it('speaks Russian when asked', async () => {
    await mount({ tab: clientTab(), lang: 'ru' });
    await waitFor(() => expect(screen.getByTestId('type-confidence').textContent).toMatch(/^(Почти наверняка|Вероятно|Возможно|Не уверен) · (\d+|>99)%$/));
    expect(screen.getByTestId('client-type').textContent).toBe('Вымогатель');
  });
});

describe('PanelApp: the dossier', () => {
  it('adds, edits, pins and deletes notes', async () => {
    const { db } = await mount();
    const add = async (text: string) => {
      fireEvent.input(screen.getByTestId('note-input'), { target: { value: text } });
      fireEvent.click(screen.getByTestId('note-add'));
      await waitFor(() => expect(screen.getAllByTestId('note').some((n) => n.textContent?.includes(text))).toBe(true));
    };
    await add('likes first names');
    await add('email only after 18:00');
    const noteWith = (text: string) => screen.getAllByTestId('note').find((n) => n.textContent?.includes(text))!;
    fireEvent.click(within(noteWith('likes first names')).getByTestId('note-pin'));
    await waitFor(() => expect(screen.getAllByTestId('note')[0]!.dataset.pinned).toBe('true'));
    fireEvent.click(within(noteWith('18:00')).getByTestId('note-edit'));
    fireEvent.input(screen.getByTestId('note-edit-input'), { target: { value: 'email only after 19:00' } });
    fireEvent.click(screen.getByTestId('note-save'));
    await waitFor(() => expect(noteWith('19:00')).toBeTruthy());
    fireEvent.click(within(noteWith('likes first names')).getByTestId('note-delete'));
    await waitFor(() => expect(screen.getAllByTestId('note')).toHaveLength(1));
    expect((await storedNotes(db)).map((n) => n.text)).toEqual(['email only after 19:00']);
  });

  it('two panels tagging one client at once keep every tag: each sends the tag it adds, not its list', async () => {
    const first = fakeTransport({ tab: clientTab() });
    const second = fakeTransport({ tab: clientTab(), db: first.db });
    const panels = [first, second].map((f) => render(<PanelApp model={createPanelModel(f.transport)} />).container as HTMLElement);
    await Promise.all([first.ready, second.ready]);
    const inputs = await Promise.all(panels.map((c) => within(c).findByTestId('tag-input')));
    const tagsOf = (p: number) => Array.from({ length: 80 }, (_, i) => `panel${p}-tag${i}`);
    // Neither panel waits for its own or the other's tags to show before adding the next.
    for (let i = 0; i < 80; i++) {
      inputs.forEach((input, p) => {
        fireEvent.input(input, { target: { value: tagsOf(p)[i] } });
        fireEvent.submit(input.closest('form')!);
      });
    }
    const all = [...tagsOf(0), ...tagsOf(1)].sort();
    await waitFor(async () => expect((await first.db.clients.get(KEY))?.tags.slice().sort()).toEqual(all), { timeout: 20_000 });
    // Each panel's dossier view catches up once the writes stop (slow on fake IndexedDB: every write wakes both views).
    for (const c of panels) await waitFor(() => expect(within(c).getByTestId('tags').querySelectorAll('li')).toHaveLength(160), { timeout: 30_000 });
    // Each panel removes its first ten at once, as the other still shows them.
    panels.forEach((c, p) =>
      tagsOf(p)
        .slice(0, 10)
        .forEach((tag) => fireEvent.click(within(c).getByRole('button', { name: `Remove tag ${tag}` }))),
    );
    await waitFor(async () => expect((await first.db.clients.get(KEY))?.tags).toHaveLength(140), { timeout: 20_000 });
    expect((await first.db.clients.get(KEY))?.tags.some((t) => /tag[0-9]$/.test(t))).toBe(false);
    first.close();
    second.close();
  }, 90_000);

  it('keeps profile edits and marks prefilled fields', async () => {
    const { db } = await mount({
      tab: clientTab(makeSnapshot({ ...(extortion as ClientSnapshotInput), ticket: { id: '1', subject: 's', channel: 'email' } })),
    });
    await waitFor(() => expect(screen.getByTestId('prefilled-channels')).toBeTruthy());
    const region = screen.getByTestId('profile-region') as HTMLInputElement;
    fireEvent.input(region, { target: { value: 'Москва' } });
    fireEvent.blur(region);
    await waitFor(async () => expect((await db.clients.get(KEY))?.profile.region).toBe('Москва'));
  });

  it('a profile field another panel changed while this one was typing is not overwritten unseen: the text stays, saving again replaces it', async () => {
    const first = fakeTransport({ tab: clientTab() });
    const second = fakeTransport({ tab: clientTab(), db: first.db });
    const panelOf = (f: typeof first) => render(<PanelApp model={createPanelModel(f.transport)} />).container as HTMLElement;
    const a = panelOf(first);
    const b = panelOf(second);
    await Promise.all([first.ready, second.ready]);
    const regionIn = async (c: HTMLElement) => (await within(c).findByTestId('profile-region')) as HTMLInputElement;
    fireEvent.input(await regionIn(b), { target: { value: 'Казань' } });
    fireEvent.input(await regionIn(a), { target: { value: 'Москва' } });
    fireEvent.keyDown(await regionIn(a), { key: 'Enter' });
    await waitFor(async () => expect((await first.db.clients.get(KEY))?.profile.region).toBe('Москва'));
    fireEvent.keyDown(await regionIn(b), { key: 'Enter' });
    await waitFor(() => expect(within(b).getByRole('alert').textContent).toMatch(/Changed meanwhile, in another panel or tab, to “Москва”/));
    expect((await regionIn(b)).value).toBe('Казань');
    expect((await first.db.clients.get(KEY))?.profile.region).toBe('Москва');
    fireEvent.keyDown(await regionIn(b), { key: 'Enter' });
    await waitFor(async () => expect((await first.db.clients.get(KEY))?.profile.region).toBe('Казань'));
    await waitFor(() => expect(within(b).queryByRole('alert')).toBeNull());
    // The other way round, Esc keeps the other panel's value and drops this one's text.
    for (const c of [a, b]) await waitFor(async () => expect((await regionIn(c)).value).toBe('Казань'));
    fireEvent.input(await regionIn(a), { target: { value: 'Самара' } });
    fireEvent.input(await regionIn(b), { target: { value: 'Уфа' } });
    fireEvent.keyDown(await regionIn(b), { key: 'Enter' });
    await waitFor(async () => expect((await first.db.clients.get(KEY))?.profile.region).toBe('Уфа'));
    fireEvent.keyDown(await regionIn(a), { key: 'Enter' });
    await waitFor(() => expect(within(a).getByRole('alert').textContent).toMatch(/“Уфа”/));
    fireEvent.keyDown(await regionIn(a), { key: 'Escape' });
    await waitFor(async () => expect((await regionIn(a)).value).toBe('Уфа'));
    expect(within(a).queryByRole('alert')).toBeNull();
    first.close();
    second.close();
  });

  it('keeps unsaved note and tag text per client across a panel reload and a client switch, until saved or cleared', async () => {
    const area = memoryArea();
    const other = makeSnapshot({ client: { externalId: '8', name: 'Megan Price', email: 'm@example.com' } });
    const otherTab: TabState = { ...clientTab(other), clientKey: 'zendesk:acme:8' };
    const noteIn = () => screen.getByTestId('note-input') as HTMLTextAreaElement;
    const tagIn = () => screen.getByTestId('tag-input') as HTMLInputElement;
    const open = async (tab: TabState) => {
      cleanup();
      const f = await mount({ tab, drafts: area });
      await screen.findByTestId('tag-input');
      return f;
    };
    await open(clientTab());
    fireEvent.input(noteIn(), { target: { value: 'Asked for a callback on Monday' } });
    fireEvent.input(tagIn(), { target: { value: 'wholesa' } });
    await waitFor(() => expect(area.items.size).toBe(2));

    // Another client: nothing of the first one's shows, and what is typed there is kept for that client.
    await open(otherTab);
    expect([noteIn().value, tagIn().value]).toEqual(['', '']);
    fireEvent.input(noteIn(), { target: { value: 'Megan: refund pending' } });
    // Back, as after a reload: the first client's text is there.
    await open(clientTab());
    await waitFor(() => expect([noteIn().value, tagIn().value]).toEqual(['Asked for a callback on Monday', 'wholesa']));

    // Saved: the draft goes. Cleared: it goes too. The other client's stays.
    fireEvent.click(screen.getByTestId('note-add'));
    await screen.findByText('Asked for a callback on Monday');
    await waitFor(() => expect(noteIn().value).toBe(''));
    fireEvent.input(tagIn(), { target: { value: '' } });
    await waitFor(() => expect([...area.items.keys()]).toEqual(['draft:note:zendesk:acme:8']));
    await open(clientTab());
    expect([noteIn().value, tagIn().value]).toEqual(['', '']);
    await open(otherTab);
    await waitFor(() => expect(noteIn().value).toBe('Megan: refund pending'));
  });

  it('draws one history point per visit', async () => {
    const { db } = await mount();
    await recordVisit(db, makeSnapshot({ ...(extortion as ClientSnapshotInput), ticket: { id: '2', subject: 'another' } }));
    await db.clients.toCollection().modify((c) => void (c.visits = c.visits.map((v) => ({ ...v, type: 'extortionist', stage: 'regular' }))));
    await waitFor(() => expect(screen.getAllByTestId('history-point')).toHaveLength(2));
    expect(screen.getAllByTestId('history-point').map((p) => p.getAttribute('data-type'))).toEqual(['extortionist', 'extortionist']);
    // The same visits as a table a keyboard and a screen reader can reach: newest first, with type and stage in words.
    const rows = screen.getByTestId('history-table').querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect([...rows[0]!.querySelectorAll('td')].slice(1).map((td) => td.textContent)).toEqual([
      expect.stringMatching(/^Extortionist/),
      expect.stringMatching(/\p{L}/u),
    ]);
    expect(screen.getByTestId('history-chart').getAttribute('aria-label')).toMatch(/^2 visits in the last 90 days/);
  });

  it('finds a client in the list with "/" and opens the dossier without a helpdesk tab', async () => {
    const { db } = await mount();
    await recordVisit(db, makeSnapshot({ client: { externalId: '99', name: 'Megan Price', email: 'megan@example.com' } }));
    fireEvent.keyDown(window, { key: '/' });
    const search = await screen.findByTestId('client-search');
    fireEvent.input(search, { target: { value: 'meg' } });
    await waitFor(() => expect(screen.getAllByTestId('client-result')).toHaveLength(1));
    fireEvent.click(screen.getByTestId('client-result'));
    await waitFor(() => expect(screen.getByTestId('client-name').textContent).toBe('Megan Price'));
    expect(screen.queryByTestId('client-type')).toBeNull();
    fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.getByTestId('client-type')).toBeTruthy());
  });

  it('says it is searching while the answer is on its way, not that there are no dossiers', async () => {
    const fake = fakeTransport({ tab: clientTab() });
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const model = createPanelModel({ ...fake.transport, searchClients: async (q) => (await gate, fake.transport.searchClients(q)) });
    render(<PanelApp model={model} />);
    await screen.findByTestId('client-type');
    fireEvent.keyDown(window, { key: '/' });
    expect((await screen.findByTestId('clients-searching')).textContent).toBe('Searching your dossiers…');
    expect(screen.queryByTestId('clients-empty')).toBeNull();
    open();
    await waitFor(() => expect(screen.getAllByTestId('client-result')).toHaveLength(1));
    expect(screen.queryByTestId('clients-searching')).toBeNull();
    fake.close();
  });

  it('"n" focuses the note box', async () => {
    await mount();
    fireEvent.keyDown(window, { key: 'n' });
    expect(document.activeElement).toBe(screen.getByTestId('note-input'));
  });
});
