// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lang } from '../../../components/i18n';
import { createOptionsModel } from '../../../components/options/model';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { fakeOptionsTransport, fixturePack, packBytes, packText, type FakeOptionsInit } from '../../doubles/fake-options-transport';

afterEach(() => {
  cleanup();
  lang.value = 'en';
});

const acme = fixturePack('acme-support.json');
const URL_OK = 'https://acme.zendesk.com/hc/packs/acme.json';
const URL_OTHER = 'https://packs.example.org/x.json';

async function mount(init: FakeOptionsInit = {}, preinstalled = false) {
  const fake = fakeOptionsTransport(init);
  if (preinstalled) await fake.install(acme, { kind: 'file', name: 'acme-support.json' });
  const model = createOptionsModel(fake.transport, { permissionTimeoutMs: 60 });
  render(<OptionsApp model={model} />);
  await screen.findByTestId('builtin-row');
  if (preinstalled) await screen.findByTestId('pack-row');
  return { ...fake, model };
}

const file = (text: string | Uint8Array<ArrayBuffer>, name = 'pack.json') => new File([text], name, { type: 'application/json' });
const choose = (f: File) => fireEvent.change(screen.getByTestId('import-file'), { target: { files: [f] } });
const notice = () => screen.findByTestId('notice');
const detail = () => screen.getByTestId('notice-detail').textContent;
async function importUrl(url: string) {
  fireEvent.input(screen.getByTestId('import-url'), { target: { value: url } });
  fireEvent.click(screen.getByTestId('import-url-go'));
}

