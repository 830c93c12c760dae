// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lang } from '../../../components/i18n';
import { createHelpdesksModel } from '../../../components/options/helpdesks-model';
import type { HelpdeskTransport } from '../../../components/options/helpdesks-transport';
import { HelpdesksSection } from '../../../components/options/HelpdesksSection';
import type { CustomHelpdesk } from '../../../core/schema/custom-helpdesks';
import { createHelpdeskService, type HelpdeskBrowser } from '../../../entrypoints/background/helpdesk-scripts';

afterEach(() => {
  cleanup();
  lang.value = 'en';
});

/**
 * The options page over the real background service, with the browser faked: `answer` is what the
 * permission prompt says (`never`: headless Chromium, which shows none). Records whether each request came
 * synchronously inside the click.
 */
function mount(answer: 'allow' | 'deny' | 'never' = 'allow', saved: CustomHelpdesk[] = []) {
  const state = { saved: saved as unknown, granted: new Set(saved.map((h) => h.origin)), scripts: [] as string[], requests: [] as string[] };
  const watchers = new Set<(l: CustomHelpdesk[]) => void>();
  const api: HelpdeskBrowser = {
    load: async () => state.saved,
    save: async (list) => {
      state.saved = list;
      for (const w of watchers) w(list);
    },
    hasAccess: async (o) => state.granted.has(o),
    dropAccess: async (o) => void state.granted.delete(o),
    registered: async () => state.scripts.map((id) => ({ id, matches: [], js: [], world: 'ISOLATED' as const })),
    register: async (s) => void state.scripts.push(...s.map((x) => x.id)),
    unregister: async (ids) => void (state.scripts = state.scripts.filter((id) => !ids.includes(id))),
    mainWorldBridge: false,
  };
  const service = createHelpdeskService(api);
  const transport: HelpdeskTransport = {
    watch(cb) {
      watchers.add(cb);
      cb(saved);
      return () => watchers.delete(cb);
    },
    requestAccess(origin) {
      state.requests.push(origin);
      if (answer === 'never') return new Promise(() => {});
      if (answer === 'allow') state.granted.add(origin);
      return Promise.resolve(answer === 'allow');
    },
    add: (helpdesk) => service.handle({ kind: 'helpdesks', action: 'add', helpdesk }),
    remove: (origin) => service.handle({ kind: 'helpdesks', action: 'remove', origin }),
  };
  const model = createHelpdesksModel(transport, { accessTimeoutMs: 80 });
  render(<HelpdesksSection model={model} />);
  return { state, model };
}

const type = (text: string) => fireEvent.input(screen.getByTestId('helpdesk-address'), { target: { value: text } });
const submit = () => fireEvent.click(screen.getByTestId('helpdesk-add'));
const status = () => screen.findByTestId('helpdesk-status');

