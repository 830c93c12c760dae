// @vitest-environment happy-dom
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lang } from '../../../components/i18n';
import { leftOut, originOf, withItem } from '../../../components/options/inheritance';
import { createOptionsModel } from '../../../components/options/model';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { layerPacks } from '../../../core/pack/merge';
import { readDefaultPack } from '../../../core/pack/node-default';
import { fakeOptionsTransport, fixturePack } from '../../doubles/fake-options-transport';

afterEach(() => {
  cleanup();
  lang.value = 'en';
});
configure({ asyncUtilTimeout: 5000 });

const acme = fixturePack('acme-support.json');
const builtin = readDefaultPack();
const testerPhrases = builtin.types!.tester!.phrases!;

async function editAcme() {
  const fake = fakeOptionsTransport();
  await fake.install(acme);
  const model = createOptionsModel(fake.transport);
  render(<OptionsApp model={model} />);
  fireEvent.click(within(await screen.findByTestId('pack-row')).getByTestId('pack-edit'));
  await screen.findByTestId('editor');
  fireEvent.click(screen.getByTestId('type-tab-tester'));
  await waitFor(() => expect(screen.getByTestId('type-editor').dataset.type).toBe('tester'));
  return { ...fake, model };
}
const phrases = () => within(screen.getByTestId('editor-phrases'));
const origins = (group: string) => [...screen.getByTestId(group).querySelectorAll<HTMLElement>('[data-testid="item-origin"]')].map((b) => b.dataset.origin);

