// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lang } from '../../../components/i18n';
import { createOptionsModel, DAY_MS } from '../../../components/options/model';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { fakeOptionsTransport, fixturePack, packText, type FakeOptionsInit } from '../../doubles/fake-options-transport';

afterEach(() => {
  cleanup();
  lang.value = 'en';
});

const URL_PACK = 'https://acme.zendesk.com/hc/packs/acme.json';
const acme = fixturePack('acme-support.json');
const NOW = Date.UTC(2026, 10, 22, 12);

/** ACME installed from its URL, last checked `checkedAgo` ms before the page opens. */
async function mount(init: FakeOptionsInit & { checkedAgo?: number; serve?: string } = {}) {
  let served = init.serve ?? 'acme-support.json';
  const fake = fakeOptionsTransport({ granted: ['acme.zendesk.com'], now: NOW, ...init, urls: { [URL_PACK]: () => packText(served) } });
  await fake.install(acme, { kind: 'url', url: URL_PACK });
  if (init.checkedAgo !== undefined) await fake.db.packs.update('acme-support', { lastCheckedAt: NOW - init.checkedAgo });
  const model = createOptionsModel(fake.transport);
  render(<OptionsApp model={model} />);
  await screen.findByTestId('pack-row');
  const row = () => within(screen.getByTestId('pack-row'));
  return { ...fake, model, row, serve: (name: string) => (served = name) };
}

describe('updates of URL packs', () => {
  it('"Check for update": up to date, then a newer version with what changed, applied only when accepted', async () => {
    const { row, serve, state, list } = await mount({ checkedAgo: 1000 });
    expect(state.fetched).toEqual([]);
    fireEvent.click(row().getByTestId('pack-check-update'));
    await waitFor(() => expect(row().getByTestId('update-status').textContent).toBe('Up to date (1.0.0).'));
    expect(state.requested).toEqual([]);

    serve('acme-support-1.1.0.json');
    fireEvent.click(row().getByTestId('pack-check-update'));
    const offer = await row().findByTestId('update-offer');
    expect(offer.textContent).toMatch(/A newer version is available: 1\.0\.0 → 1\.1\.0/);
    expect([...within(offer).getByTestId('update-changes').querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'changed version',
      'changed types.extortionist.phrases',
    ]);
    // Pending, not applied.
    const [pending] = await list();
    expect(pending?.pack.version).toBe('1.0.0');
    expect(pending?.pending?.version).toBe('1.1.0');
    expect(row().getByTestId('pack-version').textContent).toBe('1.0.0');

    fireEvent.click(within(offer).getByTestId('update-accept'));
    await waitFor(() => expect(row().getByTestId('pack-version').textContent).toBe('1.1.0'));
    expect(row().queryByTestId('update-offer')).toBeNull();
    expect(screen.getByTestId('notice').textContent).toMatch(/Updated “ACME support” to 1\.1\.0/);
    const [rec] = await list();
    expect(rec?.pack.types?.extortionist?.phrases?.[0]?.text).toMatch(/up to 15 €/);
    expect(rec?.pending).toBeUndefined();
  });

  it('"Not now" drops the offer; the daily check does not bring the same version back, "Check for update" does', async () => {
    const { row, serve, state, list, db } = await mount({ checkedAgo: 1000 });
    serve('acme-support-1.1.0.json');
    fireEvent.click(row().getByTestId('pack-check-update'));
    fireEvent.click(await row().findByTestId('update-dismiss'));
    await waitFor(() => expect(row().queryByTestId('update-offer')).toBeNull());
    expect(state.dismissed).toEqual({ 'acme-support': '1.1.0' });
    expect((await list())[0]?.pack.version).toBe('1.0.0');

    // A day later the page opens again: the automatic check fetches, but keeps quiet about 1.1.0.
    cleanup();
    await db.packs.update('acme-support', { lastCheckedAt: NOW - 2 * DAY_MS });
    const second = fakeOptionsTransport({ db, granted: ['acme.zendesk.com'], now: NOW, dismissed: state.dismissed, urls: state.urls });
    render(<OptionsApp model={createOptionsModel(second.transport)} />);
    await screen.findByTestId('pack-row');
    await waitFor(async () => {
      const [rec] = await list();
      expect(rec?.lastCheckedAt).toBe(NOW);
      expect(rec?.pending).toBeUndefined();
    });
    expect(second.state.fetched).toEqual([URL_PACK]);
    await waitFor(() => expect(screen.queryByTestId('update-offer')).toBeNull());
    fireEvent.click(within(screen.getByTestId('pack-row')).getByTestId('pack-check-update'));
    expect(await screen.findByTestId('update-offer')).toBeTruthy();
  });

  it('checks automatically when the page opens and the last check is a day old', async () => {
    const { row, state, list } = await mount({ checkedAgo: DAY_MS + 1, serve: 'acme-support-1.1.0.json' });
    await waitFor(() => expect(state.fetched).toEqual([URL_PACK]));
    expect(await row().findByTestId('update-offer')).toBeTruthy();
    expect((await list())[0]?.lastCheckedAt).toBe(NOW);
    expect(state.requested).toEqual([]);
  });

  it('does not check automatically within a day of the last check', async () => {
    const { state } = await mount({ checkedAgo: DAY_MS - 60_000, serve: 'acme-support-1.1.0.json' });
    await new Promise((r) => setTimeout(r, 50));
    expect(state.fetched).toEqual([]);
    expect(screen.queryByTestId('update-offer')).toBeNull();
  });

  it('never asks for a permission on its own: without access the automatic check is skipped', async () => {
    const { state } = await mount({ granted: [], permission: 'hang', checkedAgo: 2 * DAY_MS, serve: 'acme-support-1.1.0.json' });
    await new Promise((r) => setTimeout(r, 50));
    expect(state.requested).toEqual([]);
    expect(state.fetched).toEqual([]);
  });

  it('says what went wrong when the URL now serves a broken or different pack, and changes nothing', async () => {
    const { row, serve, list, state } = await mount({ checkedAgo: 1000 });
    serve('unknown-key.json');
    fireEvent.click(row().getByTestId('pack-check-update'));
    await waitFor(() => expect(row().getByTestId('update-status').textContent).toMatch(/serves a pack with errors.*types\.tester/));
    state.urls[URL_PACK] = JSON.stringify({ ...acme, id: 'other-pack', version: '9.0.0' });
    fireEvent.click(row().getByTestId('pack-check-update'));
    await waitFor(() => expect(row().getByTestId('update-status').textContent).toMatch(/serves a different pack \(“other-pack”\)/));
    const [rec] = await list();
    expect(rec?.pack.version).toBe('1.0.0');
    expect(rec?.pending).toBeUndefined();
  });
});