describe('Helpdesk addresses', () => {
  it('adds an address the browser allowed, asking inside the click, and lists it with its helpdesk', async () => {
    const { state } = mount('allow');
    expect(screen.getByTestId('helpdesks-empty')).toBeTruthy();
    type('Help.Acme-Corp.com/');
    fireEvent.click(screen.getByTestId('helpdesk-kind-amocrm'));
    submit();
    // Asked synchronously, still inside the user's click.
    expect(state.requests).toEqual(['https://help.acme-corp.com']);
    expect((await status()).textContent).toMatch(/Added https:\/\/help\.acme-corp\.com\. Tipazh reads its pages/);
    const row = screen.getByTestId('helpdesk-row');
    expect(row.dataset.origin).toBe('https://help.acme-corp.com');
    expect(within(row).getByTestId('helpdesk-kind').textContent).toBe('amoCRM / Kommo');
    expect(state.saved).toEqual([{ origin: 'https://help.acme-corp.com', kind: 'amocrm' }]);
    expect(state.scripts).toEqual(['tipazh:content:https://help.acme-corp.com']);
    expect((screen.getByTestId('helpdesk-address') as HTMLInputElement).value).toBe('');
  });

  it.each([
    ['http://support.acme.com', /Only https addresses/],
    ['https://*.acme.com', /Wildcards \(\*\) are not accepted/],
    ['https://support.acme.com/agent/tickets/1', /without a path/],
    ['https://support.acme.com:8443', /Leave out the port/],
    ['https://me:pw@support.acme.com', /Leave out the user name and password/],
    ['https://10.0.0.1', /not an IP address/],
    ['not a url at all', /not a web address/],
    ['https://acme.zendesk.com', /already reads this address/],
  ])('refuses %s, says what is wrong, asks nothing and saves nothing', async (input, message) => {
    const { state } = mount('allow');
    type(input);
    submit();
    const s = await status();
    expect(s.getAttribute('role')).toBe('alert');
    expect(s.textContent).toMatch(message);
    const field = screen.getByTestId('helpdesk-address');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe('helpdesk-status');
    expect(state.requests).toEqual([]);
    expect(state.saved).toEqual([]);
    // Typing again clears the complaint.
    type('support.acme.com');
    expect(screen.queryByTestId('helpdesk-status')).toBeNull();
  });

  it('refuses an address already in the list', async () => {
    const { state } = mount('allow', [{ origin: 'https://support.acme.com', kind: 'zendesk' }]);
    type('https://SUPPORT.acme.com');
    submit();
    expect((await status()).textContent).toMatch(/https:\/\/support\.acme\.com is in the list already/);
    expect(state.requests).toEqual([]);
  });

  it('saves nothing when access is refused', async () => {
    const { state } = mount('deny');
    type('support.acme.com');
    submit();
    expect((await status()).textContent).toMatch(/Access to support\.acme\.com was not allowed, so nothing was added/);
    expect(state.saved).toEqual([]);
    expect(state.scripts).toEqual([]);
    expect(screen.getByTestId('helpdesks-empty')).toBeTruthy();
  });

  it('stops waiting for a prompt that never answers (timeout, or Cancel), and saves nothing', async () => {
    const { state } = mount('never');
    type('support.acme.com');
    submit();
    expect(screen.getByTestId('helpdesk-busy').textContent).toMatch(/Waiting for you to allow access to support\.acme\.com/);
    expect((screen.getByTestId('helpdesk-add') as HTMLButtonElement).disabled).toBe(true);
    expect((await status()).textContent).toMatch(/did not answer the request for access to support\.acme\.com within 0 s/);
    submit();
    fireEvent.click(await screen.findByTestId('helpdesk-cancel'));
    await waitFor(() => expect(screen.getByTestId('helpdesk-status').textContent).toMatch(/Cancelled: support\.acme\.com was not added/));
    expect(screen.queryByTestId('helpdesk-busy')).toBeNull();
    expect(state.saved).toEqual([]);
  });

  it('removes an address: unregistered, deleted and its access given back', async () => {
    const { state } = mount('allow', [
      { origin: 'https://support.acme.com', kind: 'zendesk' },
      { origin: 'https://acme.amocrm.com.ua', kind: 'amocrm' },
    ]);
    await waitFor(() => expect(screen.getAllByTestId('helpdesk-row')).toHaveLength(2));
    const remove = screen.getByRole('button', { name: 'Remove https://support.acme.com' });
    fireEvent.click(remove);
    expect((await status()).textContent).toMatch(/Removed https:\/\/support\.acme\.com/);
    expect(screen.getAllByTestId('helpdesk-row').map((r) => r.dataset.origin)).toEqual(['https://acme.amocrm.com.ua']);
    expect(state.saved).toEqual([{ origin: 'https://acme.amocrm.com.ua', kind: 'amocrm' }]);
    expect(state.granted.has('https://support.acme.com')).toBe(false);
  });

  it('speaks Russian', async () => {
    lang.value = 'ru';
    mount('deny');
    expect(screen.getByRole('heading').textContent).toBe('Адреса хелпдесков');
    type('http://support.acme.com');
    submit();
    expect((await status()).textContent).toMatch(/только адрес https/);
  });
});