describe('a list a pack sets for a type replaces the inherited one, so it starts from it', () => {
  it('marks items as inherited, changed or added, finds the ones left out, and starts a list from a copy', () => {
    const inherited = [
      { id: 'a', lang: 'en', text: 'A' },
      { id: 'b', lang: 'en', text: 'B' },
    ];
    expect(originOf({ id: 'a', lang: 'en', text: 'A' }, inherited)).toBe('inherited');
    expect(originOf({ id: 'a', lang: 'en', text: 'A!' }, inherited)).toBe('changed');
    expect(originOf({ id: 'c', lang: 'en', text: 'C' }, inherited)).toBe('own');
    expect(leftOut([{ id: 'a', lang: 'en', text: 'A!' }], inherited)).toEqual([inherited[1]]);
    const started = withItem({ kind: 'unset' }, inherited, { id: 'c' });
    expect(started).toEqual([...inherited, { id: 'c' }]);
    expect(started[0]).not.toBe(inherited[0]);
    expect(withItem({ kind: 'list', items: [{ id: 'x' }] }, inherited, { id: 'c' })).toEqual([{ id: 'x' }, { id: 'c' }]);
  });

  it('adding a phrase to a built-in type keeps its phrases, marked as inherited, and saves what the agent will see', async () => {
    const { list, model } = await editAcme();
    const inherited = phrases().getByTestId('inherited');
    expect(inherited.textContent).toMatch(new RegExp(`the agent sees these ${testerPhrases.length} phrases from “Tipazh default pack”`));
    expect(within(inherited).getByTestId('inherited-items').querySelectorAll('li')).toHaveLength(testerPhrases.length);

    fireEvent.click(phrases().getByTestId('phrase-add-en'));
    await waitFor(() => expect(screen.getAllByTestId('phrase-item')).toHaveLength(testerPhrases.length + 1));
    expect(origins('editor-phrases')).toEqual([...testerPhrases.map(() => 'inherited'), 'own']);
    expect(phrases().getAllByTestId('item-origin')[0]!.textContent).toBe('from “Tipazh default pack”');
    expect(phrases().getByTestId('replaces-note').textContent).toMatch(
      new RegExp(`This list replaces the ${testerPhrases.length} phrases from “Tipazh default pack” as a whole`),
    );
    const last = testerPhrases.length;
    fireEvent.input(document.querySelector(`[data-path="types.tester.phrases[${last}].text"]`)!, {
      target: { value: 'Thanks, {{client.firstName|there}}: our QA team will try exactly these steps.' },
    });
    await waitFor(() => expect((screen.getByTestId('editor-save') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('editor-save'));
    await screen.findByTestId('editor-saved');
    const saved = (await list())[0]!.pack.types!.tester!.phrases!;
    expect(saved.slice(0, last)).toEqual(testerPhrases);
    expect(saved[last]).toMatchObject({ id: 'acme-support-tester-en-1', lang: 'en' });
    // What the panel uses: the built-in phrases and the team's one.
    await waitFor(() => expect(model.effective.value?.pack.types?.tester?.phrases).toHaveLength(last + 1));
  });

  it('a removed inherited item is named as left out and can be put back; an edited one is marked as changed', async () => {
    await editAcme();
    const boundaries = () => within(screen.getByTestId('editor-boundaries'));
    const n = builtin.types!.tester!.boundaries!.length;
    fireEvent.click(boundaries().getByTestId('editor-boundaries-add'));
    await waitFor(() => expect(origins('editor-boundaries')).toEqual([...Array(n).fill('inherited'), 'own']));
    fireEvent.click(boundaries().getAllByTestId('item-remove')[0]!);
    await waitFor(() => expect(boundaries().getByTestId('left-out').textContent).toBe('1 of them is left out.'));
    fireEvent.click(boundaries().getByTestId('put-back'));
    await waitFor(() => expect(boundaries().queryByTestId('left-out')).toBeNull());
    expect(origins('editor-boundaries')).toHaveLength(n + 1);

    fireEvent.click(phrases().getByTestId('override-copy'));
    await waitFor(() => expect(screen.getAllByTestId('phrase-item')).toHaveLength(testerPhrases.length));
    fireEvent.input(document.querySelector('[data-path="types.tester.phrases[0].text"]')!, { target: { value: 'Hello, thank you for the report.' } });
    await waitFor(() => expect(origins('editor-phrases')[0]).toBe('changed'));
    expect(phrases().getAllByTestId('item-origin')[0]!.textContent).toBe('changed from “Tipazh default pack”');
  });

  it('an empty list is still possible, and says what it hides; in Russian too', async () => {
    await editAcme();
    lang.value = 'ru';
    await waitFor(() =>
      expect(phrases().getByTestId('inherited').textContent).toMatch(new RegExp(`агент видит фразы из «Базовый набор Tipazh» \\(${testerPhrases.length}\\)`)),
    );
    fireEvent.click(phrases().getByTestId('override-empty'));
    await waitFor(() => expect(phrases().getByTestId('left-out').textContent).toBe(`Не вошли: ${testerPhrases.length}.`));
    expect(phrases().getByTestId('replaces-note').textContent).toMatch(/Этот список целиком заменяет фразы из «Базовый набор Tipazh»/);
  });

  it('for the agent’s tweaks, the inherited list is the team pack’s, named; cues add up and start empty', async () => {
    const fake = fakeOptionsTransport();
    await fake.install(acme);
    render(<OptionsApp model={createOptionsModel(fake.transport)} />);
    fireEvent.click(await screen.findByTestId('personal-edit'));
    await screen.findByTestId('editor');
    expect(phrases().getByTestId('inherited').textContent).toMatch(/the agent sees these 2 phrases from “ACME support”/);
    const cues = within(screen.getByTestId('editor-cues'));
    expect(cues.getByTestId('inherited').textContent).toMatch(/the packs below have none either/);
    fireEvent.click(cues.getByTestId('cue-add'));
    await waitFor(() => expect(screen.getAllByTestId('cue-row')).toHaveLength(1));
    // The layers under the tweaks are the built-in pack and the team pack, as the panel layers them.
    expect(layerPacks([builtin, acme]).pack.types?.extortionist?.phrases?.map((p) => p.id)).toEqual(['acme-ext-en-1', 'acme-ext-ru-1']);
  });
});
