// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lang } from '../../../components/i18n';
import { visitIdOf } from '../../../core/store/dossier-view';
import { makeSnapshot, storedVisit, storedVisits } from '../helpers';
import { readDefaultPack } from '../../../core/pack/node-default';

import { clientTab, extortion, KEY, mount } from './mount-panel';

afterEach(() => {
  cleanup();
  lang.value = 'en';
});
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