describe('import from a file', () => {
  it('installs a valid pack and lists it', async () => {
    const { list } = await mount();
    choose(file(packText('acme-support.json'), 'acme-support.json'));
    expect((await notice()).textContent).toMatch(/Installed “ACME support” 1\.0\.0/);
    const [rec] = await list();
    expect(rec).toMatchObject({ id: 'acme-support', source: { kind: 'file', name: 'acme-support.json' }, enabled: true });
    expect(screen.getAllByTestId('pack-row')).toHaveLength(1);
  });

  it.each([
    ['invalid JSON', () => file(packText('bad-json.json')), /^\(root\): not valid JSON/],
    ['a wrong type', () => file(packText('wrong-type.json')), /^version: expected text, got a number$/],
    ['an unknown key', () => file(packText('unknown-key.json')), /^types\.tester: unknown key "phrasez"; did you mean "phrases"\?$/],
    ['a future schemaVersion', () => file(packText('future-schema.json')), /^schemaVersion: this pack needs a newer Tipazh \(schema 7/],
    ['HTML or script in a phrase', () => file(packText('html-phrase.json')), /^types\.extortionist\.phrases\[0\]\.text: contains HTML or script/],
    ['a "__proto__" type', () => file(packText('proto-key.json')), /^types: unknown key "__proto__"/],
    ['a file saved as Latin-1, not UTF-8', () => file(packBytes('latin1-phrase.json')), /^\(root\): not valid UTF-8 at byte offset 305 \(line 18, byte 0xE9\)/],
    ['10 MB', () => file(' '.repeat(10_000_000), 'huge.json'), /^\(root\): the file is 10000 KB; a pack may be at most 2 MB/],
    ['the built-in pack’s id', () => file(JSON.stringify({ ...acme, id: 'default' })), /^id: "default" is the built-in pack's id/],
  ])('refuses %s with the JSON path, installs nothing and leaves installed packs alone', async (_what, make, path) => {
    const { list } = await mount({}, true);
    const before = await list();
    choose(make());
    const n = await notice();
    expect(n.getAttribute('role')).toBe('alert');
    expect(n.textContent).toMatch(/was not installed: it (has errors\. Installed packs are unchanged|is not valid JSON)/);
    expect(detail()).toMatch(path);
    expect(await list()).toEqual(before);
    expect(screen.getAllByTestId('pack-row')).toHaveLength(1);
    expect(within(screen.getByTestId('pack-row')).getByTestId('pack-version').textContent).toBe('1.0.0');
  });

  it('shows a hostile phrase’s text in the message as text, never as HTML', async () => {
    await mount();
    choose(file(packText('html-phrase.json')));
    await notice();
    expect(detail()).toContain('<img src=x onerror="alert(1)">');
    expect(document.querySelector('img')).toBeNull();
  });

  it('takes a file dropped on the drop zone', async () => {
    const { list } = await mount();
    const zone = screen.getByTestId('dropzone');
    // happy-dom's DragEvent does not reach listeners; a plain event with a dataTransfer does (e2e drops a real one).
    const drag = (type: string, files: File[] = []) => {
      const e = new Event(type, { bubbles: true, cancelable: true });
      Object.defineProperty(e, 'dataTransfer', { value: { files, dropEffect: 'none' } });
      zone.dispatchEvent(e);
      return e;
    };
    expect(drag('dragover').defaultPrevented).toBe(true);
    drag('dragenter');
    await waitFor(() => expect(zone.className).toMatch(/dropzone--over/));
    expect(drag('drop', [file(packText('acme-support.json'), 'dropped.json')]).defaultPrevented).toBe(true);
    expect((await notice()).textContent).toMatch(/Installed/);
    expect(zone.className).not.toMatch(/dropzone--over/);
    expect((await list())[0]?.source).toEqual({ kind: 'file', name: 'dropped.json' });
  });

  it('asks "replace version X with Y?" with what changed before replacing an installed id', async () => {
    const { list } = await mount({}, true);
    choose(file(packText('acme-support-1.1.0.json'), 'acme-1.1.json'));
    const confirm = await screen.findByTestId('replace-confirm');
    expect(confirm.textContent).toMatch(/Replace version 1\.0\.0 with 1\.1\.0\?/);
    expect([...screen.getByTestId('replace-changes').querySelectorAll('code')].map((c) => c.textContent)).toEqual(['version', 'types.extortionist.phrases']);
    // Nothing written while the question is open.
    expect((await list())[0]?.pack.version).toBe('1.0.0');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('replace-yes')));

    fireEvent.click(screen.getByTestId('replace-no'));
    expect((await notice()).textContent).toMatch(/Kept “ACME support” 1\.0\.0/);
    expect((await list())[0]?.pack.version).toBe('1.0.0');

    choose(file(packText('acme-support-1.1.0.json'), 'acme-1.1.json'));
    fireEvent.click(await screen.findByTestId('replace-yes'));
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toMatch(/Replaced “ACME support” 1\.0\.0 with 1\.1\.0/));
    const [rec] = await list();
    expect(rec?.pack.version).toBe('1.1.0');
    expect(rec?.source).toEqual({ kind: 'file', name: 'acme-1.1.json' });
    expect(screen.queryByTestId('replace-confirm')).toBeNull();
  });

  it('installs an exported personal pack as the personal tweaks', async () => {
    const { list } = await mount();
    choose(file(JSON.stringify({ ...acme, id: 'personal', examples: undefined })));
    await notice();
    expect((await list())[0]).toMatchObject({ id: 'personal', source: { kind: 'personal' } });
  });
});

