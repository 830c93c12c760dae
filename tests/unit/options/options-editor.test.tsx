// @vitest-environment happy-dom
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lang } from '../../../components/i18n';
import { createOptionsModel } from '../../../components/options/model';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { readDefaultPack } from '../../../core/pack/node-default';
import { PERSONAL_PACK_ID } from '../../../core/store/packs';
import { fakeOptionsTransport, fixturePack } from '../../doubles/fake-options-transport';

afterEach(() => {
  cleanup();
  lang.value = 'en';
});
// The duplicated built-in pack puts ~700 inputs in the form; happy-dom re-renders them slowly on a busy machine.
configure({ asyncUtilTimeout: 5000 });

const acme = fixturePack('acme-support.json');

async function mount(installed = true) {
  const fake = fakeOptionsTransport();
  if (installed) await fake.install(acme, { kind: 'url', url: 'https://acme.zendesk.com/hc/packs/acme.json' });
  const model = createOptionsModel(fake.transport);
  render(<OptionsApp model={model} />);
  await screen.findByTestId('builtin-row');
  if (installed) await screen.findByTestId('pack-row');
  return { ...fake, model };
}
async function editAcme() {
  const m = await mount();
  fireEvent.click(within(screen.getByTestId('pack-row')).getByTestId('pack-edit'));
  await screen.findByTestId('editor');
  return m;
}

const field = (path: string) => {
  const el = document.querySelector<HTMLInputElement>(`[data-path="${path}"]`);
  if (!el) throw new Error(`no field for ${path}`);
  return el;
};
const type = (path: string, value: string) => fireEvent.input(field(path), { target: { value } });
const errorsAt = (path: string) => [...document.querySelectorAll(`[data-error-path="${path}"] li`)].map((l) => l.textContent);
const issues = () => screen.queryAllByTestId('editor-issue').map((i) => i.textContent);
const save = () => screen.getByTestId('editor-save') as HTMLButtonElement;

describe('pack editor: validation as you type', () => {
  it('shows the schema error next to the field and in the list, and disables Save until it is fixed', async () => {
    const { list } = await editAcme();
    expect((field('id') as HTMLInputElement).readOnly).toBe(true);
    expect(save().disabled).toBe(false);
    type('version', '1.0');
    await waitFor(() => expect(errorsAt('version')).toEqual(['must be a semantic version such as 1.2.0']));
    expect(field('version').getAttribute('aria-invalid')).toBe('true');
    expect(issues()).toEqual(['version: must be a semantic version such as 1.2.0']);
    expect(screen.getByTestId('editor-issues').textContent).toMatch(/Problems to fix before saving: 1/);
    expect(save().disabled).toBe(true);
    type('version', '1.0.1');
    await waitFor(() => expect(save().disabled).toBe(false));
    expect(issues()).toEqual([]);
    expect(screen.getByTestId('editor-issues').textContent).toMatch(/valid and ready to save/);
    fireEvent.click(save());
    expect((await screen.findByTestId('editor-saved')).textContent).toMatch(/Saved and installed version 1\.0\.1/);
    const [rec] = await list();
    expect(rec?.pack.version).toBe('1.0.1');
    // Editing keeps where the pack came from.
    expect(rec?.source).toEqual({ kind: 'url', url: 'https://acme.zendesk.com/hc/packs/acme.json' });
  });

  it('checks cues: an empty text and an out-of-range weight, with their paths', async () => {
    await editAcme();
    expect(screen.getByTestId('type-editor').dataset.type).toBe('extortionist');
    const cues = within(screen.getByTestId('editor-cues'));
    // The pack sets no cues for this type, and the built-in pack has none (the trained model reads the words).
    expect(cues.getByTestId('inherited').textContent).toMatch(/the packs below have none either/);
    fireEvent.click(cues.getByTestId('cue-add'));
    await waitFor(() => expect(issues()).toContain('types.extortionist.cues[0].text: must not be empty'));
    type('types.extortionist.cues[0].text', 'store credit');
    type('types.extortionist.cues[0].weight', '99');
    await waitFor(() => expect(issues()).toEqual(['types.extortionist.cues[0].weight: must be at most 10']));
    expect(save().disabled).toBe(true);
    expect(within(screen.getByTestId('type-tab-extortionist')).getByText('1')).toBeTruthy();
    type('types.extortionist.cues[0].weight', '-2.5');
    await waitFor(() => expect(issues()).toEqual([]));
  });

  it('refuses HTML in a phrase (with its path) and renders it as text in the preview', async () => {
    await editAcme();
    type('types.extortionist.phrases[0].text', 'Hi <img src=x onerror=alert(1)>');
    await waitFor(() => expect(issues()[0]).toMatch(/^types\.extortionist\.phrases\[0\]\.text: contains HTML or script/));
    expect(save().disabled).toBe(true);
    expect(screen.getAllByTestId('phrase-preview')[0]!.textContent).toBe('Hi <img src=x onerror=alert(1)>');
    expect(document.querySelector('.editor img')).toBeNull();
  });

  it('clicking a problem focuses its field, switching to the type it belongs to', async () => {
    await editAcme();
    fireEvent.click(screen.getByTestId('type-tab-tester'));
    await waitFor(() => expect(screen.getByTestId('type-editor').dataset.type).toBe('tester'));
    type('author', '');
    const item = await screen.findByTestId('editor-issue');
    fireEvent.click(within(item).getByRole('button'));
    await waitFor(() => expect(document.activeElement).toBe(field('author')));
  });

  it('edits the raw JSON as the same draft, and says when it does not parse', async () => {
    await editAcme();
    fireEvent.click(screen.getByTestId('tab-json'));
    const box = (await screen.findByTestId('editor-json')) as HTMLTextAreaElement;
    expect(JSON.parse(box.value).id).toBe('acme-support');
    fireEvent.input(box, { target: { value: '{ "schemaVersion": 1,' } });
    expect((await screen.findByTestId('json-error')).textContent).toMatch(/Not valid JSON yet/);
    fireEvent.input(box, { target: { value: JSON.stringify({ ...acme, version: '2.0.0', colour: 'red' }) } });
    await waitFor(() => expect(issues()).toEqual(['(root): unknown key "colour"']));
    expect(screen.queryByTestId('json-error')).toBeNull();
    fireEvent.input(box, { target: { value: JSON.stringify({ ...acme, version: '2.0.0' }) } });
    fireEvent.click(screen.getByTestId('tab-form'));
    await waitFor(() => expect(field('version').value).toBe('2.0.0'));
  });

  it('checks segments: emails and duplicate ids, with their paths', async () => {
    await editAcme();
    const segs = within(screen.getByTestId('editor-segments'));
    expect(segs.getAllByTestId('segment-item')).toHaveLength(1);
    type('segments[0].emails', 'ceo@acme.example\nnot-an-email');
    await waitFor(() => expect(issues()).toEqual(['segments[0].emails[1]: must be an email address']));
    type('segments[0].emails', 'ceo@acme.example');
    fireEvent.click(segs.getByTestId('segment-add'));
    await waitFor(() => expect(segs.getAllByTestId('segment-item')).toHaveLength(2));
    type('segments[1].id', 'vip');
    await waitFor(() => expect(issues()).toEqual(['segments[1].id: duplicate segment id "vip"']));
    fireEvent.change(field('segments[1].priority'), { target: { value: '3' } });
    type('segments[1].id', 'regulars');
    type('segments[1].firstReplyMinutes', '240');
    await waitFor(() => expect(issues()).toEqual([]));
    fireEvent.click(save());
    await screen.findByTestId('editor-saved');
  });
});

