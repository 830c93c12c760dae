// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lang } from '../../../components/i18n';
import { createOptionsModel } from '../../../components/options/model';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { fakeOptionsTransport } from '../../doubles/fake-options-transport';

afterEach(() => {
  cleanup();
  lang.value = 'en';
});

/** A pack a lead wrote by hand: valid JSON, but `boundary` for `boundaries` and a version that is not semantic. */
const typo = {
  schemaVersion: 1,
  id: 'acme-fix',
  name: { en: 'ACME fix', ru: 'ACME, правка' },
  version: '1.0',
  author: 'Lead',
  languages: ['en', 'ru'],
  types: { extortionist: { boundary: [{ en: 'No credit above 10 € without the shift lead.', ru: 'Без старшего смены — не больше 10 €.' }] } },
};

async function mount() {
  const fake = fakeOptionsTransport();
  const model = createOptionsModel(fake.transport);
  render(<OptionsApp model={model} />);
  await screen.findByTestId('builtin-row');
  return { ...fake, model };
}
const choose = (text: string, name = 'acme-fix.json') =>
  fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File([text], name, { type: 'application/json' })] } });
const detail = () => screen.getByTestId('notice-detail').textContent;
const field = (path: string) => document.querySelector<HTMLInputElement>(`[data-path="${path}"]`)!;

describe('a pack refused at import can be opened in the editor to fix', () => {
  it('lists the problems with their paths, opens the file’s content in the editor, and installs it once fixed', async () => {
    const { list } = await mount();
    choose(JSON.stringify(typo, null, 2));
    const notice = await screen.findByTestId('notice');
    expect(notice.textContent).toMatch(/This pack was not installed: it has errors\. Installed packs are unchanged\. Open it in the editor to fix them/);
    expect(detail()).toBe('version: must be a semantic version such as 1.2.0\ntypes.extortionist: unknown key "boundary"; did you mean "boundaries"?');
    expect(await list()).toEqual([]);

    fireEvent.click(screen.getByTestId('notice-fix'));
    await screen.findByTestId('editor');
    expect(screen.getByTestId('editor').dataset.mode).toBe('new');
    expect(screen.getByTestId('editor-refused').textContent).toMatch(/refused at import and is not installed/);
    expect(field('version').value).toBe('1.0');
    expect(field('name.ru').value).toBe('ACME, правка');
    await waitFor(() => expect(screen.getByTestId('editor-issues').dataset.count).toBe('2'));
    const all = screen.getAllByTestId('editor-issue').map((i) => i.textContent);
    expect(all[0]).toBe('version: must be a semantic version such as 1.2.0');
    expect(all[1]).toMatch(/^types\.extortionist: unknown key "boundary"; did you mean "boundaries"\?/);
    expect((screen.getByTestId('editor-save') as HTMLButtonElement).disabled).toBe(true);

    // The misspelled key is renamed in place, keeping its boundary; the version is typed right.
    fireEvent.click(screen.getByTestId('issue-rename'));
    fireEvent.input(field('version'), { target: { value: '1.0.0' } });
    await waitFor(() => expect(screen.getByTestId('editor-issues').dataset.count).toBe('0'));
    expect(field('types.extortionist.boundaries[0].en').value).toBe('No credit above 10 € without the shift lead.');
    fireEvent.click(screen.getByTestId('editor-save'));
    await screen.findByTestId('editor-saved');
    const [rec] = await list();
    expect(rec?.id).toBe('acme-fix');
    expect(rec?.source).toEqual({ kind: 'file', name: 'acme-fix.json' });
    expect(rec?.pack.types?.extortionist?.boundaries?.[0]?.ru).toBe('Без старшего смены — не больше 10 €.');
    expect(rec?.pack.types?.extortionist).not.toHaveProperty('boundary');
  });

  it('words the refusal and the editor’s problems in Russian, following a language switch', async () => {
    await mount();
    choose(JSON.stringify(typo));
    await screen.findByTestId('notice');
    lang.value = 'ru';
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toMatch(/^Пакет не установлен: в нём ошибки/));
    expect(detail()).toBe(
      'version: нужна версия вида 1.2.0 (семантическое версионирование)\ntypes.extortionist: неизвестный ключ «boundary». Может быть, «boundaries»?',
    );
    expect(screen.getByTestId('notice-fix').textContent).toBe('Открыть в редакторе и исправить');
    fireEvent.click(screen.getByTestId('notice-fix'));
    await screen.findByTestId('editor');
    await waitFor(() => expect(screen.getAllByTestId('editor-issue')).toHaveLength(2));
    expect(screen.getByTestId('issue-rename').textContent).toBe('Переименовать «boundary» в «boundaries»');
    expect(screen.getByTestId('editor-issues').textContent).toMatch(/нужна версия вида 1\.2\.0/);
    fireEvent.input(field('version'), { target: { value: '' } });
    await waitFor(() => expect(screen.getByTestId('editor-issues').textContent).toMatch(/version: не указано \(ожидается текст\)/));
  });

  it('says a file that is not JSON cannot be opened in the editor, and shows where it breaks', async () => {
    await mount();
    const text = JSON.stringify(typo, null, 2).replace('"author": "Lead",', '"author": "Lead"');
    choose(text);
    const notice = await screen.findByTestId('notice');
    expect(notice.textContent).toMatch(/it is not valid JSON, so it cannot be opened in the editor either/);
    expect(screen.queryByTestId('notice-fix')).toBeNull();
    expect(detail()).toBe('(root): not valid JSON: line 10, column 3: unexpected """; expected "," or "}"');
    expect(screen.getByTestId('json-excerpt').textContent).toBe('  "languages": [\n  ^');
    lang.value = 'ru';
    await waitFor(() => expect(detail()).toBe('(корень): это не JSON: строка 10, столбец 3: здесь «"», а ожидается «,» или «}»'));
    expect(screen.getByTestId('notice').textContent).toMatch(/это не JSON, поэтому открыть его в редакторе тоже нельзя/);
  });

  it('opens what a file holds even where the form expects a list, without breaking the form', async () => {
    await mount();
    choose(JSON.stringify({ ...typo, version: '1.0.0', languages: 7, types: { extortionist: { phrases: 'hello', boundaries: {} } }, segments: { vip: true } }));
    fireEvent.click(await screen.findByTestId('notice-fix'));
    await screen.findByTestId('editor');
    const lists = screen.getAllByTestId('not-a-list');
    expect(lists.map((l) => l.dataset.path)).toEqual(['types.extortionist.boundaries', 'types.extortionist.phrases', 'segments']);
    expect(lists[1]!.textContent).toMatch(/Here the pack has text, not a list/);
    expect(screen.getAllByTestId('editor-issue').map((i) => i.textContent)).toEqual([
      'languages: expected a list, got a number',
      'types.extortionist.boundaries: expected a list, got an object',
      'types.extortionist.phrases: expected a list, got text',
      'segments: expected a list, got an object',
    ]);
    // Cleared, the list falls back to the packs below; typed right, the pack is valid.
    fireEvent.click(within(lists[1]!).getByText('Clear it'));
    fireEvent.click(within(lists[0]!).getByText('Clear it'));
    fireEvent.click(within(lists[2]!).getByText('Clear it'));
    fireEvent.click(document.querySelector('[data-path="languages"] input')!);
    await waitFor(() => expect(screen.getByTestId('editor-issues').dataset.count).toBe('0'));
    expect(within(screen.getByTestId('editor-phrases')).getByTestId('inherited')).toBeTruthy();
  });
});
