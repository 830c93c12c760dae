// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lang } from '../../../components/i18n';
import { createOptionsModel } from '../../../components/options/model';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { checkPack } from '../../../core/pack/check';
import { readShippedModel } from '../../../core/classifier/node-model';
import { layerPacks } from '../../../core/pack/merge';
import { readDefaultPack } from '../../../core/pack/node-default';
import { fakeOptionsTransport, fixturePack, type FakeOptionsInit } from '../../doubles/fake-options-transport';

afterEach(() => {
  cleanup();
  lang.value = 'en';
});

// The team lead mislabelled one example (an extortionist filed as a tester): the check must show that miss.
const fixture = fixturePack('acme-support.json');
const acme = { ...fixture, examples: fixture.examples!.map((e, i) => (i === 0 ? { ...e, label: 'tester' as const } : e)) };
const expected = checkPack(readShippedModel(), layerPacks([readDefaultPack(), acme]).pack, acme.examples);

async function openCheck(init: FakeOptionsInit = {}) {
  const fake = fakeOptionsTransport(init);
  await fake.install(acme);
  const model = createOptionsModel(fake.transport);
  render(<OptionsApp model={model} />);
  fireEvent.click(within(await screen.findByTestId('pack-row')).getByTestId('pack-check'));
  await screen.findByTestId('check-view');
  return { ...fake, model };
}

