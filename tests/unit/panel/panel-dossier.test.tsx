// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lang } from '../../../components/i18n';
import { createPanelModel } from '../../../components/panel/model';
import { PanelApp } from '../../../components/panel/PanelApp';
import type { TabState } from '../../../core/messages/page-report';
import type { ClientSnapshotInput } from '../../../core/schema/snapshot';
import { recordVisit } from '../../../core/store/dossiers';
import { fakeTransport } from '../../doubles/fake-transport';
import { memoryArea } from '../../doubles/memory-area';
import { makeSnapshot, storedNotes } from '../helpers';

import { clientTab, extortion, KEY, mount } from './mount-panel';

afterEach(() => {
  cleanup();
  lang.value = 'en';
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