describe('import from a URL', () => {
  it('refuses non-https links without asking for permission or fetching', async () => {
    const { state } = await mount({ urls: { 'http://acme.zendesk.com/p.json': packText('acme-support.json') } });
    await importUrl('http://acme.zendesk.com/p.json');
    expect((await notice()).textContent).toMatch(/Only https links/);
    await importUrl('not a url');
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toMatch(/That is not a link/));
    expect(state.requested).toEqual([]);
    expect(state.fetched).toEqual([]);
  });

  it('on a host the extension may read: no permission prompt, fetches, installs with the URL as source', async () => {
    const { state, list } = await mount({ granted: ['acme.zendesk.com'], permission: 'hang', urls: { [URL_OK]: packText('acme-support.json') } });
    fireEvent.input(screen.getByTestId('import-url'), { target: { value: URL_OK } });
    // The page learns the answer of permissions.contains while the user types, before the click.
    await new Promise((r) => setTimeout(r, 0));
    fireEvent.click(screen.getByTestId('import-url-go'));
    expect((await notice()).textContent).toMatch(/Installed “ACME support” 1\.0\.0/);
    expect(state.requested).toEqual([]);
    expect(state.fetched).toEqual([URL_OK]);
    const [rec] = await list();
    expect(rec?.source).toEqual({ kind: 'url', url: URL_OK });
    // The install counts as the first update check.
    expect(rec?.lastCheckedAt).toBe(state.now);
    expect(within(screen.getByTestId('pack-row')).getByTestId('pack-source').textContent).toBe(`from ${URL_OK}`);
  });

  it('asks for the host permission at the click, and fetches once it is granted', async () => {
    const { state, list } = await mount({ permission: 'grant', urls: { [URL_OTHER]: packText('acme-support.json') } });
    await importUrl(URL_OTHER);
    expect(state.requested).toEqual(['packs.example.org']);
    await notice();
    expect(state.fetched).toEqual([URL_OTHER]);
    expect(await list()).toHaveLength(1);
  });

  it.each([
    ['denied', 'deny' as const, /Access to packs\.example\.org was not allowed.*Nothing was installed/],
    ['never answered (headless Chromium)', 'hang' as const, /did not answer the request for access to packs\.example\.org within \d+ s.*Nothing was installed/],
    ['refused by the browser', 'throw' as const, /refused to ask for access to packs\.example\.org/],
  ])('when the permission is %s: a clear message, no fetch, nothing installed', async (_what, permission, message) => {
    const { state, list } = await mount({ permission, urls: { [URL_OTHER]: packText('acme-support.json') } });
    await importUrl(URL_OTHER);
    if (permission === 'hang') expect((await screen.findByTestId('busy')).textContent).toMatch(/Waiting for you to allow access to packs\.example\.org/);
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toMatch(message));
    expect(screen.queryByTestId('busy')).toBeNull();
    expect(state.fetched).toEqual([]);
    expect(await list()).toEqual([]);
    expect((screen.getByTestId('import-url-go') as HTMLButtonElement).disabled).toBe(false);
  });

  it('can cancel the wait for the permission prompt', async () => {
    const fake = fakeOptionsTransport({ permission: 'hang' });
    const model = createOptionsModel(fake.transport, { permissionTimeoutMs: 60_000 });
    render(<OptionsApp model={model} />);
    await screen.findByTestId('builtin-row');
    await importUrl(URL_OTHER);
    fireEvent.click(await screen.findByTestId('busy-cancel'));
    expect((await notice()).textContent).toMatch(/Cancelled: nothing was downloaded from packs\.example\.org/);
    model.dispose();
  });

  it('shows progress while downloading, and names the path when the URL serves a bad pack', async () => {
    let open!: () => void;
    const { list } = await mount({
      granted: ['acme.zendesk.com'],
      fetchGate: new Promise((r) => (open = r)),
      urls: { [URL_OK]: packText('unknown-key.json') },
    });
    await importUrl(URL_OK);
    const busy = await screen.findByTestId('busy');
    expect(busy.getAttribute('role')).toBe('status');
    expect(busy.querySelector('progress')).toBeTruthy();
    // First the access check, then the download, which waits for the gate.
    await waitFor(() => expect(screen.getByTestId('busy').textContent).toMatch(/Downloading https:\/\/acme\.zendesk\.com\/hc\/packs\/acme\.json/));
    open();
    await notice();
    expect(detail()).toMatch(/^types\.tester: /);
    expect(screen.queryByTestId('busy')).toBeNull();
    expect(await list()).toEqual([]);
  });

  it('refuses a URL serving a pack that is not UTF-8, naming the byte offset', async () => {
    const { list } = await mount({ granted: ['acme.zendesk.com'], urls: { [URL_OK]: packBytes('latin1-phrase.json') } });
    await importUrl(URL_OK);
    expect((await notice()).textContent).toMatch(/was not installed: it has errors/);
    expect(detail()).toMatch(/^\(root\): not valid UTF-8 at byte offset 305 \(line 18, byte 0xE9\)/);
    expect(await list()).toEqual([]);
  });

  it.each([
    ['an HTTP error', {}, /answered with an error \(404 Not Found\)/],
    ['more than 2 MB', { [URL_OK]: 'x'.repeat(2_000_001) }, /too large/],
  ])('refuses %s', async (_what, urls, message) => {
    const { list } = await mount({ granted: ['acme.zendesk.com'], urls });
    await importUrl(URL_OK);
    expect((await notice()).textContent).toMatch(message);
    expect(await list()).toEqual([]);
  });
});
