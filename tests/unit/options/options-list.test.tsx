// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lang } from '../../../components/i18n';
import { createOptionsModel } from '../../../components/options/model';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { formatPack } from '../../../core/pack/format';
import { readDefaultPack } from '../../../core/pack/node-default';
import { StrategyPack } from '../../../core/pack/schema';
import { PERSONAL_PACK_ID } from '../../../core/store/packs';
import { fakeOptionsTransport, fixturePack } from '../../doubles/fake-options-transport';

afterEach(() => {
  cleanup();
  lang.value = 'en';
});

const acme = fixturePack('acme-support.json');
const beta = StrategyPack.parse({
  schemaVersion: 1,
  id: 'beta',
  name: { en: 'Beta rules', ru: 'Правила беты' },
  version: '0.3.0',
  author: 'QA lead',
  languages: ['en'],
});
const personal = StrategyPack.parse({
  schemaVersion: 1,
  id: PERSONAL_PACK_ID,
  name: { en: 'My tweaks', ru: 'Мои правки' },
  version: '1.0.0',
  author: 'Anna',
  languages: ['ru'],
});

function mount(fake = fakeOptionsTransport()) {
  const model = createOptionsModel(fake.transport, { permissionTimeoutMs: 50 });
  render(<OptionsApp model={model} />);
  return { ...fake, model };
}
const rowIds = () => screen.queryAllByTestId('pack-row').map((r) => r.dataset.packId);
const row = (id: string) => within(screen.getAllByTestId('pack-row').find((r) => r.dataset.packId === id)!);

describe('options page: states', () => {
  it('shows a loading state, then the built-in pack alone with the empty state', async () => {
    let release!: (p: StrategyPack) => void;
    mount(fakeOptionsTransport({ builtin: new Promise((r) => (release = r)) }));
    expect(screen.getByTestId('loading').textContent).toMatch(/Loading packs/);
    release(readDefaultPack());
    await screen.findByTestId('builtin-row');
    expect(screen.getByTestId('packs-empty').textContent).toMatch(/No team packs yet/);
    const builtin = within(screen.getByTestId('builtin-row'));
    expect(builtin.getByText('Tipazh default pack')).toBeTruthy();
    // The built-in pack cannot be removed, switched off or moved.
    expect(builtin.queryByTestId('pack-remove')).toBeNull();
    expect(builtin.queryByTestId('pack-enabled')).toBeNull();
    expect(builtin.queryByTestId('pack-up')).toBeNull();
  });

  it('says so when the built-in pack cannot be loaded', async () => {
    mount(fakeOptionsTransport({ builtin: Promise.reject(new Error('the built-in pack is invalid: id: bad')) }));
    const err = await screen.findByTestId('load-error');
    expect(err.getAttribute('role')).toBe('alert');
    expect(err.textContent).toMatch(/could not be loaded.*the built-in pack is invalid: id: bad/);
  });
});

