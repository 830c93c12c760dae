// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import { createPanelModel } from '../../../components/panel/model';
import { PanelApp } from '../../../components/panel/PanelApp';
import { StrategyPack } from '../../../core/pack/schema';
import { fakeTransport } from '../../doubles/fake-transport';
import { makeSnapshot } from '../helpers';

afterEach(cleanup);

it('renders pack text (phrases, boundaries, strategy) as text, never as HTML', async () => {
  const hostile = '<img src=x onerror="globalThis.__pwned=1"><b>bold</b>';
  const pack = StrategyPack.parse({
    schemaVersion: 1,
    id: 'evil',
    name: { en: `Evil ${hostile}` },
    version: '1.0.0',
    author: 'x',
    languages: ['en'],
    types: {
      extortionist: {
        boundaries: [{ en: `Boundary ${hostile}` }],
        strategy: [{ en: `Step ${hostile}` }],
        phrases: [{ id: 'evil-1', lang: 'en', text: `Hi {{client.firstName}} ${hostile}` }],
      },
    },
  });
  const snapshot = makeSnapshot({ conversation: [{ author: 'client', text: 'I want compensation and a discount, I have 50k followers', public: true }] });
  const fake = fakeTransport({
    tab: { tabId: 1, state: 'client', url: 'https://acme.zendesk.com/agent/tickets/1', clientKey: 'zendesk:acme:42', snapshot, updatedAt: 1 },
    packs: [pack],
  });
  render(<PanelApp model={createPanelModel(fake.transport)} />);
  expect((await screen.findByTestId('top-boundary')).textContent).toContain('<img src=x');
  expect(screen.getByTestId('phrases').textContent).toContain('<b>bold</b>');
  expect(screen.getByTestId('strategy').textContent).toContain('<img');
  expect(document.querySelector('img, b')).toBeNull();
  expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
});
