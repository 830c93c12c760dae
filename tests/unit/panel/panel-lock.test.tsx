// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createPanelModel } from '../../../components/panel/model';
import { PanelApp } from '../../../components/panel/PanelApp';
import type { TabState } from '../../../core/messages/page-report';
import { getNeverRecord } from '../../../core/store/never-record';
import { fakeTransport } from '../../doubles/fake-transport';
import { makeSnapshot } from '../helpers';

afterEach(cleanup);
const KEY = 'zendesk:acme:42';
const tab: TabState = { tabId: 1, state: 'client', url: 'https://acme.zendesk.com/agent/tickets/1', clientKey: KEY, snapshot: makeSnapshot(), updatedAt: 1 };

async function mount() {
  const fake = fakeTransport({ tab });
  render(<PanelApp model={createPanelModel(fake.transport)} />);
  await fake.ready;
  await screen.findByTestId('client-type');
  return fake;
}

describe('VIP notes lock in the panel', () => {
  it('encrypts a VIP client’s notes, hides them when locked, and opens them with the passphrase', async () => {
    const { db, transport } = await mount();
    fireEvent.click(await screen.findByTestId('vip-toggle'));
    await waitFor(async () => expect((await db.clients.get(KEY))?.vip).toBe(true));
    fireEvent.input(screen.getByTestId('note-input'), { target: { value: 'home address: Tverskaya 1' } });
    fireEvent.click(screen.getByTestId('note-add'));
    await screen.findByText('home address: Tverskaya 1', {}, { timeout: 5000 });
    fireEvent.input(screen.getByTestId('lock-setup-input'), { target: { value: 'correct horse battery' } });
    fireEvent.input(screen.getByTestId('lock-setup-repeat'), { target: { value: 'correct horse battery' } });
    fireEvent.click(screen.getByTestId('lock-setup'));
    await screen.findByTestId('notes-unlocked', {}, { timeout: 5000 });
    expect(JSON.stringify(await db.notes.toArray())).not.toMatch(/Tverskaya/);
    expect(screen.getByText('home address: Tverskaya 1')).toBeTruthy();

    fireEvent.click(screen.getByTestId('notes-lock'));
    await screen.findByTestId('note-locked');
    expect(screen.queryByText('home address: Tverskaya 1')).toBeNull();
    fireEvent.input(screen.getByTestId('notes-unlock-input'), { target: { value: 'wrong passphrase' } });
    fireEvent.click(screen.getByTestId('notes-unlock'));
    expect((await screen.findByRole('alert', {}, { timeout: 5000 })).textContent).toMatch(/Wrong passphrase/);
    fireEvent.input(screen.getByTestId('notes-unlock-input'), { target: { value: 'correct horse battery' } });
    fireEvent.click(screen.getByTestId('notes-unlock'));
    await screen.findByText('home address: Tverskaya 1', {}, { timeout: 5000 });
    transport.lockNotes();
  }, 30_000); // three PBKDF2 derivations at 600 000 iterations
});

describe('forget a client from the panel', () => {
  it('deletes the dossier (and the text typed for the client) and puts the client on the never-record list', async () => {
    const { db, drafts } = await mount();
    fireEvent.input(await screen.findByTestId('tag-input'), { target: { value: 'half-typed' } });
    await waitFor(() => expect(drafts.items.size).toBe(1));
    fireEvent.input(screen.getByTestId('note-input'), { target: { value: 'to be forgotten' } });
    fireEvent.click(screen.getByTestId('note-add'));
    await screen.findByText('to be forgotten', {}, { timeout: 5000 });
    fireEvent.click(await screen.findByTestId('forget'));
    fireEvent.click(screen.getByTestId('forget-confirm'));
    await waitFor(async () => expect(await db.clients.count()).toBe(0));
    expect(await db.notes.count()).toBe(0);
    await waitFor(() => expect(drafts.items.size).toBe(0));
    expect((await getNeverRecord(db)).clientKeys).toEqual([KEY]);
    expect((await getNeverRecord(db)).emails).toEqual(['megan@example.com']);
  }, 15_000);
});
