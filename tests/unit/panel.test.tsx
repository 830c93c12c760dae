// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lang } from '../../components/i18n';
import { createPanelModel } from '../../components/panel/model';
import { PanelApp } from '../../components/panel/PanelApp';
import type { TabState } from '../../core/protocol';
import { ClientRecord } from '../../core/store/db';
import { fakeTransport } from './fake-transport';
import { makeSnapshot } from './helpers';

afterEach(() => {
  cleanup();
  lang.value = 'en';
});

const extortion = makeSnapshot({
  client: { externalId: '7', name: '<img src=x onerror=alert(1)> Виктория', email: 'v@example.ru', organization: 'ООО Ветер' },
  conversation: [
    { author: 'client', text: 'У меня 120 тысяч подписчиков. Жду компенсацию и скидку 50%, иначе напишу пост про ваш сервис.', public: true },
    { author: 'agent', text: 'Проверяем ваш заказ.', public: true },
  ],
});
const clientTab = (snapshot = extortion): TabState => ({ tabId: 1, state: 'client', url: 'https://acme.zendesk.com/agent/tickets/1', clientKey: 'zendesk:acme:7', snapshot, updatedAt: 1 });
const dossier = ClientRecord.parse({ key: 'zendesk:acme:7', source: 'zendesk', account: 'acme', externalId: '7', name: 'Виктория', firstSeen: 1, lastSeen: 2, visitCount: 3 });

function mount(tab: TabState | null, l: 'en' | 'ru' = 'en') {
  const fake = fakeTransport({ tab, client: dossier, lang: l });
  const model = createPanelModel(fake.transport);
  render(<PanelApp model={model} />);
  return { ...fake, model };
}

describe('PanelApp', () => {
  it('shows "no client" when the tab has none', () => {
    mount(null);
    expect(screen.getByTestId('no-client').textContent).toMatch(/No client on this tab/);
  });

  it('shows the client, the type with quoted evidence, advice and phrases; page text stays text', async () => {
    mount(clientTab());
    expect(screen.getByTestId('client-name').textContent).toBe('<img src=x onerror=alert(1)> Виктория');
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByTestId('client-type').dataset.type).toBe('extortionist');
    expect(screen.getByTestId('type-confidence').textContent).toMatch(/\d+% sure/);
    const marks = [...screen.getByTestId('type-evidence').querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks.some((m) => /компенсац|подписчик|скидк/i.test(m ?? ''))).toBe(true);
    expect(screen.getByTestId('strategy').children.length).toBeGreaterThan(2);
    expect(screen.getByTestId('boundaries').children.length).toBeGreaterThan(2);
    expect(screen.getByTestId('phrases').children.length).toBeGreaterThanOrEqual(6);
    expect(screen.getByTestId('service-level').dataset.level).toBe('passer-by');
    expect(screen.getByTestId('lifecycle-stage').dataset.stage).toBeTruthy();
  });

  it('inserts a phrase with the client name filled, by click and by keys 1–9, and copies on request', async () => {
    const { state } = mount(clientTab());
    fireEvent.click(screen.getAllByTestId('phrase-insert')[0]!);
    await waitFor(() => expect(state.inserted).toHaveLength(1));
    expect(state.inserted[0]).not.toMatch(/\{\{/);
    expect(screen.getByTestId('phrase-status').textContent).toMatch(/Inserted/);
    fireEvent.keyDown(window, { key: '2' });
    await waitFor(() => expect(state.inserted).toHaveLength(2));
    expect(state.inserted[1]).toBe(screen.getAllByTestId('phrase')[1]!.querySelector('.phrase__text')!.textContent);
    fireEvent.click(screen.getAllByTestId('phrase-copy')[0]!);
    await waitFor(() => expect(state.copied).toHaveLength(1));
  });

  it('copies instead, and says so, when the page has no reply box', async () => {
    const fake = fakeTransport({ tab: clientTab(), client: dossier, composer: false });
    render(<PanelApp model={createPanelModel(fake.transport)} />);
    fireEvent.keyDown(window, { key: '1' });
    await waitFor(() => expect(fake.state.copied).toHaveLength(1));
    expect(screen.getByTestId('phrase-status').textContent).toMatch(/No reply box/);
  });

  it('lets the agent override the type, shows it as theirs, and undo', async () => {
    const { state } = mount(clientTab());
    fireEvent.change(screen.getByTestId('override-type'), { target: { value: 'tester' } });
    fireEvent.input(screen.getByTestId('override-reason'), { target: { value: 'gave a detailed report' } });
    fireEvent.click(screen.getByTestId('override-save'));
    await waitFor(() => expect(screen.getByTestId('client-type').dataset.type).toBe('tester'));
    expect(state.corrections[0]).toMatchObject({ from: 'extortionist', to: 'tester', reason: 'gave a detailed report' });
    expect(state.corrections[0]!.stems.length).toBeGreaterThan(3);
    expect(screen.getByTestId('type-confidence').textContent).toBe('Set by you');
    fireEvent.click(screen.getByTestId('override-undo'));
    await waitFor(() => expect(screen.getByTestId('client-type').dataset.type).not.toBe('tester'));
  });

  it('speaks Russian when asked', async () => {
    mount(clientTab(), 'ru');
    await waitFor(() => expect(screen.getByTestId('type-confidence').textContent).toMatch(/уверенность/));
    expect(screen.getByTestId('client-type').textContent).toMatch(/Вымогатель/);
  });
});
