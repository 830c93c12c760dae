import { render, screen } from '@testing-library/preact';
import { createPanelModel } from '../../../components/panel/model';
import { PanelApp } from '../../../components/panel/PanelApp';
import type { TabState } from '../../../core/messages/page-report';
import { fakeTransport } from '../../doubles/fake-transport';
import { makeSnapshot } from '../helpers';

/* The panel mounted on a fake transport, and the client the panel tests look at (panel-*.test.tsx). */

export const KEY = 'zendesk:acme:7';
export const extortion = makeSnapshot({
  client: { externalId: '7', name: '<img src=x onerror=alert(1)> Виктория', email: 'v@example.ru', organization: 'ООО Ветер' },
  conversation: [
    { author: 'client', text: 'У меня 120 тысяч подписчиков. Жду компенсацию и скидку 50%, иначе напишу пост про ваш сервис.', public: true },
    { author: 'agent', text: 'Проверяем ваш заказ.', public: true },
  ],
  agent: { name: 'Анна Смирнова' },
});
export const clientTab = (snapshot = extortion): TabState => ({
  tabId: 1,
  state: 'client',
  url: 'https://acme.zendesk.com/agent/tickets/1',
  clientKey: KEY,
  snapshot,
  updatedAt: 1,
});

export async function mount(opts: Parameters<typeof fakeTransport>[0] = { tab: clientTab() }) {
  const fake = fakeTransport(opts);
  const model = createPanelModel(fake.transport);
  render(<PanelApp model={model} />);
  await fake.ready;
  if (opts.tab?.state === 'client') await screen.findByTestId('client-type');
  return { ...fake, model };
}
