// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DataSection } from '../../../components/options/DataSection';
import type { DataTransport } from '../../../components/options/data-transport';
import { dataService } from '../../../core/backup/service';
import { TipazhDb } from '../../../core/store/db';
import { addNote, recordVisit } from '../../../core/store/dossiers';
import { addToNeverRecord, getNeverRecord, setNeverRecord } from '../../../core/store/never-record';
import { freshDatabases, makeSnapshot, storedNotes } from '../helpers';
import { formatTime, lang } from '../../../components/i18n';
import { parseBackup } from '../../../core/backup/read-backup';
import { addTag } from '../../../core/store/dossier-edits';
import { packText } from '../../doubles/fake-options-transport';

afterEach(() => {
  cleanup();
  lang.value = 'en';
});
const fresh = freshDatabases('d');

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

  it('refuses a file changed after it was written, in the UI language, and changes nothing', async () => {
    const db = new TipazhDb(`d-${Math.random()}`);
    await recordVisit(db, makeSnapshot(), 1);
    const { data } = transport(db);
    const text = (await data.exportBackup(() => {})).text;
    // One character of a dossier changed on disk: the JSON is still valid, the digest is not.
    const changed = text.replace('"visitCount":1', '"visitCount":7');
    expect(changed).not.toBe(text);
    render(<DataSection data={data} />);
    fireEvent.change(screen.getByTestId('backup-file'), { target: { files: [file(changed)] } });
    expect((await screen.findByTestId('backup-error')).textContent).toBe(
      'This file cannot be restored, and nothing was changed: it was changed or damaged after it was written (its integrity check, a digest of its content, does not match).',
    );
    lang.value = 'ru';
    await waitFor(() =>
      expect(screen.getByTestId('backup-error').textContent).toMatch(
        /^Этот файл нельзя восстановить, ничего не изменено: его изменили или повредили после записи/,
      ),
    );
    expect(screen.queryByTestId('restore-plan')).toBeNull();
    expect((await db.clients.get('zendesk:acme:42'))?.visitCount).toBe(1);
    await db.delete();
  });

  it('restores an older backup without a digest, warning first that it has no integrity check', async () => {
    const src = new TipazhDb(`d-${Math.random()}`);
    await recordVisit(src, makeSnapshot(), 1);
    const old = JSON.parse((await transport(src).data.exportBackup(() => {})).text);
    delete old.digest;
    old.version = 1;
    const dst = new TipazhDb(`d-${Math.random()}`);
    const { data } = transport(dst);
    render(<DataSection data={data} />);
    fireEvent.change(screen.getByTestId('backup-file'), { target: { files: [file(JSON.stringify(old))] } });
    expect((await screen.findByTestId('restore-unchecked')).textContent).toMatch(/^This backup has no integrity check: an older Tipazh made it/);
    lang.value = 'ru';
    await waitFor(() => expect(screen.getByTestId('restore-unchecked').textContent).toMatch(/^У этой копии нет проверки целостности/));
    fireEvent.click(screen.getByTestId('restore-apply'));
    await screen.findByTestId('restore-done');
    expect(await dst.clients.count()).toBe(1);
    // A file that carries its digest shows no such warning.
    cleanup();
    render(<DataSection data={transport(fresh()).data} />);
    fireEvent.change(screen.getByTestId('backup-file'), { target: { files: [file((await transport(src).data.exportBackup(() => {})).text)] } });
    await screen.findByTestId('restore-plan');
    expect(screen.queryByTestId('restore-unchecked')).toBeNull();
    await src.delete();
    await dst.delete();
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

  it('names a conflict by the client and both dates, not by its key, in the UI language', async () => {
    const src = new TipazhDb(`d-${Math.random()}`);
    await recordVisit(src, makeSnapshot(), Date.parse('2026-11-02T09:00:00Z'));
    const text = (await transport(src).data.exportBackup(() => {})).text;
    const dst = new TipazhDb(`d-${Math.random()}`);
    const { data } = transport(dst);
    await data.restore(await parseBackup(text).then((r) => (r.ok ? r.backup : Promise.reject(new Error(r.error)))), 'keep-local', () => {});
    await addTag(dst, 'zendesk:acme:42', 'changed here', 'you');
    render(<DataSection data={data} />);
    fireEvent.change(screen.getByTestId('backup-file'), { target: { files: [file(text)] } });
    const conflict = await screen.findByTestId('restore-conflict');
    const here = formatTime((await dst.clients.get('zendesk:acme:42'))!.updatedAt!);
    expect(conflict.textContent).toBe(`Megan Price (megan@example.com) — changed here ${here}, in the file ${formatTime(Date.parse('2026-11-02T09:00:00Z'))}`);
    expect(conflict.textContent).not.toMatch(/zendesk:acme:42/);
    lang.value = 'ru';
    await waitFor(() =>
      expect(screen.getByTestId('restore-conflict').textContent).toMatch(
        /^Megan Price \(megan@example\.com\) — здесь изменено .*, в файле — 2 нояб\. 2026 г\./,
      ),
    );
    await src.delete();
    await dst.delete();
  });

  it('recognises a strategy pack picked as a backup, and offers to import it as a pack', async () => {
    const db = new TipazhDb(`d-${Math.random()}`);
    const picked: File[] = [];
    render(<DataSection data={transport(db).data} importPack={(f) => picked.push(f)} />);
    const pack = new File([packText('acme-support.json')], 'acme-support.json', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('backup-file'), { target: { files: [pack] } });
    expect((await screen.findByTestId('backup-is-pack')).textContent).toMatch(
      /^This is a strategy pack, not a backup: import it under “Add a pack”\. Nothing was restored\./,
    );
    expect(screen.queryByTestId('backup-error')).toBeNull();
    lang.value = 'ru';
    await waitFor(() => expect(screen.getByTestId('backup-is-pack').textContent).toMatch(/^Это пакет стратегий, а не резервная копия/));
    fireEvent.click(screen.getByTestId('backup-import-pack'));
    expect(picked).toEqual([pack]);
    expect(screen.queryByTestId('backup-is-pack')).toBeNull();
    await db.delete();
  });
});
