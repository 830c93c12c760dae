// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DataSection } from '../../components/options/DataSection';
import type { DataTransport } from '../../components/options/data-transport';
import { dataService } from '../../core/backup/service';
import { TipazhDb } from '../../core/store/db';
import { addNote, recordVisit } from '../../core/store/dossiers';
import { addToNeverRecord, getNeverRecord, setNeverRecord } from '../../core/store/never-record';
import { makeSnapshot, storedNotes } from './helpers';

afterEach(cleanup);

function transport(db: TipazhDb) {
  const files: { name: string; text: string }[] = [];
  const settings: Record<string, unknown> = { lang: 'ru' };
  const data: DataTransport = {
    ...dataService(db, { read: async () => settings, apply: async (s) => void Object.assign(settings, s) }, () => Date.parse('2026-11-22T10:00:00Z')),
    download: (name, text) => void files.push({ name, text }),
  };
  return { data, files, settings };
}
const file = (text: string) => new File([text], 'backup.json', { type: 'application/json' });

describe('Your data: backups and the never-record list', () => {
  it('backs up everything to one file and restores it into another profile, with a plan first', async () => {
    const src = new TipazhDb(`d-${Math.random()}`);
    await recordVisit(src, makeSnapshot(), 1);
    await addNote(src, 'zendesk:acme:42', 'likes tea', 2);
    const a = transport(src);
    render(<DataSection data={a.data} />);
    fireEvent.click(screen.getByTestId('backup-export'));
    await waitFor(() => expect(a.files).toHaveLength(1));
    expect(a.files[0]!.name).toBe('tipazh-backup-2026-11-22.json');
    cleanup();

    const dst = new TipazhDb(`d-${Math.random()}`);
    const b = transport(dst);
    b.settings.lang = 'en';
    render(<DataSection data={b.data} />);
    fireEvent.change(screen.getByTestId('backup-file'), { target: { files: [file(a.files[0]!.text)] } });
    expect((await screen.findByTestId('restore-plan')).textContent).toMatch(/1 new clients/);
    expect(await dst.clients.count()).toBe(0);
    fireEvent.click(screen.getByTestId('restore-apply'));
    await screen.findByTestId('restore-done');
    expect(await dst.clients.count()).toBe(1);
    expect((await storedNotes(dst))[0]?.text).toBe('likes tea');
    expect(b.settings.lang).toBe('ru');
    await src.delete();
    await dst.delete();
  });

  it('refuses a truncated file, says where it broke, and changes nothing', async () => {
    const db = new TipazhDb(`d-${Math.random()}`);
    await recordVisit(db, makeSnapshot(), 1);
    const { data } = transport(db);
    const text = (await data.exportBackup(() => {})).text;
    render(<DataSection data={data} />);
    fireEvent.change(screen.getByTestId('backup-file'), { target: { files: [file(text.slice(0, 100))] } });
    expect((await screen.findByTestId('backup-error')).textContent).toMatch(/nothing was changed.*(truncated|JSON)/);
    expect(await db.clients.count()).toBe(1);
    await db.delete();
  });

  it('saves the never-record list from text', async () => {
    const db = new TipazhDb(`d-${Math.random()}`);
    const { data } = transport(db);
    render(<DataSection data={data} />);
    fireEvent.input(screen.getByTestId('never-record'), { target: { value: 'ceo@bigcorp.com\n@press.example\nnonsense' } });
    fireEvent.click(screen.getByTestId('never-record-save'));
    await waitFor(async () => expect((await getNeverRecord(db)).emails).toEqual(['ceo@bigcorp.com']));
    expect((await getNeverRecord(db)).domains).toEqual(['press.example']);
    await waitFor(() => expect((screen.getByTestId('never-record') as HTMLTextAreaElement).value).toBe('ceo@bigcorp.com\n@press.example'));
    await db.delete();
  });

  it('saves what the agent changed in the list, not the list: a client a panel put on it meanwhile stays', async () => {
    const db = new TipazhDb(`d-${Math.random()}`);
    await setNeverRecord(db, { emails: ['old@x.example', 'gone@x.example'], domains: [], clientKeys: [] });
    const { data } = transport(db);
    render(<DataSection data={data} />);
    const box = screen.getByTestId('never-record') as HTMLTextAreaElement;
    await waitFor(() => expect(box.value).toBe('old@x.example\ngone@x.example'));
    // While the page is open, an agent forgets a client "never again" in a panel.
    await addToNeverRecord(db, 'zendesk:acme:9', 'Forgotten@Y.example');
    fireEvent.input(box, { target: { value: 'old@x.example\nceo@bigcorp.com' } });
    fireEvent.click(screen.getByTestId('never-record-save'));
    await waitFor(async () => expect((await getNeverRecord(db)).emails.slice().sort()).toEqual(['ceo@bigcorp.com', 'forgotten@y.example', 'old@x.example']));
    expect((await getNeverRecord(db)).clientKeys).toEqual(['zendesk:acme:9']);
    // The page then shows the list as stored, the panel's entries with it.
    await waitFor(() => expect(box.value.split('\n').sort()).toEqual(['ceo@bigcorp.com', 'forgotten@y.example', 'old@x.example', 'zendesk:acme:9']));
    await db.delete();
  });
});