describe('"Check this pack"', () => {
  it('runs the pack’s examples over the built-in pack and shows macro-F1, per-type metrics and the confusion matrix', async () => {
    const { state } = await openCheck();
    expect((screen.getByTestId('check-src-examples') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('check-run').textContent).toBe('Check on 12 conversations');
    fireEvent.click(screen.getByTestId('check-run'));
    await screen.findByTestId('check-results');
    const r = expected.report;
    expect(screen.getByTestId('check-macro-f1').textContent).toBe(r.macroF1.toFixed(3));
    expect(screen.getByTestId('check-accuracy').textContent).toBe(r.accuracy.toFixed(3));
    expect(screen.getByTestId('check-n').textContent).toBe('12');
    // The twelve examples have no "not enough evidence" case: said, and not counted as an F1 of 0, even if answered.
    expect(screen.getByTestId('check-no-examples').textContent).toMatch(/No examples of: Not enough evidence yet/);
    const withExamples = r.labels.filter((l) => r.perClass[l]!.support > 0);
    expect(withExamples).toHaveLength(7);
    expect(r.macroF1).toBeCloseTo(withExamples.reduce((s, l) => s + r.perClass[l]!.f1, 0) / 7, 10);
    expect(r.macroF1).toBeGreaterThan(0.5);
    const ext = screen.getByTestId('check-per-type').querySelector('tr[data-type="extortionist"]')!;
    expect([...ext.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      r.perClass.extortionist!.precision.toFixed(3),
      r.perClass.extortionist!.recall.toFixed(3),
      r.perClass.extortionist!.f1.toFixed(3),
      String(r.perClass.extortionist!.support),
    ]);
    // Every cell of the matrix is the report's count.
    const cells = [...screen.getByTestId('check-confusion').querySelectorAll<HTMLElement>('td')];
    expect(cells.length).toBeGreaterThanOrEqual(49);
    for (const c of cells) expect(Number(c.textContent)).toBe(r.confusion[c.dataset.label!]![c.dataset.predicted!]);
    expect(cells.filter((c) => c.className === 'hit').reduce((s, c) => s + Number(c.textContent), 0)).toBe(12 - expected.misses.length);
    // The misses, each with what the pack said and the client's words that made it say so.
    expect(expected.misses.length).toBeGreaterThan(0);
    const misses = screen.getAllByTestId('check-miss');
    expect(misses.map((m) => m.dataset.id)).toEqual(expected.misses.map((m) => m.example.id));
    // The five strongest reasons for the answer and for the label; the client's words and cues are quoted.
    const top = (m: (typeof expected.misses)[number], t: string) => m.result.evidence.filter((e) => e.type === t && e.contribution >= 0.05).slice(0, 5);
    const quotes = expected.misses
      .flatMap((m) => [...top(m, m.result.type), ...top(m, m.example.label!)])
      .flatMap((e) => (e.kind === 'cue' || e.kind === 'word' ? [e.quote.text] : []));
    expect(quotes.length).toBeGreaterThan(0);
    expect(screen.getAllByTestId('miss-quote').map((q) => q.textContent)).toEqual(quotes);
    // Progress was reported up to the end.
    expect(state.progress.at(-1)).toEqual([12, 12]);
  });

  it('shows a progress bar while the check runs, and can be left', async () => {
    let release!: () => void;
    await openCheck({ checkGate: new Promise((r) => (release = r)) });
    fireEvent.click(screen.getByTestId('check-run'));
    const bar = await screen.findByTestId('check-progress');
    expect(bar.getAttribute('role')).toBe('status');
    expect(bar.querySelector('progress')!.getAttribute('max')).toBe('12');
    expect(bar.textContent).toMatch(/Checked 0 of 12/);
    expect((screen.getByTestId('check-run') as HTMLButtonElement).disabled).toBe(true);
    release();
    await screen.findByTestId('check-results');
    expect(screen.queryByTestId('check-progress')).toBeNull();
  });

  it('checks a pasted .jsonl labelled set; bad lines are reported with their numbers and skipped', async () => {
    await openCheck();
    fireEvent.click(screen.getByTestId('check-src-jsonl'));
    const lines = [
      JSON.stringify(acme.examples![0]),
      '{"id": "broken"',
      JSON.stringify({ id: 'x', label: 'villain', messages: [{ author: 'client', text: 'hi' }] }),
      JSON.stringify(acme.examples![1]),
    ].join('\n');
    fireEvent.input(await screen.findByTestId('check-jsonl'), { target: { value: lines } });
    const errors = await screen.findByTestId('check-jsonl-errors');
    expect(errors.textContent).toMatch(/2 lines were skipped/);
    expect(errors.textContent).toMatch(/line 2: not JSON/);
    expect(errors.textContent).toMatch(/line 3: label: /);
    expect(screen.getByTestId('check-run').textContent).toBe('Check on 2 conversations');
    fireEvent.click(screen.getByTestId('check-run'));
    await waitFor(() => expect(screen.getByTestId('check-n').textContent).toBe('2'));
  });

  it('checks the built-in pack alone, and says when there is nothing to check on', async () => {
    const fake = fakeOptionsTransport();
    render(<OptionsApp model={createOptionsModel(fake.transport)} />);
    fireEvent.click(await screen.findByTestId('builtin-check'));
    await screen.findByTestId('check-view');
    expect((screen.getByTestId('check-src-examples') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByTestId('check-run') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('No labelled conversations to check on yet.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('check-back'));
    await screen.findByTestId('pack-list');
  });

  it('checks the editor’s draft and returns to the editor', async () => {
    const fake = fakeOptionsTransport();
    await fake.install(acme);
    render(<OptionsApp model={createOptionsModel(fake.transport)} />);
    fireEvent.click(within(await screen.findByTestId('pack-row')).getByTestId('pack-edit'));
    await screen.findByTestId('editor');
    fireEvent.input(document.querySelector('[data-path="version"]')!, { target: { value: '1.0.1' } });
    fireEvent.click(await screen.findByTestId('editor-check'));
    await screen.findByTestId('check-view');
    fireEvent.click(screen.getByTestId('check-run'));
    expect((await screen.findByTestId('check-macro-f1')).textContent).toBe(expected.report.macroF1.toFixed(3));
    fireEvent.click(screen.getByTestId('check-back'));
    await screen.findByTestId('editor');
    expect((document.querySelector('[data-path="version"]') as HTMLInputElement).value).toBe('1.0.1');
  });
});