describe('options page: the list of installed packs', () => {
  async function withThree() {
    const fake = fakeOptionsTransport();
    await fake.install(acme, { kind: 'file', name: 'acme-support.json' });
    await fake.install(beta, { kind: 'url', url: 'https://packs.example.org/beta.json' });
    await fake.install(personal, { kind: 'personal' });
    const m = mount(fake);
    await screen.findAllByTestId('pack-row');
    return m;
  }

  it('lists packs top layer first, each with name, version, author and source; built-in at the bottom', async () => {
    await withThree();
    expect(rowIds()).toEqual([PERSONAL_PACK_ID, 'beta', 'acme-support']);
    expect(row('acme-support').getByTestId('pack-name').textContent).toBe('ACME support');
    expect(row('acme-support').getByTestId('pack-version').textContent).toBe('1.0.0');
    expect(row('acme-support').getByTestId('pack-author').textContent).toBe('by Team lead, ACME');
    expect(row('acme-support').getByTestId('pack-source').textContent).toBe('from file acme-support.json');
    expect(row('beta').getByTestId('pack-source').textContent).toBe('from https://packs.example.org/beta.json');
    expect(row(PERSONAL_PACK_ID).getByTestId('pack-source').textContent).toBe('your personal tweaks');
    // Only URL packs can check for updates; the personal pack stays on top (no move buttons).
    expect(row('beta').queryByTestId('pack-check-update')).toBeTruthy();
    expect(row('acme-support').queryByTestId('pack-check-update')).toBeNull();
    expect(row(PERSONAL_PACK_ID).queryByTestId('pack-up')).toBeNull();
    const list = screen.getByTestId('pack-list');
    expect(list.lastElementChild?.getAttribute('data-testid')).toBe('builtin-row');
  });

  it('names packs in the UI language and switches with the page', async () => {
    const { state } = await withThree();
    fireEvent.change(screen.getByTestId('lang-switch'), { target: { value: 'ru' } });
    await waitFor(() => expect(row('acme-support').getByTestId('pack-name').textContent).toBe('Поддержка ACME'));
    expect(row('acme-support').getByTestId('pack-author').textContent).toBe('автор: Team lead, ACME');
    expect(screen.getByText('Установленные пакеты')).toBeTruthy();
    expect(within(screen.getByTestId('builtin-row')).getByText('Базовый набор Tipazh')).toBeTruthy();
    expect(state.lang).toBe('ru');
  });

  it('moves packs up and down; the ends cannot move further', async () => {
    const { list } = await withThree();
    expect((row('beta').getByTestId('pack-up') as HTMLButtonElement).disabled).toBe(true);
    expect((row('acme-support').getByTestId('pack-down') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(row('acme-support').getByTestId('pack-up'));
    await waitFor(() => expect(rowIds()).toEqual([PERSONAL_PACK_ID, 'acme-support', 'beta']));
    expect((await list()).map((p) => p.id)).toEqual(['beta', 'acme-support', PERSONAL_PACK_ID]);
    fireEvent.click(row('acme-support').getByTestId('pack-down'));
    await waitFor(() => expect(rowIds()).toEqual([PERSONAL_PACK_ID, 'beta', 'acme-support']));
  });

  it('switches a pack off and on, with an accessible switch', async () => {
    const { list, model } = await withThree();
    const sw = row('beta').getByTestId('pack-enabled') as HTMLInputElement;
    expect(sw.getAttribute('role')).toBe('switch');
    expect(sw.getAttribute('aria-label')).toBe('Use “Beta rules”');
    fireEvent.click(sw);
    await waitFor(async () => expect((await list()).find((p) => p.id === 'beta')?.enabled).toBe(false));
    await waitFor(() => expect(model.effective.value?.layers).toEqual(['default', 'acme-support', PERSONAL_PACK_ID]));
    fireEvent.click(row('beta').getByTestId('pack-enabled'));
    await waitFor(() => expect(model.effective.value?.layers).toEqual(['default', 'acme-support', 'beta', PERSONAL_PACK_ID]));
  });

  it('removes a pack only after the confirm step', async () => {
    const { list } = await withThree();
    fireEvent.click(row('beta').getByTestId('pack-remove'));
    expect(screen.getByTestId('remove-confirm').textContent).toMatch(/Remove “Beta rules”\?/);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('remove-yes')));
    fireEvent.click(screen.getByTestId('remove-no'));
    expect(screen.queryByTestId('remove-confirm')).toBeNull();
    expect((await list()).map((p) => p.id)).toContain('beta');
    fireEvent.click(row('beta').getByTestId('pack-remove'));
    fireEvent.click(screen.getByTestId('remove-yes'));
    await waitFor(() => expect(rowIds()).toEqual([PERSONAL_PACK_ID, 'acme-support']));
    expect((await list()).map((p) => p.id)).toEqual(['acme-support', PERSONAL_PACK_ID]);
    expect(screen.getByTestId('notice').textContent).toMatch(/Removed “Beta rules”/);
  });

  it('exports a pack as canonical JSON named <id>-<version>.json, the built-in one and the merged pack', async () => {
    const { state } = await withThree();
    fireEvent.click(row('acme-support').getByTestId('pack-export'));
    expect(state.downloads[0]!.name).toBe('acme-support-1.0.0.json');
    expect(state.downloads[0]!.text).toBe(formatPack(acme));
    fireEvent.click(screen.getByTestId('builtin-export'));
    expect(state.downloads[1]!.name).toBe(`default-${readDefaultPack().version}.json`);
    fireEvent.click(screen.getByTestId('export-effective'));
    const merged = state.downloads[2]!;
    expect(merged.name).toBe('tipazh-effective-2026-11-22.json');
    const pack = StrategyPack.parse(JSON.parse(merged.text));
    expect(pack.id).toBe('effective');
    expect(pack.name.en).toBe('Effective pack: Tipazh default pack + ACME support + Beta rules + My tweaks');
    // Layered: the team pack's phrase replaced the built-in ones; other types keep theirs.
    expect(pack.types?.extortionist?.phrases?.map((p) => p.id)).toEqual(['acme-ext-en-1', 'acme-ext-ru-1']);
    expect(pack.types?.tester?.phrases?.length).toBe(readDefaultPack().types?.tester?.phrases?.length);
    expect(pack.examples).toBeUndefined();
  });

  it('renders pack text as text, never HTML', async () => {
    const fake = fakeOptionsTransport();
    await fake.install(StrategyPack.parse({ ...beta, id: 'xss', name: { en: '<b>bold</b><script>x</script>' }, author: '<img src=x onerror=alert(1)>' }));
    mount(fake);
    await screen.findAllByTestId('pack-row');
    expect(row('xss').getByTestId('pack-name').textContent).toBe('<b>bold</b><script>x</script>');
    expect(document.querySelector('.options img, .options b, .options script')).toBeNull();
  });
});