describe('pack editor: phrases', () => {
  it('previews a phrase live, filled from the sample ticket, and flags unknown variables', async () => {
    await editAcme();
    const preview = () => screen.getAllByTestId('phrase-preview')[1]!.textContent;
    expect(preview()).toBe('Виктория, по правилам ACME по обращению 1201 мы можем начислить бонус до 10 €, больше — только со старшим смены.');
    type('types.extortionist.phrases[1].text', '{{client.firstName}}, по заказу {{ticket.id}} вам ответит {{agent.firstName}}. Тема: {{ticket.subject}}');
    await waitFor(() => expect(preview()).toBe('Виктория, по заказу 1201 вам ответит Анна. Тема: Заказ №78412 задерживается уже неделю'));
    expect(screen.queryByTestId('phrase-unknown-vars')).toBeNull();
    type('types.extortionist.phrases[1].text', '{{client.nme|Здравствуйте}}, {{client.name}}');
    await waitFor(() => expect(preview()).toBe('Здравствуйте, Виктория Лебедева'));
    expect(screen.getByTestId('phrase-unknown-vars').textContent).toMatch(/client\.nme/);
  });

  it('adds a phrase with a fresh unique id', async () => {
    await editAcme();
    fireEvent.click(within(screen.getByTestId('editor-phrases')).getByTestId('phrase-add-ru'));
    await waitFor(() => expect(screen.getAllByTestId('phrase-item')).toHaveLength(3));
    expect(field('types.extortionist.phrases[2].id').value).toBe('acme-support-extortionist-ru-1');
    await waitFor(() => expect(issues()).toEqual(['types.extortionist.phrases[2].text: must not be empty']));
  });

  it('overrides an inherited list from a copy, and can go back to the inherited one', async () => {
    await editAcme();
    const strategy = within(screen.getByTestId('editor-strategy'));
    expect(strategy.getByTestId('inherited').textContent).toMatch(/the agent sees these 6 steps from “Tipazh default pack”/);
    fireEvent.click(strategy.getByTestId('override-copy'));
    await waitFor(() => expect(field('types.extortionist.strategy[0].en').value).toBe(readDefaultPack().types!.extortionist!.strategy![0]!.en));
    type('types.extortionist.strategy[0].en', 'Fix the real problem first.');
    fireEvent.click(strategy.getByTestId('use-inherited'));
    await waitFor(() => expect(strategy.getByTestId('inherited')).toBeTruthy());
  });
});

describe('pack editor: new packs and personal tweaks', () => {
  it('duplicates the built-in pack as a new team pack; an id in use asks before replacing', async () => {
    const { list } = await mount();
    fireEvent.click(screen.getByTestId('builtin-duplicate'));
    await screen.findByTestId('editor');
    expect(screen.getByTestId('editor').dataset.mode).toBe('new');
    expect(field('id').readOnly).toBe(false);
    expect(field('id').value).toBe('team-pack');
    expect(field('name.en').value).toBe('Our team pack');
    expect(field('name.ru').value).toBe('Пакет нашей команды');
    expect(screen.queryAllByTestId('cue-row').length).toBe(readDefaultPack().types!.extortionist!.cues?.length ?? 0);
    type('id', 'default');
    await waitFor(() => expect(issues()).toContain('id: "default" is the built-in pack\'s id; give the team pack its own id'));
    type('id', 'acme-support');
    await waitFor(() => expect(save().disabled).toBe(false));
    fireEvent.click(save());
    expect((await screen.findByTestId('editor-replace-confirm')).textContent).toMatch(/id “acme-support” is installed already \(“ACME support” 1\.0\.0\)/);
    expect((await list()).map((p) => p.pack.version)).toEqual(['1.0.0']);
    fireEvent.click(screen.getByText('Cancel'));
    type('id', 'acme-two');
    fireEvent.click(save());
    await screen.findByTestId('editor-saved');
    const all = await list();
    expect(all.map((p) => p.id)).toEqual(['acme-support', 'acme-two']);
    expect(all[1]!.source).toEqual({ kind: 'file', name: '' });
    // Saved once, it is an installed pack: its id is fixed now.
    await waitFor(() => expect(field('id').readOnly).toBe(true));
    fireEvent.click(screen.getByTestId('editor-back'));
    await screen.findByTestId('pack-list');
    const rows = screen.getAllByTestId('pack-row');
    expect(rows[0]!.dataset.packId).toBe('acme-two');
    expect(within(rows[0]!).getByTestId('pack-source').textContent).toBe('made in this editor');
  }, 30_000); // the whole built-in pack in the form: happy-dom is slow with ~700 inputs

  it('creates the personal tweaks pack, which sits on top of every pack', async () => {
    const { list, model } = await mount();
    expect(screen.getByTestId('personal-edit').textContent).toBe('Add my personal tweaks');
    fireEvent.click(screen.getByTestId('personal-edit'));
    await screen.findByTestId('editor');
    expect(screen.getByTestId('editor').dataset.mode).toBe('personal');
    expect(field('id').value).toBe(PERSONAL_PACK_ID);
    expect(field('id').readOnly).toBe(true);
    // Adding a phrase starts from the two the team pack below gives (a list replaces theirs as a whole): they stay.
    const phrases = within(screen.getByTestId('editor-phrases'));
    fireEvent.click(phrases.getByTestId('phrase-add-en'));
    await waitFor(() => expect(screen.getAllByTestId('phrase-item')).toHaveLength(3));
    type('types.extortionist.phrases[2].text', '{{client.firstName|Hi}}, let me check what our policy allows.');
    await waitFor(() => expect(save().disabled).toBe(false));
    fireEvent.click(save());
    await screen.findByTestId('editor-saved');
    const all = await list();
    expect(all.map((p) => p.id)).toEqual(['acme-support', PERSONAL_PACK_ID]);
    expect(all[1]!.source).toEqual({ kind: 'personal' });
    await waitFor(() =>
      expect(model.effective.value?.pack.types?.extortionist?.phrases?.map((p) => p.id)).toEqual([
        'acme-ext-en-1',
        'acme-ext-ru-1',
        'personal-extortionist-en-1',
      ]),
    );
    fireEvent.click(screen.getByTestId('editor-back'));
    await screen.findByTestId('pack-list');
    expect(screen.getAllByTestId('pack-row')[0]!.dataset.packId).toBe(PERSONAL_PACK_ID);
    expect(screen.getByTestId('personal-edit').textContent).toBe('Edit my personal tweaks');
  });

  it('asks before leaving with unsaved changes', async () => {
    await editAcme();
    type('author', 'Someone else');
    fireEvent.click(screen.getByTestId('editor-back'));
    expect((await screen.findByTestId('editor-leave-confirm')).textContent).toMatch(/unsaved changes will be lost/);
    fireEvent.click(screen.getByText('Keep editing'));
    await waitFor(() => expect(screen.queryByTestId('editor-leave-confirm')).toBeNull());
    expect(field('author').value).toBe('Someone else');
    fireEvent.click(screen.getByTestId('editor-back'));
    fireEvent.click(await screen.findByTestId('editor-discard'));
    await screen.findByTestId('pack-list');
  });
});
